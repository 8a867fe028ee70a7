// The account emails (an invitation, a password reset link, an email confirmation link), written
// in the recipient's language into the outbox.
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { renderText, type Locale } from "@/server/i18n/render";
import { appUrl } from "../app-url";
import { now } from "../clock";

export function accountMail(
  tx: DbOrTx,
  to: { email: string; locale: Locale },
  kind: "invite" | "reset" | "verify",
  link: string,
  params: Record<string, string> = {},
) {
  const values = { ...params, url: appUrl(link) };
  tx.insert(emailOutbox)
    .values({
      toAddress: to.email,
      subject: renderText(to.locale, `accountMail.${kind}Subject`, values),
      body: renderText(to.locale, `accountMail.${kind}Body`, values),
      createdAt: now(),
    })
    .run();
}

// A firm registers itself with its first user account. The answer is the same whether or not the
// email or the credit code is already registered: what happened is told by email, to the owner of
// the address (and to the firm whose credit code was used), so the form reveals nothing.
import { and, eq } from "drizzle-orm";
import { emailOutbox, firms, users } from "@/db/schema";
import type { DB, DbOrTx } from "@/db/client";
import { hashPassword } from "@/server/auth/password";
import { renderText, type Locale } from "@/server/i18n/render";
import { recordAudit } from "../audit/record-audit";
import { appUrl } from "../app-url";
import { now } from "../clock";
import {
  REGISTRATION_MAILS_PER_EMAIL,
  REGISTRATIONS_PER_ADDRESS,
  budgetSpentUntil,
  spendBudget,
} from "../auth/rate-limit";
import { registerFirmInput, type RegisterFirmInput } from "./register-input";
import { parseInput } from "../parse-input";
import { confirmationPath } from "../accounts/links";

type MailKind = "welcome" | "emailTaken" | "firmTaken" | "firmTakenNotice";

function mail(
  tx: DbOrTx,
  to: { email: string; locale: Locale },
  kind: MailKind,
  params: Record<string, string>,
) {
  const values = { ...params, url: appUrl("/signin") };
  tx.insert(emailOutbox)
    .values({
      toAddress: to.email,
      subject: renderText(to.locale, `registrationMail.${kind}Subject`, values),
      body: renderText(to.locale, `registrationMail.${kind}Body`, values),
      createdAt: now(),
    })
    .run();
}

export type RegistrationAnswer = { email: string };

export async function registerFirm(
  db: DB,
  raw: RegisterFirmInput,
  ip: string | null = null,
): Promise<RegistrationAnswer> {
  const input = parseInput(registerFirmInput, raw);
  if (ip) spendBudget(db, REGISTRATIONS_PER_ADDRESS, { ip });
  // Hashed on every path, so a taken email answers no faster than a new one.
  const passwordHash = await hashPassword(input.password);
  const registrant = { email: input.email, locale: input.locale };

  db.transaction(
    (tx) => {
      const quiet =
        budgetSpentUntil(tx, REGISTRATION_MAILS_PER_EMAIL, { email: input.email }) !== null;
      const declined = (reason: string) =>
        recordAudit(tx, {
          action: "firm.register_declined",
          actorEmail: input.email,
          detail: { reason, creditCode: input.creditCode, mailed: !quiet },
          ip,
        });
      const existing = tx
        .select({ id: users.id, locale: users.locale })
        .from(users)
        .where(eq(users.email, input.email))
        .get();
      if (existing) {
        if (!quiet) mail(tx, { email: input.email, locale: existing.locale }, "emailTaken", {});
        return declined("email");
      }
      const firm = tx
        .select({ id: firms.id })
        .from(firms)
        .where(eq(firms.creditCode, input.creditCode))
        .get();
      if (firm) {
        if (!quiet) {
          mail(tx, registrant, "firmTaken", { name: input.name, creditCode: input.creditCode });
          const members = tx
            .select({ email: users.email, locale: users.locale })
            .from(users)
            .where(and(eq(users.firmId, firm.id), eq(users.disabled, false)))
            .all();
          for (const member of members)
            mail(tx, member, "firmTakenNotice", {
              email: input.email,
              creditCode: input.creditCode,
            });
        }
        return declined("creditCode");
      }
      const created = tx
        .insert(firms)
        .values({
          name: input.firmName,
          creditCode: input.creditCode,
          size: input.size,
          industry: input.industry,
          prefecture: input.prefecture,
        })
        .returning({ id: firms.id })
        .get();
      const user = tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          passwordHash,
          role: "firm",
          firmId: created.id,
          firmRole: "manager",
          emailVerified: false,
          locale: input.locale,
        })
        .returning({ id: users.id })
        .get();
      // The welcome carries the link that confirms the address (needed before the first request).
      mail(tx, registrant, "welcome", {
        name: input.name,
        firm: input.firmName,
        confirmUrl: appUrl(confirmationPath(tx, { id: user.id, email: input.email })),
      });
      recordAudit(tx, {
        action: "firm.registered",
        actorId: user.id,
        actorEmail: input.email,
        target: `firm:${created.id}`,
        detail: { firmName: input.firmName, creditCode: input.creditCode },
        ip,
      });
    },
    { behavior: "immediate" },
  );
  return { email: input.email };
}

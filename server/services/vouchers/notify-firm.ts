// Tells every active user of a firm about its voucher allotment, in each user's language: in the
// app and by email.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox, notifications, users } from "@/db/schema";
import { renderText } from "@/server/i18n/render";
import { appUrl } from "../app-url";

export type AllotmentNote = {
  code: "allotmentApproved" | "allotmentRefused";
  params: { en: string; zh: string; amount?: number; reason?: string };
};

export function notifyFirm(tx: DbOrTx, firmId: number, at: number, note: AllotmentNote): void {
  const people = tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.firmId, firmId), eq(users.disabled, false)))
    .all();
  for (const u of people) {
    const { en, zh, ...rest } = note.params;
    const params = { ...rest, programme: u.locale === "zh" ? zh : en };
    const title = renderText(u.locale, `voucherMail.${note.code}Title`, params);
    const body = renderText(u.locale, `voucherMail.${note.code}`, params);
    tx.insert(notifications)
      .values({ userId: u.id, kind: `voucher.${note.code}`, title, body, createdAt: at })
      .run();
    tx.insert(emailOutbox)
      .values({
        toAddress: u.email,
        subject: title,
        body: `${body}\n\n${appUrl("/firm/vouchers")}`,
        createdAt: at,
      })
      .run();
  }
}

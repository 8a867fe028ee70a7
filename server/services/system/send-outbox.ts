// Sends the email outbox through SMTP when SMTP_URL is set (smtp://user:pass@host:port).
// Without it the outbox stays in the database, where admins read it.
import { and, asc, isNull } from "drizzle-orm";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { DB } from "@/db/client";
import { emailOutbox } from "@/db/schema";

export async function sendOutbox(
  db: DB,
  smtpUrl: string,
  from = process.env.MAIL_FROM ?? "Sichuan Pilot Network <no-reply@pilot.local>",
  limit = 50,
): Promise<number> {
  const pending = db
    .select()
    .from(emailOutbox)
    .where(and(isNull(emailOutbox.sentAt), isNull(emailOutbox.error)))
    .orderBy(asc(emailOutbox.id))
    .limit(limit)
    .all();
  if (!pending.length) return 0;
  const transport = nodemailer.createTransport(smtpUrl);
  let sent = 0;
  for (const mail of pending) {
    try {
      await transport.sendMail({
        from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.body,
      });
      db.update(emailOutbox).set({ sentAt: Date.now() }).where(eq(emailOutbox.id, mail.id)).run();
      sent++;
    } catch (error) {
      db.update(emailOutbox)
        .set({ error: String((error as Error).message).slice(0, 500) })
        .where(eq(emailOutbox.id, mail.id))
        .run();
    }
  }
  transport.close();
  return sent;
}

import { count, desc } from "drizzle-orm";
import type { DB } from "@/db/client";
import { emailOutbox } from "@/db/schema";

/** The email outbox, newest first, for admins (the mail log when SMTP is not configured). */
export function listOutbox(db: DB, page = 1, pageSize = 50) {
  const rows = db
    .select()
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return {
    rows,
    total: db.select({ n: count() }).from(emailOutbox).get()!.n,
    smtpConfigured: Boolean(process.env.SMTP_URL),
  };
}

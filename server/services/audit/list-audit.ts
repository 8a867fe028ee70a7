// The audit log for admins, newest first, filtered by action prefix, actor email and period.
import { and, desc, gte, like, lt, count, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { auditLog } from "@/db/schema";
import { numeric } from "../number-input";

export const listAuditInput = z.object({
  action: z.string().trim().max(60).optional(),
  email: z.string().trim().toLowerCase().max(200).optional(),
  from: numeric(z.number().int().optional()),
  to: numeric(z.number().int().optional()),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type ListAuditInput = z.input<typeof listAuditInput>;

export function listAudit(db: DB, raw: ListAuditInput) {
  const input = listAuditInput.parse(raw);
  const where: SQL[] = [];
  if (input.action) where.push(like(auditLog.action, `${input.action}%`));
  if (input.email) where.push(like(auditLog.actorEmail, `%${input.email}%`));
  if (input.from !== undefined) where.push(gte(auditLog.createdAt, input.from));
  if (input.to !== undefined) where.push(lt(auditLog.createdAt, input.to));
  const filter = where.length ? and(...where) : undefined;
  const rows = db
    .select()
    .from(auditLog)
    .where(filter)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(auditLog).where(filter).get()!.n;
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

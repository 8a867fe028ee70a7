// Writes one audit_log row: sign-ins, failed sign-ins, lock-outs, denials and admin actions.
import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { now } from "../clock";

export type AuditEntry = {
  action: string;
  actorId?: number | null;
  actorEmail?: string | null;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
};

export function recordAudit(db: DbOrTx, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      action: entry.action,
      actorId: entry.actorId ?? null,
      actorEmail: entry.actorEmail?.toLowerCase() ?? null,
      target: entry.target ?? null,
      detail: entry.detail ?? null,
      ip: entry.ip ?? null,
      createdAt: now(),
    })
    .run();
}

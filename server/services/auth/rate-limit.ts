// Budgets for actions a client could repeat to guess or to flood (registrations from one address,
// wrong current passwords of one user), counted from the audit trail they already write.
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { refuse } from "../errors";
import { now } from "../clock";

export type Budget = { actions: string[]; limit: number; windowMs: number };

/** Registration attempts (accepted or not) from one address: 5 an hour. */
export const REGISTRATIONS_PER_ADDRESS: Budget = {
  actions: ["firm.registered", "firm.register_declined"],
  limit: 5,
  windowMs: 60 * 60_000,
};

/** Messages about registration attempts sent to one address: 3 an hour, then silence. */
export const REGISTRATION_MAILS_PER_EMAIL: Budget = {
  actions: ["firm.registered", "firm.register_declined"],
  limit: 3,
  windowMs: 60 * 60_000,
};

/** Wrong current passwords on the password form, per user: 5 in 15 minutes. */
export const PASSWORD_CHANGE_FAILURES: Budget = {
  actions: ["auth.password_change_failed"],
  limit: 5,
  windowMs: 15 * 60_000,
};

type Subject = { ip: string } | { email: string } | { userId: number };

function subjectColumn(subject: Subject) {
  if ("ip" in subject) return eq(auditLog.ip, subject.ip);
  if ("email" in subject) return eq(auditLog.actorEmail, subject.email);
  return eq(auditLog.actorId, subject.userId);
}

/** When the budget is spent, the time it frees again (the limit-th newest attempt ages out). */
export function budgetSpentUntil(db: DbOrTx, budget: Budget, subject: Subject): number | null {
  const at = now();
  const recent = db
    .select({ at: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.action, budget.actions),
        subjectColumn(subject),
        gt(auditLog.createdAt, at - budget.windowMs),
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(budget.limit)
    .all();
  return recent.length < budget.limit ? null : recent[budget.limit - 1].at + budget.windowMs;
}

/** Refuses with "too many attempts, try again in N minutes" when the budget is spent. */
export function spendBudget(db: DbOrTx, budget: Budget, subject: Subject): void {
  const until = budgetSpentUntil(db, budget, subject);
  if (until === null) return;
  const minutes = Math.max(1, Math.ceil((until - now()) / 60_000));
  throw refuse("TOO_MANY_REQUESTS", "auth.tooManyAttempts", { minutes });
}

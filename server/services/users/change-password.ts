// A signed-in user changes their password: required after an admin created the account or reset
// the password (mustChangePassword), available to everyone from the account page.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { Actor } from "../actor";
import { validation, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { recordAudit } from "../audit/record-audit";
import { passwordProblem } from "../auth/password-policy";
import { closeUserSessions } from "../auth/sessions";
import { PASSWORD_CHANGE_FAILURES, spendBudget } from "../auth/rate-limit";

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "field.currentPassword").max(200),
  newPassword: z.string().max(200),
});

/** `sessionId` is the session making the change: it stays open, the user's others close. */
export async function changePassword(
  db: DB,
  actor: Actor,
  raw: z.input<typeof changePasswordInput>,
  sessionId?: string,
) {
  const input = parseInput(changePasswordInput, raw);
  const user = db.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user) throw notFound("user");
  spendBudget(db, PASSWORD_CHANGE_FAILURES, { userId: user.id });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    recordAudit(db, {
      action: "auth.password_change_failed",
      actorId: user.id,
      actorEmail: user.email,
      target: `user:${user.id}`,
    });
    throw validation("currentPassword", "field.notCurrentPassword");
  }
  const problem =
    passwordProblem(input.newPassword, user.email) ??
    (input.newPassword === input.currentPassword ? { code: "field.mustDiffer" as const } : null);
  if (problem) throw validation("newPassword", problem.code, problem.params);
  const passwordHash = await hashPassword(input.newPassword);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now() })
      .where(eq(users.id, user.id))
      .run();
    closeUserSessions(tx, user.id, "password_changed", sessionId);
    recordAudit(tx, {
      action: "auth.password_changed",
      actorId: user.id,
      actorEmail: user.email,
      target: `user:${user.id}`,
    });
  });
  return { ok: true as const };
}

// What the one-time links do. An invitation makes the invitee a member (or manager) of the firm
// with the name and password they choose; a reset link sets a new password and ends the user's
// sessions; a confirmation link marks the email address confirmed. Asking for a reset answers the
// same whether or not the address has an account. Each client address may fail TOKEN_FAILURES
// times in 15 minutes.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { firms, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import type { Actor } from "../actor";
import { refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { recordAudit } from "../audit/record-audit";
import { passwordProblem } from "../auth/password-policy";
import { closeUserSessions } from "../auth/sessions";
import { budgetSpentUntil, spendBudget, type Budget } from "../auth/rate-limit";
import { issueToken, peekToken, withToken } from "./tokens";
import { accountMail } from "./mail";

export const TOKEN_FAILURES: Budget = {
  actions: ["token.refused"],
  limit: 20,
  windowMs: 15 * 60_000,
};
/** Reset requests from one address: 5 an hour; reset emails to one address: 3 an hour. */
export const RESET_REQUESTS_PER_ADDRESS: Budget = {
  actions: ["auth.reset_requested"],
  limit: 5,
  windowMs: 60 * 60_000,
};
const RESET_MAILS_PER_EMAIL: Budget = { ...RESET_REQUESTS_PER_ADDRESS, limit: 3 };
/** Confirmation links one user may ask for again: 3 an hour. */
export const VERIFY_MAILS_PER_USER: Budget = {
  actions: ["auth.verify_sent"],
  limit: 3,
  windowMs: 60 * 60_000,
};

const token = z.string({ error: "field.token" }).trim().min(1, "field.token").max(200);
export const tokenInput = z.object({ token });
export const acceptInvitationInput = z.object({
  token,
  name: z.string({ error: "field.minChars" }).trim().min(2, "field.minChars").max(120),
  password: z.string({ error: "field.password" }).max(200),
  locale: z.enum(["en", "zh"]).default("zh"),
});
export const requestResetInput = z.object({
  email: z.email({ message: "field.email" }).trim().toLowerCase().max(200),
  locale: z.enum(["en", "zh"]).default("zh"),
});
export const resetPasswordInput = z.object({ token, password: z.string().max(200) });

/** For the invitation page: the firm and the invited address, or null for a dead link. */
export function invitationInfo(db: DB, raw: z.input<typeof tokenInput>) {
  const input = parseInput(tokenInput, raw);
  const row = peekToken(db, "invite", input.token);
  if (!row) return null;
  const firm = db.select({ name: firms.name }).from(firms).where(eq(firms.id, row.firmId!)).get()!;
  return { email: row.email, firm: firm.name, firmRole: row.firmRole!, expiresAt: row.expiresAt };
}

export async function acceptInvitation(
  db: DB,
  raw: z.input<typeof acceptInvitationInput>,
  ip: string | null = null,
) {
  const input = parseInput(acceptInvitationInput, raw);
  spendBudget(db, TOKEN_FAILURES, { ip: ip ?? "unknown" });
  const row = peekToken(db, "invite", input.token);
  if (row) {
    const problem = passwordProblem(input.password, row.email);
    if (problem) throw validation("password", problem.code, problem.params);
  }
  const passwordHash = await hashPassword(input.password);
  return withToken(db, "invite", input.token, ip, (tx, t) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, t.email)).get())
      throw refuse("CONFLICT", "firm.emailTaken");
    const user = tx
      .insert(users)
      .values({
        email: t.email,
        name: input.name,
        passwordHash,
        role: "firm",
        firmId: t.firmId,
        firmRole: t.firmRole,
        locale: input.locale,
        emailVerified: true,
      })
      .returning({ id: users.id })
      .get();
    recordAudit(tx, {
      action: "firm.member_joined",
      actorId: user.id,
      actorEmail: t.email,
      target: `user:${user.id}`,
      detail: { firmId: t.firmId, firmRole: t.firmRole, invitedBy: t.createdBy },
      ip,
    });
    return { result: { email: t.email }, actorId: user.id };
  });
}

/** Always the same answer; a link is mailed only to an active account's address. */
export function requestPasswordReset(
  db: DB,
  raw: z.input<typeof requestResetInput>,
  ip: string | null = null,
) {
  const input = parseInput(requestResetInput, raw);
  db.transaction(
    (tx) => {
      spendBudget(tx, RESET_REQUESTS_PER_ADDRESS, { ip: ip ?? "unknown" });
      const quiet = budgetSpentUntil(tx, RESET_MAILS_PER_EMAIL, { email: input.email }) !== null;
      const user = tx.select().from(users).where(eq(users.email, input.email)).get();
      recordAudit(tx, {
        action: "auth.reset_requested",
        actorEmail: input.email,
        detail: { known: Boolean(user), mailed: Boolean(user && !user.disabled && !quiet) },
        ip,
      });
      if (!user || user.disabled || quiet) return;
      const { token: raw } = issueToken(tx, { kind: "reset", email: user.email, userId: user.id });
      accountMail(tx, user, "reset", `/reset/${raw}`, { name: user.name });
    },
    { behavior: "immediate" },
  );
  return { email: input.email };
}

export async function resetPassword(
  db: DB,
  raw: z.input<typeof resetPasswordInput>,
  ip: string | null = null,
) {
  const input = parseInput(resetPasswordInput, raw);
  spendBudget(db, TOKEN_FAILURES, { ip: ip ?? "unknown" });
  const row = peekToken(db, "reset", input.token);
  if (row) {
    const problem = passwordProblem(input.password, row.email);
    if (problem) throw validation("password", problem.code, problem.params);
  }
  const passwordHash = await hashPassword(input.password);
  return withToken(db, "reset", input.token, ip, (tx, t) => {
    tx.update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now() })
      .where(eq(users.id, t.userId!))
      .run();
    closeUserSessions(tx, t.userId!, "password_reset");
    recordAudit(tx, {
      action: "auth.password_reset_by_link",
      actorId: t.userId,
      actorEmail: t.email,
      target: `user:${t.userId}`,
      ip,
    });
    return { result: { email: t.email }, actorId: t.userId };
  });
}

export function confirmEmail(db: DB, raw: z.input<typeof tokenInput>, ip: string | null = null) {
  const input = parseInput(tokenInput, raw);
  spendBudget(db, TOKEN_FAILURES, { ip: ip ?? "unknown" });
  return withToken(db, "verify", input.token, ip, (tx, t) => {
    tx.update(users)
      .set({ emailVerified: true, updatedAt: now() })
      .where(eq(users.id, t.userId!))
      .run();
    return { result: { email: t.email }, actorId: t.userId };
  });
}

/** A new confirmation link's path (the registration's welcome email carries it). */
export function confirmationPath(
  tx: Parameters<typeof issueToken>[0],
  user: { id: number; email: string },
): string {
  const { token: raw } = issueToken(tx, { kind: "verify", email: user.email, userId: user.id });
  recordAudit(tx, { action: "auth.verify_sent", actorId: user.id, actorEmail: user.email });
  return `/confirm-email/${raw}`;
}

/** Mails a new confirmation link on its own (when the user asks again). */
function sendConfirmation(
  tx: Parameters<typeof issueToken>[0],
  user: { id: number; email: string; name: string; locale: "en" | "zh" },
) {
  accountMail(tx, user, "verify", confirmationPath(tx, user), { name: user.name });
}

export function resendConfirmation(db: DB, actor: Actor) {
  if (actor.emailVerified) throw refuse("INVALID_STATE", "account.emailConfirmed");
  db.transaction(
    (tx) => {
      spendBudget(tx, VERIFY_MAILS_PER_USER, { userId: actor.userId });
      sendConfirmation(tx, {
        id: actor.userId,
        email: actor.email,
        name: actor.name,
        locale: actor.locale,
      });
    },
    { behavior: "immediate" },
  );
  return { email: actor.email };
}

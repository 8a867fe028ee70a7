// A firm's managers run its account: they see the members and the open invitations, invite
// colleagues by email (a link valid 7 days, once), set each member's role, disable a member (their
// sessions end at once) and hand management to a member. A firm always keeps an active manager.
import { and, asc, eq, isNull, gt } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { accountTokens, firmRoles, firms, users } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound, refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { recordAudit } from "../audit/record-audit";
import { closeUserSessions } from "../auth/sessions";
import { spendBudget, type Budget } from "../auth/rate-limit";
import { issueToken } from "./tokens";
import { accountMail } from "./mail";

/** Invitations one manager may send: 30 an hour. */
export const INVITATIONS_PER_MANAGER: Budget = {
  actions: ["firm.member_invited"],
  limit: 30,
  windowMs: 60 * 60_000,
};

export const inviteInput = z.object({
  email: z.email({ message: "field.email" }).trim().toLowerCase().max(200),
  firmRole: z.enum(firmRoles, { error: "field.firmRole" }).default("member"),
});
export const memberRoleInput = z.object({
  userId: idInput("field.idUser"),
  firmRole: z.enum(firmRoles, { error: "field.firmRole" }),
});
export const memberDisabledInput = z.object({
  userId: idInput("field.idUser"),
  disabled: z.boolean({ error: "field.disabledFlag" }),
});
export const memberInput = z.object({ userId: idInput("field.idUser") });
export const invitationInput = z.object({ id: idInput("field.idInvitation") });

type Manager = Actor & { firmId: number };

/** The caller manages their firm's account. */
export function assertManager(actor: Actor): asserts actor is Manager {
  if (actor.role !== "firm" || actor.firmId === null || actor.firmRole !== "manager")
    throw refuse("FORBIDDEN", "firm.managersOnly");
}

/** A user of the caller's firm; anyone else is NOT_FOUND. */
function member(tx: DbOrTx, actor: Manager, userId: number) {
  const u = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!u || u.firmId !== actor.firmId || u.role !== "firm") throw notFound("user");
  return u;
}

const activeManagers = (tx: DbOrTx, firmId: number) =>
  tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.firmId, firmId), eq(users.firmRole, "manager"), eq(users.disabled, false)))
    .all()
    .map((u) => u.id);

/** Refuses a change that would leave the firm without an active manager. */
function keepAManager(tx: DbOrTx, firmId: number, losing: number) {
  if (activeManagers(tx, firmId).every((id) => id === losing))
    throw refuse("INVALID_STATE", "firm.lastManager");
}

const audit = (tx: DbOrTx, actor: Actor, action: string, target: number, detail = {}) =>
  recordAudit(tx, {
    action: `firm.${action}`,
    actorId: actor.userId,
    actorEmail: actor.email,
    target: `user:${target}`,
    detail,
  });

export function teamOf(db: DB, actor: Actor) {
  assertManager(actor);
  const members = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      firmRole: users.firmRole,
      disabled: users.disabled,
      emailVerified: users.emailVerified,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(and(eq(users.firmId, actor.firmId), eq(users.role, "firm")))
    .orderBy(asc(users.name))
    .all();
  const invitations = db
    .select({
      id: accountTokens.id,
      email: accountTokens.email,
      firmRole: accountTokens.firmRole,
      expiresAt: accountTokens.expiresAt,
      createdAt: accountTokens.createdAt,
    })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.kind, "invite"),
        eq(accountTokens.firmId, actor.firmId),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, now()),
      ),
    )
    .orderBy(asc(accountTokens.createdAt))
    .all();
  return { members, invitations, self: actor.userId };
}

export function inviteMember(db: DB, actor: Actor, raw: z.input<typeof inviteInput>) {
  assertManager(actor);
  const input = parseInput(inviteInput, raw);
  return db.transaction(
    (tx) => {
      spendBudget(tx, INVITATIONS_PER_MANAGER, { userId: actor.userId });
      const existing = tx
        .select({ firmId: users.firmId })
        .from(users)
        .where(eq(users.email, input.email))
        .get();
      if (existing)
        throw validation(
          "email",
          existing.firmId === actor.firmId ? "field.alreadyMember" : "field.emailHasAccount",
        );
      const firm = tx
        .select({ name: firms.name })
        .from(firms)
        .where(eq(firms.id, actor.firmId))
        .get()!;
      const { token, row } = issueToken(tx, {
        kind: "invite",
        email: input.email,
        firmId: actor.firmId,
        firmRole: input.firmRole,
        createdBy: actor.userId,
      });
      // The invitee has no account yet: the message is in the inviter's language.
      accountMail(tx, { email: input.email, locale: actor.locale }, "invite", `/invite/${token}`, {
        firm: firm.name,
        inviter: actor.name,
      });
      recordAudit(tx, {
        action: "firm.member_invited",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `token:${row.id}`,
        detail: { email: input.email, firmRole: input.firmRole },
      });
      return { id: row.id, email: row.email, expiresAt: row.expiresAt };
    },
    { behavior: "immediate" },
  );
}

export function withdrawInvitation(db: DB, actor: Actor, raw: z.input<typeof invitationInput>) {
  assertManager(actor);
  const input = parseInput(invitationInput, raw);
  return db.transaction(
    (tx) => {
      const row = tx.select().from(accountTokens).where(eq(accountTokens.id, input.id)).get();
      if (!row || row.kind !== "invite" || row.firmId !== actor.firmId)
        throw notFound("invitation");
      if (row.usedAt !== null || row.revokedAt !== null)
        throw refuse("INVALID_STATE", "token.invalid", { kind: "invite" });
      tx.update(accountTokens).set({ revokedAt: now() }).where(eq(accountTokens.id, row.id)).run();
      recordAudit(tx, {
        action: "firm.invitation_withdrawn",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `token:${row.id}`,
        detail: { email: row.email },
      });
      return { id: row.id };
    },
    { behavior: "immediate" },
  );
}

export function setMemberRole(db: DB, actor: Actor, raw: z.input<typeof memberRoleInput>) {
  assertManager(actor);
  const input = parseInput(memberRoleInput, raw);
  return db.transaction(
    (tx) => {
      const u = member(tx, actor, input.userId);
      if (u.firmRole === input.firmRole)
        throw refuse("INVALID_STATE", "firm.roleAlready", { email: u.email });
      if (input.firmRole === "member") keepAManager(tx, actor.firmId, u.id);
      tx.update(users)
        .set({ firmRole: input.firmRole, updatedAt: now() })
        .where(eq(users.id, u.id))
        .run();
      audit(tx, actor, "member_role_set", u.id, { email: u.email, firmRole: input.firmRole });
      return { id: u.id, firmRole: input.firmRole };
    },
    { behavior: "immediate" },
  );
}

export function setMemberDisabled(db: DB, actor: Actor, raw: z.input<typeof memberDisabledInput>) {
  assertManager(actor);
  const input = parseInput(memberDisabledInput, raw);
  return db.transaction(
    (tx) => {
      const u = member(tx, actor, input.userId);
      if (u.id === actor.userId) throw refuse("INVALID_STATE", "firm.notYourself");
      if (u.disabled === input.disabled)
        throw refuse("INVALID_STATE", "admin.userAlready", {
          email: u.email,
          disabled: input.disabled,
        });
      if (input.disabled && u.firmRole === "manager") keepAManager(tx, actor.firmId, u.id);
      tx.update(users)
        .set({ disabled: input.disabled, updatedAt: now() })
        .where(eq(users.id, u.id))
        .run();
      if (input.disabled) closeUserSessions(tx, u.id, "disabled");
      audit(tx, actor, input.disabled ? "member_disabled" : "member_enabled", u.id, {
        email: u.email,
      });
      return { id: u.id, disabled: input.disabled };
    },
    { behavior: "immediate" },
  );
}

/** The caller hands management to an active member and becomes a member. */
export function transferManagement(db: DB, actor: Actor, raw: z.input<typeof memberInput>) {
  assertManager(actor);
  const input = parseInput(memberInput, raw);
  return db.transaction(
    (tx) => {
      const u = member(tx, actor, input.userId);
      if (u.id === actor.userId) throw refuse("INVALID_STATE", "firm.notYourself");
      if (u.disabled) throw refuse("INVALID_STATE", "firm.memberDisabled", { email: u.email });
      const at = now();
      tx.update(users).set({ firmRole: "manager", updatedAt: at }).where(eq(users.id, u.id)).run();
      tx.update(users)
        .set({ firmRole: "member", updatedAt: at })
        .where(eq(users.id, actor.userId))
        .run();
      audit(tx, actor, "management_transferred", u.id, { email: u.email });
      return { id: u.id };
    },
    { behavior: "immediate" },
  );
}

// Admins manage staff accounts: create operator, coordinator and admin accounts (each starts with
// a one-time password the admin hands over, to be changed at first sign-in), disable and
// re-enable a user (a disabled user is refused on their next request), and reset a password.
import { randomInt } from "node:crypto";
import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { facilities, roles, users } from "@/db/schema";
import { staffRoles } from "@/db/schema/enums";
import { hashPassword } from "@/server/auth/password";
import type { Actor } from "../actor";
import { refuse, fieldRefusal, validation, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { recordAudit } from "../audit/record-audit";
import { likeTerms } from "../registry/like-terms";
import { idInput } from "@/server/services/id-input";
import { closeUserSessions } from "../auth/sessions";
import { numeric } from "../number-input";

const PAGE_SIZE = 50;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"; // no 0/O, 1/l/I

/** A one-time password: 14 characters from an unambiguous alphabet (≈ 81 bits). */
export function temporaryPassword(): string {
  return Array.from({ length: 14 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export const createAccountInput = z
  .object({
    email: z.email({ message: "field.email" }).trim().toLowerCase().max(200),
    name: z.string().trim().min(2, "field.minChars").max(120),
    role: z.enum(staffRoles, { error: "operator, coordinator or admin" }),
    facilityId: idInput().optional(),
    locale: z.enum(["en", "zh"]).default("zh"),
  })
  .superRefine((v, ctx) => {
    if (v.role === "operator" && !v.facilityId)
      ctx.addIssue({
        code: "custom",
        path: ["facilityId"],
        message: "field.operatorNeedsFacility",
      });
  });

export const listUsersInput = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(roles).optional(),
  page: numeric(z.number().int().min(1).max(10_000).default(1)),
});

const idObject = z.object({ id: idInput() });
export const setDisabledInput = idObject.extend({ disabled: z.boolean() });
export const resetPasswordInput = idObject;

export function listUsers(db: DB, raw: z.input<typeof listUsersInput>) {
  const input = parseInput(listUsersInput, raw);
  const where: SQL[] = [];
  if (input.role) where.push(eq(users.role, input.role));
  for (const term of likeTerms(input.q))
    where.push(
      sql`(${users.email} LIKE ${term} ESCAPE '\\' OR ${users.name} LIKE ${term} ESCAPE '\\')`,
    );
  const filter = where.length ? and(...where) : undefined;
  const rows = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      signatory: users.signatory,
      mustChangePassword: users.mustChangePassword,
      lastSignInAt: users.lastSignInAt,
      facility: facilities.nameEn,
      facilityZh: facilities.nameZh,
    })
    .from(users)
    .leftJoin(facilities, eq(facilities.id, users.facilityId))
    .where(filter)
    .orderBy(asc(users.role), asc(users.email))
    .limit(PAGE_SIZE)
    .offset((input.page - 1) * PAGE_SIZE)
    .all();
  return {
    rows,
    total: db.select({ n: count() }).from(users).where(filter).get()!.n,
    page: input.page,
    pageSize: PAGE_SIZE,
  };
}

export async function createAccount(db: DB, actor: Actor, raw: z.input<typeof createAccountInput>) {
  const input = parseInput(createAccountInput, raw);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get())
        throw fieldRefusal("CONFLICT", "email", "field.emailTaken");
      let facilityId: number | null = null;
      if (input.role !== "admin") {
        // Coordinators work for the hub; operators for the facility chosen.
        const f =
          input.role === "coordinator"
            ? tx.select().from(facilities).where(eq(facilities.kind, "hub")).get()
            : tx.select().from(facilities).where(eq(facilities.id, input.facilityId!)).get();
        if (!f)
          throw input.role === "coordinator"
            ? refuse("INVALID_STATE", "admin.hubFirst")
            : validation("facilityId", "field.noSuchFacility");
        if (input.role === "operator" && f.kind === "hub")
          throw validation("facilityId", "field.hubStaff");
        facilityId = f.id;
      }
      const created = tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          role: input.role,
          facilityId,
          locale: input.locale,
          passwordHash,
          mustChangePassword: true,
        })
        .returning({ id: users.id, email: users.email })
        .get();
      recordAudit(tx, {
        action: "admin.user_created",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `user:${created.id}`,
        detail: { email: input.email, role: input.role, facilityId },
      });
      return { ...created, temporaryPassword: password };
    },
    { behavior: "immediate" },
  );
}

export function staffTarget(db: DB, actor: Actor, id: number) {
  const user = db.select().from(users).where(eq(users.id, id)).get();
  if (!user) throw notFound("user");
  if (user.id === actor.userId) throw refuse("INVALID_STATE", "admin.ownAccount");
  return user;
}

export function setUserDisabled(db: DB, actor: Actor, raw: z.input<typeof setDisabledInput>) {
  const input = parseInput(setDisabledInput, raw);
  const user = staffTarget(db, actor, input.id);
  if (user.disabled === input.disabled)
    throw refuse("INVALID_STATE", "admin.userAlready", {
      email: user.email,
      disabled: input.disabled,
    });
  db.transaction((tx) => {
    tx.update(users)
      .set({ disabled: input.disabled, updatedAt: now() })
      .where(eq(users.id, user.id))
      .run();
    if (input.disabled) closeUserSessions(tx, user.id, "disabled");
    recordAudit(tx, {
      action: input.disabled ? "admin.user_disabled" : "admin.user_enabled",
      actorId: actor.userId,
      actorEmail: actor.email,
      target: `user:${user.id}`,
      detail: { email: user.email },
    });
  });
  return { id: user.id, disabled: input.disabled };
}

export async function resetPassword(db: DB, actor: Actor, raw: z.input<typeof resetPasswordInput>) {
  const input = parseInput(resetPasswordInput, raw);
  const user = staffTarget(db, actor, input.id);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: now() })
      .where(eq(users.id, user.id))
      .run();
    closeUserSessions(tx, user.id, "password_reset");
    recordAudit(tx, {
      action: "admin.password_reset",
      actorId: actor.userId,
      actorEmail: actor.email,
      target: `user:${user.id}`,
      detail: { email: user.email },
    });
  });
  return { id: user.id, email: user.email, temporaryPassword: password };
}

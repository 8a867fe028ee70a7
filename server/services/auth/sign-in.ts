// Checks an email and password, applying the throttle and writing the audit trail.
import { and, desc, eq, gt } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import type { DB } from "@/db/client";
import { verifyPassword } from "@/server/auth/password";
import { refuse } from "../errors";
import { now } from "../clock";
import { recordAudit } from "../audit/record-audit";
import { toActor } from "../users/load-actor";
import type { Actor } from "../actor";
import {
  FAILURE_WINDOW_MS,
  LOCK_MS,
  failureStartsLock,
  lockStatus,
  type ThrottleState,
} from "./throttle";

// A real argon2id hash of a random string, so unknown emails take as long as known ones.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$0P/3LZQZwXmfGh8kmqjl5w$gnn80uffL8yVErca9UCZQODHvk7a/fTBVN1qaJ7+mMQ";

type Subject = { column: typeof auditLog.actorEmail | typeof auditLog.ip; value: string };

function throttleState(db: DB, subject: Subject, at: number): ThrottleState {
  const since = at - FAILURE_WINDOW_MS - LOCK_MS;
  const rows = db
    .select({ action: auditLog.action, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(and(eq(subject.column, subject.value), gt(auditLog.createdAt, since)))
    .orderBy(desc(auditLog.createdAt))
    .all()
    .filter(
      (r) =>
        r.action === "auth.sign_in_failed" ||
        r.action === "auth.locked" ||
        r.action === "auth.sign_in",
    );
  const lock = rows.find((r) => r.action === "auth.locked");
  const lastSuccess =
    subject.column === auditLog.actorEmail
      ? rows.find((r) => r.action === "auth.sign_in")
      : undefined;
  const failures = rows
    .filter(
      (r) =>
        r.action === "auth.sign_in_failed" && (!lastSuccess || r.createdAt > lastSuccess.createdAt),
    )
    .map((r) => r.createdAt);
  return { failures, lockedAt: lock?.createdAt ?? null };
}

export type SignInInput = { email: string; password: string; ip: string | null };

export async function signIn(db: DB, input: SignInInput): Promise<Actor> {
  const email = input.email.trim().toLowerCase();
  const ip = input.ip ?? "unknown";
  const at = now();
  const subjects: Subject[] = [
    { column: auditLog.actorEmail, value: email },
    { column: auditLog.ip, value: ip },
  ];
  const states = subjects.map((s) => throttleState(db, s, at));
  const lock = states.map((s) => lockStatus(s, at)).find((d) => d.locked);
  if (lock && lock.locked) {
    recordAudit(db, {
      action: "auth.sign_in_refused",
      actorEmail: email,
      ip,
      detail: { until: lock.until },
    });
    const minutes = Math.max(1, Math.ceil((lock.until - at) / 60_000));
    throw refuse("TOO_MANY_REQUESTS", "auth.locked", { minutes });
  }

  const user = db.select().from(users).where(eq(users.email, email)).get();
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !ok || user.disabled) {
    const reason = !user ? "unknown_email" : !ok ? "wrong_password" : "disabled";
    recordAudit(db, {
      action: "auth.sign_in_failed",
      actorId: user?.id,
      actorEmail: email,
      ip,
      detail: { reason },
    });
    subjects.forEach((subject, i) => {
      if (failureStartsLock(states[i], at))
        recordAudit(db, {
          action: "auth.locked",
          actorEmail: subject.column === auditLog.actorEmail ? email : null,
          ip: subject.column === auditLog.ip ? ip : null,
          detail: { by: subject.column === auditLog.ip ? "ip" : "email", email },
        });
    });
    if (reason === "disabled") throw refuse("UNAUTHORIZED", "auth.disabled");
    throw refuse("UNAUTHORIZED", "auth.wrongCredentials");
  }

  db.update(users).set({ lastSignInAt: at }).where(eq(users.id, user.id)).run();
  recordAudit(db, { action: "auth.sign_in", actorId: user.id, actorEmail: email, ip });
  return toActor(user);
}

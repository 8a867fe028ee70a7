// Checks an email and password, applying the throttle and writing the audit trail.
import { and, desc, eq, gt, inArray, or } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import type { DB } from "@/db/client";
import { verifyPassword } from "@/server/auth/password";
import { refuse } from "../errors";
import { now } from "../clock";
import { recordAudit } from "../audit/record-audit";
import { toActor } from "../users/load-actor";
import type { Actor } from "../actor";
import {
  KNOWN_ADDRESS_MS,
  WINDOW_MS,
  limitsReached,
  throttleDecision,
  type SignInHistory,
} from "./throttle";

// A real argon2id hash of a random string, so unknown emails take as long as known ones.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$0P/3LZQZwXmfGh8kmqjl5w$gnn80uffL8yVErca9UCZQODHvk7a/fTBVN1qaJ7+mMQ";

/** The sign-in attempts the throttle weighs, read from the audit trail. */
function signInHistory(db: DB, email: string, ip: string, at: number): SignInHistory {
  const rows = db
    .select({
      action: auditLog.action,
      email: auditLog.actorEmail,
      ip: auditLog.ip,
      at: auditLog.createdAt,
    })
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.action, ["auth.sign_in_failed", "auth.sign_in"]),
        or(eq(auditLog.actorEmail, email), eq(auditLog.ip, ip)),
        gt(auditLog.createdAt, at - WINDOW_MS),
      ),
    )
    .all();
  const lastSuccess = (sameIp: boolean) =>
    Math.max(
      -Infinity,
      ...rows
        .filter((r) => r.action === "auth.sign_in" && r.email === email && (!sameIp || r.ip === ip))
        .map((r) => r.at),
    );
  const failures = rows.filter((r) => r.action === "auth.sign_in_failed");
  const known = db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "auth.sign_in"),
        eq(auditLog.actorEmail, email),
        eq(auditLog.ip, ip),
        gt(auditLog.createdAt, at - KNOWN_ADDRESS_MS),
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(1)
    .get();
  return {
    pair: failures
      .filter((r) => r.email === email && r.ip === ip && r.at > lastSuccess(true))
      .map((r) => r.at),
    email: failures.filter((r) => r.email === email && r.at > lastSuccess(false)).map((r) => r.at),
    address: failures.filter((r) => r.ip === ip).map((r) => r.at),
    knownAddress: ip !== "unknown" && known !== undefined,
  };
}

export type SignInInput = { email: string; password: string; ip: string | null };

export async function signIn(db: DB, input: SignInInput): Promise<Actor> {
  const email = input.email.trim().toLowerCase();
  const ip = input.ip ?? "unknown";
  const at = now();
  const history = signInHistory(db, email, ip, at);
  const decision = throttleDecision(history, at);
  if (!decision.allowed) {
    recordAudit(db, {
      action: "auth.sign_in_refused",
      actorEmail: email,
      ip,
      detail: { by: decision.by, until: decision.until },
    });
    if (decision.by === "email")
      throw refuse("TOO_MANY_REQUESTS", "auth.slowDown", {
        seconds: Math.max(1, Math.ceil((decision.until - at) / 1000)),
      });
    const minutes = Math.max(1, Math.ceil((decision.until - at) / 60_000));
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
    for (const by of limitsReached(history, at))
      recordAudit(db, {
        action: "auth.locked",
        actorEmail: email,
        ip,
        detail: { by, minutes: WINDOW_MS / 60_000 },
      });
    if (reason === "disabled") throw refuse("UNAUTHORIZED", "auth.disabled");
    throw refuse("UNAUTHORIZED", "auth.wrongCredentials");
  }

  db.update(users).set({ lastSignInAt: at }).where(eq(users.id, user.id)).run();
  recordAudit(db, { action: "auth.sign_in", actorId: user.id, actorEmail: email, ip });
  return toActor(user);
}

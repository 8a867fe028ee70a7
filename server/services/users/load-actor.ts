// Re-reads the signed-in user on every call, so a disabled account is refused on its next request.
import { eq, sql } from "drizzle-orm";
import { prepared } from "../prepared-queries";
import { users } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "../actor";

export function toActor(user: typeof users.$inferSelect): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    firmId: user.firmId,
    firmRole: user.firmRole,
    emailVerified: user.emailVerified,
    facilityId: user.facilityId,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
  };
}

const userById = (db: DbOrTx) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare();

/** The active user with this id, or null when unknown or disabled. */
export function loadActor(db: DbOrTx, userId: number): Actor | null {
  const user = prepared(db, userById).get({ id: userId });
  if (!user || user.disabled) return null;
  return toActor(user);
}

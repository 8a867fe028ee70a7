// Server-side sessions behind the JWT cookie: the cookie carries a random session id, and a cookie
// counts only while that id's row is open. Closing rows is how sessions are revoked.
import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userSessions, type sessionCloseReasons } from "@/db/schema";
import { now } from "../clock";
import { prepared } from "../prepared-queries";

export type CloseReason = (typeof sessionCloseReasons)[number];

/** Opens a session for a user who just signed in; the id goes into their cookie. */
export function openSession(db: DbOrTx, userId: number, ip: string | null): string {
  const id = randomBytes(24).toString("base64url");
  db.insert(userSessions).values({ id, userId, ip, createdAt: now() }).run();
  return id;
}

const sessionById = (db: DbOrTx) =>
  db
    .select({ userId: userSessions.userId, closedAt: userSessions.closedAt })
    .from(userSessions)
    .where(eq(userSessions.id, sql.placeholder("id")))
    .prepare();

/** Whether the cookie's session is still open for that user. */
export function sessionIsOpen(db: DbOrTx, sessionId: unknown, userId: unknown): boolean {
  if (typeof sessionId !== "string" || typeof userId !== "number") return false;
  const row = prepared(db, sessionById).get({ id: sessionId });
  return row !== undefined && row.userId === userId && row.closedAt === null;
}

export function closeSession(db: DbOrTx, sessionId: string, why: CloseReason): void {
  db.update(userSessions)
    .set({ closedAt: now(), closedWhy: why })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.closedAt)))
    .run();
}

/** Closes every open session of a user, except `keep` (the session making the change). */
export function closeUserSessions(
  db: DbOrTx,
  userId: number,
  why: CloseReason,
  keep?: string,
): number {
  return db
    .update(userSessions)
    .set({ closedAt: now(), closedWhy: why })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.closedAt),
        keep ? ne(userSessions.id, keep) : undefined,
      ),
    )
    .run().changes;
}

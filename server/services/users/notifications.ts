// A user's in-app notifications: the bell's unread count, the latest list, marking as read.
import { and, count, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { notifications, users } from "@/db/schema";
import type { Actor } from "../actor";
import { now } from "../clock";

/** The bell: unread notifications that arrived since the user last opened the list. */
export function unreadCount(db: DB, actor: Actor): number {
  const seen = db
    .select({ at: users.notificationsSeenAt })
    .from(users)
    .where(eq(users.id, actor.userId))
    .get()?.at;
  return db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.userId),
        isNull(notifications.readAt),
        seen ? gt(notifications.createdAt, seen) : undefined,
      ),
    )
    .get()!.n;
}

/** Opening the list: the bell goes quiet; the items stay marked unread until read. */
export function markSeen(db: DB, actor: Actor): { seenAt: number } {
  const at = now();
  db.update(users).set({ notificationsSeenAt: at }).where(eq(users.id, actor.userId)).run();
  return { seenAt: at };
}

export function listNotifications(db: DB, actor: Actor, limit = 20) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all();
}

/** Marks the given notifications (or all) of the caller read; other users' ids are ignored. */
export function markRead(db: DB, actor: Actor, ids?: number[]): number {
  const mine = and(
    eq(notifications.userId, actor.userId),
    isNull(notifications.readAt),
    ids ? inArray(notifications.id, ids) : undefined,
  );
  return db.update(notifications).set({ readAt: now() }).where(mine).run().changes;
}

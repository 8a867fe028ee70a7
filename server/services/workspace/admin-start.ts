// The science department's start page: the network's size and activity, and the latest audit
// entries.
import { count, desc, gte, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { auditLog, bookingRequests, equipment, facilities, firms, users } from "@/db/schema";
import { now } from "../clock";

export function adminStartPage(db: DB) {
  const at = now();
  const facilitiesByStatus = db
    .select({ status: facilities.status, n: count() })
    .from(facilities)
    .groupBy(facilities.status)
    .all();
  const equipmentCount = db.select({ n: count() }).from(equipment).get()!.n;
  const firmCount = db.select({ n: count() }).from(firms).get()!.n;
  const userCount = db.select({ n: count() }).from(users).where(eq(users.disabled, false)).get()!.n;
  const requestsLast30Days = db
    .select({ status: bookingRequests.status, n: count() })
    .from(bookingRequests)
    .where(gte(bookingRequests.createdAt, at - 30 * 86_400_000))
    .groupBy(bookingRequests.status)
    .all();
  const recentAudit = db
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(12)
    .all();
  return {
    facilitiesByStatus,
    equipmentCount,
    firmCount,
    userCount,
    requestsLast30Days,
    recentAudit,
  };
}

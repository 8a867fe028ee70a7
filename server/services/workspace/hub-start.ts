// The coordinator's start page: requests that name no facility, oldest first, flagged after 2
// working days.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookingRequests, firms } from "@/db/schema";
import { now } from "../clock";
import { workingDaysBetween } from "./working-age";

export const UNROUTED_FLAG_WORKING_DAYS = 2;

export function hubStartPage(db: DB) {
  const at = now();
  const unrouted = db
    .select({
      id: bookingRequests.id,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      serviceType: bookingRequests.serviceType,
      createdAt: bookingRequests.createdAt,
      firmName: firms.name,
      firmPrefecture: firms.prefecture,
    })
    .from(bookingRequests)
    .innerJoin(firms, eq(firms.id, bookingRequests.firmId))
    .where(and(isNull(bookingRequests.facilityId), eq(bookingRequests.status, "submitted")))
    .orderBy(asc(bookingRequests.createdAt))
    .all()
    .map((r) => {
      const age = workingDaysBetween(r.createdAt, at);
      return {
        ...r,
        workingDaysWaiting: Math.round(age * 10) / 10,
        overdue: age > UNROUTED_FLAG_WORKING_DAYS,
      };
    });
  return { unrouted, now: at };
}

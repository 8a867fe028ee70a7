// An operator's start page: their facility, requests awaiting a quote, and the coming week's bookings.
import { and, asc, count, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookingRequests, equipment, facilities, firms, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { now } from "../clock";

export function operatorStartPage(db: DB, actor: Actor & { facilityId: number }) {
  const at = now();
  const facility = db
    .select({ id: facilities.id, slug: facilities.slug, nameEn: facilities.nameEn, nameZh: facilities.nameZh, status: facilities.status, kind: facilities.kind })
    .from(facilities)
    .where(eq(facilities.id, actor.facilityId))
    .get();
  if (!facility) throw notFound("Facility");
  const equipmentByStatus = db
    .select({ status: equipment.status, n: count() })
    .from(equipment)
    .where(eq(equipment.facilityId, actor.facilityId))
    .groupBy(equipment.status)
    .all();
  const awaitingQuote = db
    .select({ id: bookingRequests.id, ref: bookingRequests.ref, title: bookingRequests.title, createdAt: bookingRequests.createdAt, firmName: firms.name })
    .from(bookingRequests)
    .innerJoin(firms, eq(firms.id, bookingRequests.firmId))
    .where(and(eq(bookingRequests.facilityId, actor.facilityId), eq(bookingRequests.status, "submitted")))
    .orderBy(asc(bookingRequests.createdAt))
    .limit(20)
    .all();
  const weekAhead = db
    .select({
      reservationId: reservations.id,
      kind: reservations.kind,
      start: reservations.start,
      end: reservations.end,
      units: reservations.units,
      equipmentName: equipment.name,
      ref: bookingRequests.ref,
      firmName: firms.name,
    })
    .from(reservations)
    .innerJoin(equipment, eq(equipment.id, reservations.equipmentId))
    .leftJoin(bookingRequests, eq(bookingRequests.id, reservations.requestId))
    .leftJoin(firms, eq(firms.id, bookingRequests.firmId))
    .where(
      and(
        eq(reservations.facilityId, actor.facilityId),
        ne(reservations.kind, "maintenance"),
        or(eq(reservations.kind, "booking"), gt(reservations.expiresAt, at)),
        isNull(reservations.releasedAt),
        lt(reservations.start, at + 7 * 86_400_000),
        gt(reservations.end, at),
      ),
    )
    .orderBy(asc(reservations.start))
    .limit(50)
    .all();
  const byStatus = db
    .select({ status: bookingRequests.status, n: count() })
    .from(bookingRequests)
    .where(eq(bookingRequests.facilityId, actor.facilityId))
    .groupBy(bookingRequests.status)
    .all();
  return { facility, equipmentByStatus, awaitingQuote, weekAhead, byStatus, now: at };
}

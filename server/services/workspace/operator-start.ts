// An operator's start page: their facility, requests awaiting a quote, and the coming week's
// bookings.
import { and, asc, count, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import type { DB } from "@/db/client";
import {
  accreditations,
  bookingRequests,
  equipment,
  facilities,
  firms,
  reservations,
} from "@/db/schema";
import { equipmentUtilisation } from "../scheduling/utilisation";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { now } from "../clock";

export function operatorStartPage(db: DB, actor: Actor & { facilityId: number }) {
  const at = now();
  const facility = db
    .select({
      id: facilities.id,
      slug: facilities.slug,
      nameEn: facilities.nameEn,
      nameZh: facilities.nameZh,
      status: facilities.status,
      kind: facilities.kind,
    })
    .from(facilities)
    .where(eq(facilities.id, actor.facilityId))
    .get();
  if (!facility) throw notFound("facility");
  const equipmentByStatus = db
    .select({ status: equipment.status, n: count() })
    .from(equipment)
    .where(eq(equipment.facilityId, actor.facilityId))
    .groupBy(equipment.status)
    .all();
  const awaitingQuote = db
    .select({
      id: bookingRequests.id,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      createdAt: bookingRequests.createdAt,
      firmName: firms.name,
    })
    .from(bookingRequests)
    .innerJoin(firms, eq(firms.id, bookingRequests.firmId))
    .where(
      and(
        eq(bookingRequests.facilityId, actor.facilityId),
        eq(bookingRequests.status, "submitted"),
      ),
    )
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
  const soon = at + 30 * 86_400_000;
  const expiringQuotes = db
    .select({
      id: bookingRequests.id,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      validUntil: bookingRequests.quoteValidUntil,
      firmName: firms.name,
    })
    .from(bookingRequests)
    .innerJoin(firms, eq(firms.id, bookingRequests.firmId))
    .where(
      and(
        eq(bookingRequests.facilityId, actor.facilityId),
        eq(bookingRequests.status, "quoted"),
        lt(bookingRequests.quoteValidUntil, at + 2 * 86_400_000),
      ),
    )
    .orderBy(asc(bookingRequests.quoteValidUntil))
    .all();
  const calibrationsDue = db
    .select({ id: equipment.id, name: equipment.name, dueAt: equipment.calibrationDueAt })
    .from(equipment)
    .where(
      and(
        eq(equipment.facilityId, actor.facilityId),
        ne(equipment.status, "retired"),
        lt(equipment.calibrationDueAt, soon),
      ),
    )
    .orderBy(asc(equipment.calibrationDueAt))
    .all();
  const accreditationsDue = db
    .select({
      type: accreditations.type,
      certificateNo: accreditations.certificateNo,
      validUntil: accreditations.validUntil,
    })
    .from(accreditations)
    .where(
      and(eq(accreditations.facilityId, actor.facilityId), lt(accreditations.validUntil, soon)),
    )
    .all();
  // Utilisation this calendar month (Asia/Shanghai).
  const local = new Date(at + 8 * 3_600_000);
  const monthStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * 3_600_000;
  const monthEnd = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - 8 * 3_600_000;
  const utilisation = equipmentUtilisation(db, actor.facilityId, monthStart, monthEnd);
  return {
    facility,
    equipmentByStatus,
    awaitingQuote,
    weekAhead,
    byStatus,
    expiringQuotes,
    calibrationsDue,
    accreditationsDue,
    utilisation,
    now: at,
  };
}

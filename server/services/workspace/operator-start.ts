// An operator's start page: their facility, requests awaiting a quote, and the coming week's
// bookings.
import { blocksCapacity } from "@/db/blocking";
import { and, asc, count, eq, gt, lt, ne } from "drizzle-orm";
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
import type { FacilityActor } from "../actor";
import { notFound } from "../errors";
import { now } from "../clock";
import { localMonth } from "../scheduling/local-time";

/** The facility the operator works for. */
function facilityOf(db: DB, facilityId: number) {
  return db
    .select({
      id: facilities.id,
      slug: facilities.slug,
      nameEn: facilities.nameEn,
      nameZh: facilities.nameZh,
      status: facilities.status,
      kind: facilities.kind,
      timeZone: facilities.timeZone,
    })
    .from(facilities)
    .where(eq(facilities.id, facilityId))
    .get();
}
/** Equipment by status. */
function equipmentCounts(db: DB, facilityId: number) {
  return db
    .select({ status: equipment.status, n: count() })
    .from(equipment)
    .where(eq(equipment.facilityId, facilityId))
    .groupBy(equipment.status)
    .all();
}
/** Submitted requests waiting for a quote, oldest first. */
function awaitingQuote(db: DB, facilityId: number) {
  return db
    .select({
      id: bookingRequests.id,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      createdAt: bookingRequests.createdAt,
      firmName: firms.name,
    })
    .from(bookingRequests)
    .innerJoin(firms, eq(firms.id, bookingRequests.firmId))
    .where(and(eq(bookingRequests.facilityId, facilityId), eq(bookingRequests.status, "submitted")))
    .orderBy(asc(bookingRequests.createdAt))
    .limit(20)
    .all();
}
/** Live holds and bookings of the coming seven days. */
function weekAhead(db: DB, facilityId: number, at: number) {
  return db
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
        eq(reservations.facilityId, facilityId),
        ne(reservations.kind, "maintenance"),
        blocksCapacity(at),
        lt(reservations.start, at + 7 * 86_400_000),
        gt(reservations.end, at),
      ),
    )
    .orderBy(asc(reservations.start))
    .limit(50)
    .all();
}
/** Requests by status. */
function requestCounts(db: DB, facilityId: number) {
  return db
    .select({ status: bookingRequests.status, n: count() })
    .from(bookingRequests)
    .where(eq(bookingRequests.facilityId, facilityId))
    .groupBy(bookingRequests.status)
    .all();
}
/** Quotes that expire within two days. */
function expiringQuotes(db: DB, facilityId: number, at: number) {
  return db
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
        eq(bookingRequests.facilityId, facilityId),
        eq(bookingRequests.status, "quoted"),
        lt(bookingRequests.quoteValidUntil, at + 2 * 86_400_000),
      ),
    )
    .orderBy(asc(bookingRequests.quoteValidUntil))
    .all();
}
/** Equipment whose calibration is due before `soon`. */
function calibrationsDue(db: DB, facilityId: number, soon: number) {
  return db
    .select({ id: equipment.id, name: equipment.name, dueAt: equipment.calibrationDueAt })
    .from(equipment)
    .where(
      and(
        eq(equipment.facilityId, facilityId),
        ne(equipment.status, "retired"),
        lt(equipment.calibrationDueAt, soon),
      ),
    )
    .orderBy(asc(equipment.calibrationDueAt))
    .all();
}
/** Accreditations that expire before `soon`. */
function accreditationsDue(db: DB, facilityId: number, soon: number) {
  return db
    .select({
      type: accreditations.type,
      certificateNo: accreditations.certificateNo,
      validUntil: accreditations.validUntil,
    })
    .from(accreditations)
    .where(and(eq(accreditations.facilityId, facilityId), lt(accreditations.validUntil, soon)))
    .all();
}
/** Utilisation of each equipment this calendar month of the facility's time zone. */
function utilisationThisMonth(db: DB, facilityId: number, timeZone: string, at: number) {
  const month = localMonth(at, timeZone);
  return equipmentUtilisation(db, facilityId, month.start, month.end);
}

export function operatorStartPage(db: DB, actor: FacilityActor) {
  const at = now();
  const id = actor.facilityId;
  const facility = facilityOf(db, id);
  if (!facility) throw notFound("facility");
  const soon = at + 30 * 86_400_000;
  return {
    facility,
    equipmentByStatus: equipmentCounts(db, id),
    awaitingQuote: awaitingQuote(db, id),
    weekAhead: weekAhead(db, id, at),
    byStatus: requestCounts(db, id),
    expiringQuotes: expiringQuotes(db, id, at),
    calibrationsDue: calibrationsDue(db, id, soon),
    accreditationsDue: accreditationsDue(db, id, soon),
    utilisation: utilisationThisMonth(db, id, facility.timeZone, at),
    now: at,
  };
}

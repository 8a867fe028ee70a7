// The facility's schedule outside the app: CSV for a period (UTF-8 with BOM, so spreadsheet
// programs show Chinese correctly) and a private iCal feed behind a secret, regenerable URL.
import { blocksCapacity } from "@/db/blocking";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookingRequests, equipment, facilities, firms, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { validation, notFound } from "../errors";
import { now } from "../clock";
import { recordAudit } from "../audit/record-audit";
import { toCsv } from "../csv";
import { addDays, localTimeText, parseLocal } from "../scheduling/local-time";
import { facilityTimeZone } from "../scheduling/facility-time-zone";
import { catalogs, type Locale } from "@/server/i18n/render";
import { kindText, summaryText } from "./reservation-text";
import { feedSecret, icsCalendar, icsStamp, icsText } from "../ical";

function scheduleRows(db: DB, facilityId: number, from: number, to: number) {
  const at = now();
  return db
    .select({
      id: reservations.id,
      kind: reservations.kind,
      start: reservations.start,
      end: reservations.end,
      units: reservations.units,
      reason: reservations.reason,
      requestId: reservations.requestId,
      equipmentName: equipment.name,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      status: bookingRequests.status,
      firmName: firms.name,
    })
    .from(reservations)
    .leftJoin(equipment, eq(equipment.id, reservations.equipmentId))
    .leftJoin(bookingRequests, eq(bookingRequests.id, reservations.requestId))
    .leftJoin(firms, eq(firms.id, bookingRequests.firmId))
    .where(
      and(
        eq(reservations.facilityId, facilityId),
        blocksCapacity(at),
        lt(reservations.start, to),
        gt(reservations.end, from),
      ),
    )
    .orderBy(asc(reservations.start))
    .all();
}

export function scheduleCsv(
  db: DB,
  actor: Actor & { facilityId: number },
  from: number,
  to: number,
  timeZone = facilityTimeZone(db, actor.facilityId),
): string {
  const names = catalogs[actor.locale].names.reservation;
  if (!(to > from) || to - from > 366 * 86_400_000) throw validation("to", "field.exportPeriod");
  const header = [
    "kind",
    "equipment",
    `start (${timeZone})`,
    `end (${timeZone})`,
    "units",
    "reference",
    "firm",
    "title",
    "status",
    "reason",
  ];
  const rows = scheduleRows(db, actor.facilityId, from, to).map((r) => [
    kindText(actor.locale, r),
    r.equipmentName ?? names.wholeFacility,
    localTimeText(r.start, timeZone),
    localTimeText(r.end, timeZone),
    r.units,
    r.ref,
    r.firmName,
    r.title,
    r.status,
    r.reason,
  ]);
  return toCsv(header, rows);
}

/** The CSV for whole days "YYYY-MM-DD" (both included) of the facility's own time zone. */
export function scheduleCsvForDays(
  db: DB,
  actor: Actor & { facilityId: number },
  days: { from: string | null; to: string | null },
): string {
  const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);
  if (!isDay(days.from) || !isDay(days.to)) throw validation("from", "field.days");
  const timeZone = facilityTimeZone(db, actor.facilityId);
  const from = parseLocal(days.from, timeZone);
  const to = parseLocal(addDays(days.to, 1), timeZone);
  if (Number.isNaN(from) || Number.isNaN(to)) throw validation("from", "field.days");
  return scheduleCsv(db, actor, from, to, timeZone);
}

export function regenerateIcalToken(db: DB, actor: Actor & { facilityId: number }): string {
  const token = feedSecret();
  db.update(facilities).set({ icalToken: token }).where(eq(facilities.id, actor.facilityId)).run();
  recordAudit(db, {
    action: "facility.ical_token_regenerated",
    actorId: actor.userId,
    actorEmail: actor.email,
    target: `facility:${actor.facilityId}`,
  });
  return token;
}

export function currentIcalToken(db: DB, actor: Actor & { facilityId: number }): string | null {
  return (
    db
      .select({ t: facilities.icalToken })
      .from(facilities)
      .where(eq(facilities.id, actor.facilityId))
      .get()?.t ?? null
  );
}

/** The facility's feed for a valid token: 30 days back, 180 ahead; NOT_FOUND otherwise. */
export function facilityIcalFeed(db: DB, token: string, locale: Locale = "en"): string {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound("feed");
  const facility = db.select().from(facilities).where(eq(facilities.icalToken, token)).get();
  if (!facility) throw notFound("feed");
  const at = now();
  const events = scheduleRows(db, facility.id, at - 30 * 86_400_000, at + 180 * 86_400_000).flatMap(
    (r) => [
      "BEGIN:VEVENT",
      `UID:reservation-${r.id}@pilot-network`,
      `DTSTAMP:${icsStamp(at)}`,
      `DTSTART:${icsStamp(r.start)}`,
      `DTEND:${icsStamp(r.end)}`,
      `SUMMARY:${icsText(summaryText(locale, r))}`,
      ...(r.title ? [`DESCRIPTION:${icsText(r.title)}`] : []),
      "END:VEVENT",
    ],
  );
  return icsCalendar([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Sichuan 1+N Pilot Network//Schedule//EN",
    `X-WR-CALNAME:${icsText(facility.nameEn)}`,
    ...events,
    "END:VCALENDAR",
  ]);
}

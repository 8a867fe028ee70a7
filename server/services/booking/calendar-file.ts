// A confirmed booking as an iCalendar (.ics) event.
import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { equipment, facilities, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { loadRequestFor } from "./request-access";
import { icsCalendar, icsStamp, icsText } from "../ical";

export function bookingCalendar(
  db: DB,
  actor: Actor,
  requestId: number,
): { fileName: string; body: string } {
  const r = loadRequestFor(db, actor, requestId);
  if (!["confirmed", "in_progress", "completed"].includes(r.status))
    throw refuse("INVALID_STATE", "request.noBooking", { ref: r.ref });
  const booking = db
    .select({
      start: reservations.start,
      end: reservations.end,
      equipmentName: equipment.name,
      facilityName: facilities.nameEn,
      address: facilities.address,
    })
    .from(reservations)
    .innerJoin(equipment, eq(equipment.id, reservations.equipmentId))
    .innerJoin(facilities, eq(facilities.id, reservations.facilityId))
    .where(
      and(
        eq(reservations.requestId, r.id),
        eq(reservations.kind, "booking"),
        isNull(reservations.releasedAt),
      ),
    )
    .get();
  if (!booking) throw refuse("INVALID_STATE", "request.noBooking", { ref: r.ref });
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Sichuan 1+N Pilot Network//Booking//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${r.ref}@pilot-network`,
    `DTSTAMP:${icsStamp(r.updatedAt)}`,
    `DTSTART:${icsStamp(booking.start)}`,
    `DTEND:${icsStamp(booking.end)}`,
    `SUMMARY:${icsText(`${r.ref} ${r.title}`)}`,
    `LOCATION:${icsText(`${booking.facilityName}, ${booking.address}`)}`,
    `DESCRIPTION:${icsText(`${booking.equipmentName} — ${r.ref}`)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return { fileName: `${r.ref}.ics`, body: icsCalendar(lines) };
}

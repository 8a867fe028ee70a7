// A confirmed booking as an iCalendar (.ics) event.
import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { equipment, facilities, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { loadRequestFor } from "./request-access";

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
const escape = (s: string) => s.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");

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
    `DTSTAMP:${stamp(r.updatedAt)}`,
    `DTSTART:${stamp(booking.start)}`,
    `DTEND:${stamp(booking.end)}`,
    `SUMMARY:${escape(`${r.ref} ${r.title}`)}`,
    `LOCATION:${escape(`${booking.facilityName}, ${booking.address}`)}`,
    `DESCRIPTION:${escape(`${booking.equipmentName} — ${r.ref}`)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return { fileName: `${r.ref}.ics`, body: lines.join("\r\n") + "\r\n" };
}

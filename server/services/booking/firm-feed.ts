// A firm user's private calendar feed: the firm's bookings (confirmed, under way or done) from 30
// days back to 180 ahead, each with its facility and equipment. The secret in the URL is the only
// key; making a new one stops the old.
import { and, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookingRequests, equipment, facilities, reservations, users } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { now } from "../clock";
import { recordAudit } from "../audit/record-audit";
import { appUrl } from "../app-url";
import { feedSecret, icsCalendar, icsStamp, icsText } from "../ical";

const DAY = 86_400_000;

function assertFirm(actor: Actor): asserts actor is Actor & { firmId: number } {
  if (actor.role !== "firm" || actor.firmId === null)
    throw refuse("FORBIDDEN", "auth.roleNeeded", { roles: "firm" });
}

export function firmFeedToken(db: DB, actor: Actor): string | null {
  assertFirm(actor);
  return (
    db.select({ t: users.icalToken }).from(users).where(eq(users.id, actor.userId)).get()?.t ?? null
  );
}

export function newFirmFeedToken(db: DB, actor: Actor): string {
  assertFirm(actor);
  const token = feedSecret("u");
  db.transaction((tx) => {
    tx.update(users).set({ icalToken: token }).where(eq(users.id, actor.userId)).run();
    recordAudit(tx, {
      action: "firm.ical_token_regenerated",
      actorId: actor.userId,
      actorEmail: actor.email,
      target: `user:${actor.userId}`,
    });
  });
  return token;
}

/** The feed of an active firm user's token, or null when the token is no firm user's. */
export function firmIcalFeed(db: DB, token: string): string | null {
  if (!/^u[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const user = db.select().from(users).where(eq(users.icalToken, token)).get();
  if (!user || user.disabled || user.role !== "firm" || user.firmId === null) return null;
  const at = now();
  const rows = db
    .select({
      id: bookingRequests.id,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      start: reservations.start,
      end: reservations.end,
      equipmentName: equipment.name,
      facilityName: facilities.nameEn,
      address: facilities.address,
    })
    .from(reservations)
    .innerJoin(bookingRequests, eq(bookingRequests.id, reservations.requestId))
    .innerJoin(equipment, eq(equipment.id, reservations.equipmentId))
    .innerJoin(facilities, eq(facilities.id, reservations.facilityId))
    .where(
      and(
        eq(bookingRequests.firmId, user.firmId),
        inArray(bookingRequests.status, ["confirmed", "in_progress", "completed"]),
        eq(reservations.kind, "booking"),
        isNull(reservations.releasedAt),
        gt(reservations.end, at - 30 * DAY),
        lt(reservations.start, at + 180 * DAY),
      ),
    )
    .all();
  return icsCalendar([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Sichuan 1+N Pilot Network//Firm bookings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...rows.flatMap((r) => [
      "BEGIN:VEVENT",
      `UID:${r.ref}@pilot-network`,
      `DTSTAMP:${icsStamp(at)}`,
      `DTSTART:${icsStamp(r.start)}`,
      `DTEND:${icsStamp(r.end)}`,
      `SUMMARY:${icsText(`${r.ref} ${r.title}`)}`,
      `LOCATION:${icsText(`${r.facilityName}, ${r.address}`)}`,
      `DESCRIPTION:${icsText(`${r.equipmentName} · ${appUrl(`/requests/${r.id}`)}`)}`,
      "STATUS:CONFIRMED",
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ]);
}

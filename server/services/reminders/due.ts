// What reminders are due at an instant, read from the current state only: a reminder whose request
// has moved on is simply no longer found here. Each has an occasion (an instant naming what it is
// about), so that a new quote or a moved run is reminded of again, and the same one never twice.
import { and, asc, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  bookingRequests,
  reminderKinds,
  remindersSent,
  reports,
  reservations,
  samples,
} from "@/db/schema";
import type { ReminderKind, Role } from "@/db/schema";
import type { RequestRow } from "../booking/request-access";
import { facilityTimeZone } from "../scheduling/facility-time-zone";
import { addDays, localDateKey, localParts, NETWORK_TIME_ZONE } from "../scheduling/local-time";
import { workingDaysBetween } from "../workspace/working-age";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A quote is reminded of when it ends within this. */
export const QUOTE_EXPIRY_NOTICE = DAY;
/** A quote is reminded of no sooner than this after it was made. */
export const QUOTE_SETTLE = HOUR;
/** Samples are reminded of when the run starts within this many local days (today included). */
export const SAMPLE_NOTICE_DAYS = 3;
/** A released report nobody of the firm has downloaded is reminded of after this. */
export const REPORT_UNCOLLECTED_AFTER = 2 * DAY;
/** A request waiting this many working days for a quote is reminded of to the facility. */
export const QUOTE_WAIT_WORKING_DAYS = 2;
/** "Tomorrow's run" is told from this local hour of the day before, not in the night. */
export const RUN_NOTICE_FROM_HOUR = 8;

export type DueReminder = {
  kind: ReminderKind;
  request: RequestRow;
  occasion: number;
  /** Who hears of it: the firm's requester, or the facility's staff. */
  sides: ("firm" | "facility")[];
  /** The instant or figure the message names. */
  at?: number;
  days?: number;
  number?: string;
};

/** The reminders each role can receive (and switch off). */
export const remindersOf: Record<Role, readonly ReminderKind[]> = {
  firm: ["quoteExpiring", "runTomorrow", "samplesDue", "reportReady"],
  operator: ["runTomorrow", "quoteWaiting"],
  coordinator: ["runTomorrow", "quoteWaiting"],
  admin: [],
};

const zoneOf = (tx: DbOrTx, r: RequestRow) =>
  r.facilityId === null ? NETWORK_TIME_ZONE : facilityTimeZone(tx, r.facilityId);

function quoteExpiring(tx: DbOrTx, at: number): DueReminder[] {
  return tx
    .select()
    .from(bookingRequests)
    .where(
      and(
        eq(bookingRequests.status, "quoted"),
        gt(bookingRequests.quoteValidUntil, at),
        lte(bookingRequests.quoteValidUntil, at + QUOTE_EXPIRY_NOTICE),
        // A quote that came with less than a day to run (a waitlist's offer) was just told of.
        lte(bookingRequests.quotedAt, at - QUOTE_SETTLE),
      ),
    )
    .all()
    .map((r) => ({
      kind: "quoteExpiring",
      request: r,
      occasion: r.quoteValidUntil!,
      sides: ["firm"],
      at: r.quoteValidUntil!,
    }));
}

/** Confirmed requests with their next booked start after `at`, if it is before `until`. */
function nextRuns(tx: DbOrTx, at: number, until: number) {
  const next = tx
    .select({
      requestId: reservations.requestId,
      start: sql<number>`min(${reservations.start})`.as("next_start"),
    })
    .from(reservations)
    .innerJoin(bookingRequests, eq(bookingRequests.id, reservations.requestId))
    .where(
      and(
        eq(bookingRequests.status, "confirmed"),
        eq(reservations.kind, "booking"),
        isNull(reservations.releasedAt),
        gt(reservations.start, at),
      ),
    )
    .groupBy(reservations.requestId)
    .as("next");
  return tx
    .select({ request: bookingRequests, start: next.start })
    .from(next)
    .innerJoin(bookingRequests, eq(bookingRequests.id, next.requestId))
    .where(lte(next.start, until))
    .orderBy(asc(next.start))
    .all();
}

function runTomorrow(tx: DbOrTx, at: number): DueReminder[] {
  const out: DueReminder[] = [];
  for (const { request, start } of nextRuns(tx, at, at + 2 * DAY)) {
    const zone = zoneOf(tx, request);
    if (localParts(at, zone).hour < RUN_NOTICE_FROM_HOUR) continue;
    if (localDateKey(start, zone) !== addDays(localDateKey(at, zone), 1)) continue;
    out.push({
      kind: "runTomorrow",
      request,
      occasion: start,
      sides: ["firm", "facility"],
      at: start,
    });
  }
  return out;
}

function samplesDue(tx: DbOrTx, at: number): DueReminder[] {
  const out: DueReminder[] = [];
  for (const { request, start } of nextRuns(tx, at, at + (SAMPLE_NOTICE_DAYS + 1) * DAY)) {
    if (request.sampleDetails.trim() === "") continue;
    const zone = zoneOf(tx, request);
    if (localDateKey(start, zone) >= addDays(localDateKey(at, zone), SAMPLE_NOTICE_DAYS)) continue;
    const received = tx
      .select({ id: samples.id })
      .from(samples)
      .where(eq(samples.requestId, request.id))
      .limit(1)
      .get();
    if (received) continue;
    out.push({ kind: "samplesDue", request, occasion: start, sides: ["firm"], at: start });
  }
  return out;
}

function reportReady(tx: DbOrTx, at: number): DueReminder[] {
  return tx
    .select({ request: bookingRequests, approvedAt: reports.approvedAt, number: reports.number })
    .from(reports)
    .innerJoin(bookingRequests, eq(bookingRequests.id, reports.requestId))
    .where(
      and(
        eq(reports.status, "released"),
        isNull(reports.firmDownloadedAt),
        isNotNull(reports.approvedAt),
        lte(reports.approvedAt, at - REPORT_UNCOLLECTED_AFTER),
      ),
    )
    .all()
    .map(({ request, approvedAt, number }) => ({
      kind: "reportReady",
      request,
      occasion: approvedAt!,
      sides: ["firm"],
      number: number ?? "",
    }));
}

function quoteWaiting(tx: DbOrTx, at: number): DueReminder[] {
  // Two working days are at least two calendar days: the SQL narrows, the working days decide.
  const since = sql<number>`coalesce(${bookingRequests.routedAt}, ${bookingRequests.createdAt})`;
  return tx
    .select()
    .from(bookingRequests)
    .where(
      and(
        eq(bookingRequests.status, "submitted"),
        isNotNull(bookingRequests.facilityId),
        lte(since, at - QUOTE_WAIT_WORKING_DAYS * DAY),
      ),
    )
    .all()
    .flatMap((r) => {
      const from = r.routedAt ?? r.createdAt;
      const days = workingDaysBetween(from, at);
      if (days < QUOTE_WAIT_WORKING_DAYS) return [];
      const due: DueReminder = {
        kind: "quoteWaiting",
        request: r,
        occasion: from,
        sides: ["facility"],
        days: Math.floor(days),
      };
      return [due];
    });
}

const finders: Record<ReminderKind, (tx: DbOrTx, at: number) => DueReminder[]> = {
  quoteExpiring,
  runTomorrow,
  samplesDue,
  reportReady,
  quoteWaiting,
};

/** Every reminder due at `at` that has not been sent yet. */
export function dueReminders(tx: DbOrTx, at: number): DueReminder[] {
  return reminderKinds.flatMap((kind) => finders[kind](tx, at)).filter((d) => !wasSent(tx, d));
}

/** The time zone a reminder's times are written in: its request's facility's (the network's
 * while the hub has it). */
export const reminderZone = (tx: DbOrTx, d: DueReminder) => zoneOf(tx, d.request);

function wasSent(tx: DbOrTx, d: DueReminder): boolean {
  return !!tx
    .select({ id: remindersSent.id })
    .from(remindersSent)
    .where(
      and(
        eq(remindersSent.kind, d.kind),
        eq(remindersSent.requestId, d.request.id),
        eq(remindersSent.occasion, d.occasion),
      ),
    )
    .get();
}

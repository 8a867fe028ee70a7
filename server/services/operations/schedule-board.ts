// The operator's schedule board: every equipment (one lane per unit where units > 1) with its
// holds, bookings and maintenance over a window; holds and bookings carry firm and reference,
// which only the facility's own staff see.
import { blocksCapacity } from "@/db/blocking";
import { isInHouse } from "./reservation-text";
import { and, asc, eq, gt, inArray, isNull, lt, ne, or } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { timeInput } from "../time-input";
import { bookingRequests, equipment, firms, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { validation } from "../errors";
import { now } from "../clock";
import { addDays, localDateKey, localDays, localParts, parseLocal } from "../scheduling/local-time";
import { facilityTimeZone } from "../scheduling/facility-time-zone";

export const boardViews = ["day", "week", "month"] as const;
export type BoardView = (typeof boardViews)[number];
/** An explicit window, or a view of the day, week (from Monday) or month containing `date`. */
export const boardInput = z.union([
  z.object({ from: timeInput, to: timeInput }),
  z.object({
    view: z.enum(boardViews),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "field.day")
      .optional(),
  }),
]);
export type BoardRequest = z.output<typeof boardInput>;

/**
 * A day, a week from Monday or a month of the facility's time zone around a "YYYY-MM-DD" day, with
 * the days before and after for paging.
 */
export function boardWindow(view: BoardView, date: string, timeZone: string) {
  const [y, m] = date.split("-").map(Number);
  let first = date;
  let after = addDays(date, 1);
  let prev = addDays(date, -1);
  if (view === "month") {
    first = `${date.slice(0, 7)}-01`;
    after = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    prev = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
  } else if (view === "week") {
    first = addDays(date, -localParts(parseLocal(date, timeZone), timeZone).weekday);
    after = addDays(first, 7);
    prev = addDays(first, -7);
  }
  return { from: parseLocal(first, timeZone), to: parseLocal(after, timeZone), prev, next: after };
}

export type BoardItem = {
  id: number;
  kind: "hold" | "booking" | "maintenance";
  start: number;
  end: number;
  units: number;
  requestId: number | null;
  ref: string | null;
  firmName: string | null;
  reason: string | null;
  expiresAt: number | null;
  /** A booking of the facility's own, with no request behind it. */
  inHouse: boolean;
};

/** Greedy interval partitioning: each item goes to the first lane free at its start. */
function lanesFor(items: BoardItem[], count: number): BoardItem[][] {
  const lanes: BoardItem[][] = Array.from({ length: Math.max(1, count) }, () => []);
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    if (item.kind === "maintenance") {
      for (const lane of lanes) lane.push(item);
      continue;
    }
    for (let u = 0; u < item.units; u++) {
      const lane =
        lanes.find((l) =>
          l.every((x) => x.kind === "maintenance" || x.end <= item.start || x.start >= item.end),
        ) ?? lanes[0];
      lane.push(item);
    }
  }
  return lanes;
}

/**
 * Each day's load of one equipment, for the month view: hours held or booked per unit (unit-hours
 * ÷ units), and the hours under maintenance.
 */
export function dayLoad(
  items: BoardItem[],
  days: { start: number; end: number }[],
  units: number,
): { bookedHours: number; maintenanceHours: number }[] {
  const overlap = (i: BoardItem, d: { start: number; end: number }) =>
    Math.max(0, Math.min(i.end, d.end) - Math.max(i.start, d.start)) / 3_600_000;
  return days.map((d) => {
    let booked = 0;
    let maintenance = 0;
    for (const i of items) {
      if (i.kind === "maintenance") maintenance += overlap(i, d);
      else booked += overlap(i, d) * i.units;
    }
    return { bookedHours: booked / Math.max(1, units), maintenanceHours: maintenance };
  });
}

export function scheduleBoard(
  db: DB,
  actor: Actor & { facilityId: number },
  request: BoardRequest,
) {
  const timeZone = facilityTimeZone(db, actor.facilityId);
  const at = now();
  const window =
    "view" in request
      ? boardWindow(request.view, request.date ?? localDateKey(at, timeZone), timeZone)
      : { ...request, prev: null, next: null };
  if (!(window.to > window.from) || window.to - window.from > 62 * 86_400_000)
    throw validation("to", "field.boardWindow");
  const items = db
    .select({
      id: equipment.id,
      name: equipment.name,
      nameZh: equipment.nameZh,
      units: equipment.units,
      status: equipment.status,
    })
    .from(equipment)
    .where(and(eq(equipment.facilityId, actor.facilityId), ne(equipment.status, "retired")))
    .orderBy(asc(equipment.name))
    .all();
  const ids = items.map((e) => e.id);
  const rows = ids.length
    ? db
        .select({
          id: reservations.id,
          equipmentId: reservations.equipmentId,
          kind: reservations.kind,
          start: reservations.start,
          end: reservations.end,
          units: reservations.units,
          requestId: reservations.requestId,
          reason: reservations.reason,
          expiresAt: reservations.expiresAt,
          ref: bookingRequests.ref,
          firmName: firms.name,
        })
        .from(reservations)
        .leftJoin(bookingRequests, eq(bookingRequests.id, reservations.requestId))
        .leftJoin(firms, eq(firms.id, bookingRequests.firmId))
        .where(
          and(
            eq(reservations.facilityId, actor.facilityId),
            or(inArray(reservations.equipmentId, ids), isNull(reservations.equipmentId)),
            blocksCapacity(at),
            lt(reservations.start, window.to),
            gt(reservations.end, window.from),
          ),
        )
        .all()
        .map((r) => ({ ...r, inHouse: isInHouse(r) }))
    : [];
  const facilityWide = rows.filter((r) => r.equipmentId === null) as BoardItem[];
  const days = localDays(window.from, window.to, timeZone);
  return {
    from: window.from,
    to: window.to,
    prev: window.prev,
    next: window.next,
    timeZone,
    /** The local days of the window: its columns. */
    days: days.map((d) => ({ key: d.key, start: d.start, end: d.end })),
    now: at,
    equipment: items.map((e) => {
      const own = [...(rows.filter((r) => r.equipmentId === e.id) as BoardItem[]), ...facilityWide];
      return { ...e, lanes: lanesFor(own, e.units), load: dayLoad(own, days, e.units) };
    }),
  };
}

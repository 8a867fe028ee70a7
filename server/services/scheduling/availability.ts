// Availability of one equipment over a window: the free intervals with their free units, and a
// per-day summary. The one module that booking, matching, the schedule board and monitoring use.
import { and, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import { blocksCapacity } from "@/db/blocking";
import type { DbOrTx } from "@/db/client";
import { equipment, facilities, reservations } from "@/db/schema";
import { notFound } from "../errors";
import { now as clockNow } from "../clock";
import {
  computeFreeIntervals,
  bookableWindow,
  type CapacityRules,
  type FreeInterval,
  type Busy,
} from "./free-intervals";
import { openIntervals } from "./opening-hours";
import { localDays } from "./local-time";
import { mergeIntervals, subtractIntervals, totalLength, type Interval } from "./intervals";

export type { FreeInterval } from "./free-intervals";
export type DayStatus =
  "free" | "partly_free" | "full" | "closed" | "maintenance" | "down" | "unavailable";
export type DaySummary = {
  date: string;
  /** The day's first instant and the next day's, in the facility's time zone. */
  start: number;
  end: number;
  status: DayStatus;
  openMinutes: number;
  freeMinutes: number;
};

export type EquipmentCapacity = CapacityRules & {
  equipmentId: number;
  facilityId: number;
  status: string;
  minHours: number;
  maxHours: number;
};

export function loadCapacity(db: DbOrTx, equipmentId: number): EquipmentCapacity {
  const row = db
    .select({
      equipmentId: equipment.id,
      facilityId: equipment.facilityId,
      units: equipment.units,
      setupMinutes: equipment.setupMinutes,
      leadDays: equipment.leadDays,
      minHours: equipment.minHours,
      maxHours: equipment.maxHours,
      status: equipment.status,
      facilityStatus: facilities.status,
      openingHours: facilities.openingHours,
      timeZone: facilities.timeZone,
    })
    .from(equipment)
    .innerJoin(facilities, eq(facilities.id, equipment.facilityId))
    .where(eq(equipment.id, equipmentId))
    .get();
  if (!row) throw notFound("equipment");
  const { facilityStatus, ...rest } = row;
  return { ...rest, bookable: row.status === "operational" && facilityStatus === "active" };
}

/**
 * The holds and bookings blocking capacity at `at` whose units, held until one setup time after
 * their end, can matter to a booking inside [from, to).
 */
export function loadBusy(
  db: DbOrTx,
  cap: EquipmentCapacity,
  from: number,
  to: number,
  at: number,
): Busy[] {
  const pad = cap.setupMinutes * 60_000;
  return db
    .select({ start: reservations.start, end: reservations.end, units: reservations.units })
    .from(reservations)
    .where(
      and(
        eq(reservations.equipmentId, cap.equipmentId),
        gt(reservations.end, from - pad),
        lt(reservations.start, to + pad),
        inArray(reservations.kind, ["hold", "booking"]),
        blocksCapacity(at),
      ),
    )
    .all();
}

/**
 * Maintenance windows of the equipment and of its whole facility overlapping [from, to) widened by
 * setup.
 */
export function loadMaintenance(
  db: DbOrTx,
  cap: EquipmentCapacity,
  from: number,
  to: number,
): Interval[] {
  const pad = cap.setupMinutes * 60_000;
  const live = and(
    eq(reservations.kind, "maintenance"),
    blocksCapacity(0), // maintenance blocks until released, whatever the instant
    gt(reservations.end, from - pad),
    lt(reservations.start, to + pad),
  );
  const own = db
    .select({ start: reservations.start, end: reservations.end })
    .from(reservations)
    .where(and(eq(reservations.equipmentId, cap.equipmentId), live))
    .all();
  const facilityWide = db
    .select({ start: reservations.start, end: reservations.end })
    .from(reservations)
    .where(and(eq(reservations.facilityId, cap.facilityId), isNull(reservations.equipmentId), live))
    .all();
  return [...own, ...facilityWide];
}

export type AvailabilityWindow = { from: number; to: number; now?: number };

export function freeIntervalsFor(
  db: DbOrTx,
  cap: EquipmentCapacity,
  window: AvailabilityWindow,
): FreeInterval[] {
  const at = window.now ?? clockNow();
  return computeFreeIntervals(
    cap,
    loadBusy(db, cap, window.from, window.to, at),
    loadMaintenance(db, cap, window.from, window.to),
    window.from,
    window.to,
    at,
  );
}

/** Free intervals and a per-day summary (days in the facility's time zone). */
export function equipmentAvailability(db: DbOrTx, equipmentId: number, window: AvailabilityWindow) {
  const at = window.now ?? clockNow();
  const cap = loadCapacity(db, equipmentId);
  const maintenance = loadMaintenance(db, cap, window.from, window.to);
  const intervals = computeFreeIntervals(
    cap,
    loadBusy(db, cap, window.from, window.to, at),
    maintenance,
    window.from,
    window.to,
    at,
  );
  return {
    equipmentId,
    units: cap.units,
    /** The facility's time zone, in which the days are counted. */
    timeZone: cap.timeZone,
    from: window.from,
    to: window.to,
    intervals,
    days: summariseDays(cap, intervals, maintenance, window.from, window.to, at),
  };
}

export function summariseDays(
  cap: EquipmentCapacity,
  intervals: FreeInterval[],
  maintenance: Interval[],
  from: number,
  to: number,
  at: number,
): DaySummary[] {
  return localDays(from, to, cap.timeZone).map((day) => {
    const start = Math.max(day.start, from);
    const end = Math.min(day.end, to);
    const open = openIntervals(cap.openingHours, cap.timeZone, start, end);
    const openMinutes = totalLength(open) / 60_000;
    const free = intervals
      .filter((i) => i.end > start && i.start < end)
      .map((i) => ({
        start: Math.max(i.start, start),
        end: Math.min(i.end, end),
        freeUnits: i.freeUnits,
      }));
    const freeMinutes = totalLength(mergeIntervals(free)) / 60_000;
    let status: DayStatus;
    if (cap.status === "retired" || !open.length || (!cap.bookable && cap.status === "operational"))
      status = "closed";
    else if (cap.status === "down" && day.end > at) status = "down";
    else if (cap.status === "maintenance" || subtractIntervals(open, maintenance).length === 0)
      status = "maintenance";
    else if (bookableWindow({ ...cap, bookable: true }, [], start, end, at).length === 0)
      status = "unavailable";
    else if (freeMinutes === 0) status = "full";
    else if (freeMinutes === openMinutes && free.every((f) => f.freeUnits === cap.units))
      status = "free";
    else status = "partly_free";
    return { date: day.key, start: day.start, end: day.end, status, openMinutes, freeMinutes };
  });
}

// Availability of one equipment over a window: the free intervals with their free units, and a
// per-day summary. The one module that booking, matching, the schedule board and monitoring use.
import { blocksCapacitySql } from "@/db/blocking";
import type { DbOrTx } from "@/db/client";
import type { OpeningHours } from "@/db/schema/registry";
import { statement } from "../sql-statements";
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
import {
  clipIntervals,
  mergeIntervals,
  subtractIntervals,
  totalLength,
  type Interval,
} from "./intervals";

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

// The loaders run on every availability, search and booking: their SQL is prepared once per
// connection (sql-statements.ts), not built and prepared per call.
const CAPACITY_SQL = `SELECT e.id AS equipmentId, e.facility_id AS facilityId, e.units,
  e.setup_minutes AS setupMinutes, e.lead_days AS leadDays, e.min_hours AS minHours,
  e.max_hours AS maxHours, e.status, f.status AS facilityStatus, f.opening_hours AS openingHours,
  f.time_zone AS timeZone
  FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE e.id = ?`;
/** The loaders' queries, for the query plans the benchmark prints. */
export const AVAILABILITY_SQL = {
  busy: `SELECT r.start, r."end", r.units FROM reservations r
    WHERE r.equipment_id = ? AND r."end" > ? AND r.start < ? AND r.kind IN ('hold', 'booking')
      AND ${blocksCapacitySql("r", "?")}`,
  ownMaintenance: `SELECT r.start, r."end" FROM reservations r
    WHERE r.equipment_id = ? AND r.kind = 'maintenance' AND ${blocksCapacitySql("r", "0")}
      AND r."end" > ? AND r.start < ?`,
  facilityMaintenance: `SELECT r.start, r."end" FROM reservations r
    WHERE r.facility_id = ? AND r.equipment_id IS NULL AND r.kind = 'maintenance'
      AND ${blocksCapacitySql("r", "0")} AND r."end" > ? AND r.start < ?`,
};

export function loadCapacity(db: DbOrTx, equipmentId: number): EquipmentCapacity {
  const row = statement(db, CAPACITY_SQL).get(equipmentId) as
    | (Omit<EquipmentCapacity, "bookable" | "openingHours"> & {
        facilityStatus: string;
        openingHours: string;
      })
    | undefined;
  if (!row) throw notFound("equipment");
  const { facilityStatus, openingHours, ...rest } = row;
  return {
    ...rest,
    openingHours: JSON.parse(openingHours) as OpeningHours,
    bookable: row.status === "operational" && facilityStatus === "active",
  };
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
  return statement(db, AVAILABILITY_SQL.busy).all(
    cap.equipmentId,
    from - pad,
    to + pad,
    at,
  ) as Busy[];
}

/**
 * Maintenance windows of the equipment and of its whole facility overlapping [from, to) widened by
 * setup (maintenance blocks until released, whatever the instant).
 */
export function loadMaintenance(
  db: DbOrTx,
  cap: EquipmentCapacity,
  from: number,
  to: number,
): Interval[] {
  const pad = cap.setupMinutes * 60_000;
  const own = statement(db, AVAILABILITY_SQL.ownMaintenance).all(
    cap.equipmentId,
    from - pad,
    to + pad,
  ) as Interval[];
  const facilityWide = statement(db, AVAILABILITY_SQL.facilityMaintenance).all(
    cap.facilityId,
    from - pad,
    to + pad,
  ) as Interval[];
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
  // The opening hours and the bookable instants of the whole window, cut into its days.
  const openAll = openIntervals(cap.openingHours, cap.timeZone, from, to);
  const bookableAll = bookableWindow({ ...cap, bookable: true }, [], from, to, at);
  return localDays(from, to, cap.timeZone).map((day) => {
    const start = Math.max(day.start, from);
    const end = Math.min(day.end, to);
    const open = clipIntervals(openAll, start, end);
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
    else if (clipIntervals(bookableAll, start, end).length === 0) status = "unavailable";
    else if (freeMinutes === 0) status = "full";
    else if (freeMinutes === openMinutes && free.every((f) => f.freeUnits === cap.units))
      status = "free";
    else status = "partly_free";
    return { date: day.key, start: day.start, end: day.end, status, openMinutes, freeMinutes };
  });
}

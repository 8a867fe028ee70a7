// Reading the monthly figures the triggers keep (db/schema/figures.ts): a period splits into the
// whole calendar months it covers, read from equipment_months, and at most two cut months at its
// ends, which the callers read from the rows themselves.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { localMonth, NETWORK_TIME_ZONE } from "./local-time";
import { monthBuckets } from "./months";
import type { Interval } from "./intervals";
import { pluck } from "../pluck";

export type PeriodParts = {
  /** The whole months of the period, as one range of month starts; null when there is none. */
  whole: Interval | null;
  /** The rest of the period: each piece lies inside one month. */
  cut: Interval[];
};

export function periodParts(from: number, to: number): PeriodParts {
  const whole: Interval[] = [];
  const cut: Interval[] = [];
  for (const b of monthBuckets(from, to)) {
    const m = localMonth(b.start, NETWORK_TIME_ZONE);
    (m.start === b.start && m.end === b.end ? whole : cut).push({ start: b.start, end: b.end });
  }
  return { whole: whole.length ? { start: whole[0].start, end: whole.at(-1)!.end } : null, cut };
}

/** Unit-milliseconds booked and used (all, external, in-house). */
/**
 * No-shows are bookings that ended in the period and before `at`: the whole months of that span
 * from the monthly figures (a booking counts in the month of its last instant), the rest from the
 * bookings.
 */
export const noShowParts = (from: number, to: number, at: number) =>
  periodParts(from, Math.min(to, at));

export type MonthSums = { booked: number; used: number; external: number; inHouse: number };
export type MonthFigures = {
  /** Per equipment of the facilities, over the whole months; no-shows over those before
   * `noShowsBefore`. */
  byEquipment: Map<number, MonthSums & { noShows: number; responseMs: number; responses: number }>;
  noShowsBefore: number;
  /** Per month start, over all their equipment (retired included). */
  byMonth: Map<number, MonthSums>;
  /** Per month start, what their retired equipment had booked. */
  retiredBookedByMonth: Map<number, number>;
};
const sums = sql`SUM(booked) AS booked, SUM(used) AS used, SUM(external) AS external,
  SUM(in_house) AS inHouse`;

/**
 * The whole months' figures of the facilities matching `facilityWhere` (on `facilities f`): per
 * equipment from equipment_months, per month from facility_months (a few rows per facility).
 */
export function monthFigures(
  db: DbOrTx,
  facilityWhere: SQL,
  whole: Interval,
  noShowsBefore: number,
): MonthFigures {
  const range = sql`month >= ${whole.start} AND month < ${whole.end}`;
  const equipment = (status: SQL) =>
    sql`(SELECT e.id FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE ${facilityWhere} AND ${status})`;
  const byEquipment = db.all<
    MonthSums & { id: number; noShows: number; responseMs: number; responses: number }
  >(sql`
    SELECT equipment_id AS id, ${sums}, SUM(response_ms) AS responseMs, SUM(responses) AS responses,
      SUM(CASE WHEN month < ${noShowsBefore} THEN ended - ended_recorded ELSE 0 END) AS noShows
    FROM equipment_months
    WHERE equipment_id IN ${equipment(sql`1 = 1`)} AND ${range} GROUP BY equipment_id`);
  const byMonth = db.all<MonthSums & { month: number }>(sql`
    SELECT month, ${sums} FROM facility_months
    WHERE facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityWhere}) AND ${range}
    GROUP BY month`);
  const retired = db.all<{ month: number; booked: number }>(sql`
    SELECT month, SUM(booked) AS booked FROM equipment_months
    WHERE equipment_id IN ${equipment(sql`e.status = 'retired'`)} AND ${range} GROUP BY month`);
  return {
    noShowsBefore,
    byEquipment: new Map(byEquipment.map((x) => [x.id, x])),
    byMonth: new Map(byMonth.map((x) => [x.month, x])),
    retiredBookedByMonth: new Map(retired.map((x) => [x.month, x.booked])),
  };
}

/** An (equipment, firm) pair as one number, in SQL and back. */
export const PAIR = 2 ** 26;
export const packedPair = (e: SQL, firm: SQL) => sql`${e} * ${sql.raw(String(PAIR))} + ${firm}`;

/** The (equipment, firm) pairs with a closed external use in the whole months, packed. */
export function monthFirmPairs(db: DbOrTx, equipmentIn: SQL, whole: Interval): number[] {
  return pluck(
    db,
    sql`SELECT ${packedPair(sql`equipment_id`, sql`firm_id`)} FROM equipment_month_firms
      WHERE equipment_id IN ${equipmentIn} AND month >= ${whole.start} AND month < ${whole.end} AND uses > 0`,
  );
}

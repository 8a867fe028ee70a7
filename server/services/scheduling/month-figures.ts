// Reading the figures the triggers keep (db/schema/figures.ts): a period splits into the whole
// calendar months it covers, read from equipment_years and equipment_months (facility_months per
// month), and at most two cut months at its ends, which the callers read from the rows themselves.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { localMonth, localParts, localYear, NETWORK_TIME_ZONE } from "./local-time";
import { monthBuckets } from "./months";
import { mergeIntervals, type Interval } from "./intervals";
import { integerRows, pluck } from "../pluck";

export type PeriodParts = {
  /** The whole months of the period, as one range of month starts; null when there is none. */
  whole: Interval | null;
  /** The rest of the period: each piece lies inside one month. */
  cut: Interval[];
};

/** The ids of the equipment of the facilities matching `facilityWhere` (on `facilities f`), and
 * of some status (`e`) when given. */
export const equipmentOf = (facilityWhere: SQL, status: SQL = sql`1 = 1`) =>
  sql`(SELECT e.id FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE ${facilityWhere} AND ${status})`;

export function periodParts(from: number, to: number): PeriodParts {
  const whole: Interval[] = [];
  const cut: Interval[] = [];
  for (const b of monthBuckets(from, to)) {
    const m = localMonth(b.start, NETWORK_TIME_ZONE);
    (m.start === b.start && m.end === b.end ? whole : cut).push({ start: b.start, end: b.end });
  }
  return { whole: whole.length ? { start: whole[0].start, end: whole.at(-1)!.end } : null, cut };
}

/**
 * No-shows are bookings that ended in the period and before `at`: the whole months of that span
 * from the monthly figures (a booking counts in the month of its last instant), the rest from the
 * bookings. The month of `at`, when the period covers all of it, is read whole from the monthly
 * figures less the bookings ending from `at` to its end (`less`), when that is the shorter piece.
 */
export function noShowParts(
  from: number,
  to: number,
  at: number,
): PeriodParts & { less: Interval[] } {
  const upToNow = { ...periodParts(from, Math.min(to, at)), less: [] };
  if (at <= from || at >= to) return upToNow;
  const month = localMonth(at, NETWORK_TIME_ZONE);
  if (month.start < from || month.end > to || at - month.start <= month.end - at) return upToNow;
  return { ...periodParts(from, month.end), less: [{ start: at, end: month.end }] };
}

/** Unit-milliseconds booked and used (all, external, in-house). */
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
 * The rows that sum to the whole months [start, end): per calendar year, its months, or its row in
 * equipment_years less the months outside the range, whichever reads fewer rows.
 */
export function monthRuns(range: Interval) {
  const years: number[] = [];
  const plus: Interval[] = [];
  const minus: Interval[] = [];
  for (let y = localParts(range.start, NETWORK_TIME_ZONE).year; ; y++) {
    const year = localYear(y);
    if (year.start >= range.end) break;
    const inside = { start: Math.max(range.start, year.start), end: Math.min(range.end, year.end) };
    const months = monthBuckets(inside.start, inside.end).length;
    if (1 + 12 - months < months) {
      years.push(year.start);
      if (year.start < inside.start) minus.push({ start: year.start, end: inside.start });
      if (inside.end < year.end) minus.push({ start: inside.end, end: year.end });
    } else plus.push(inside);
  }
  return { years, plus, minus };
}

type EquipmentRow = MonthSums & {
  id: number;
  noShows: number;
  responseMs: number;
  responses: number;
};

/** The sums per equipment of `equipmentIn` over the whole months `range` (only the no-shows when
 * `noShowsOnly`): a year's rows read as stored, a run of months summed per equipment in SQL, so
 * that as few rows as possible reach JavaScript (reading them costs more than summing them). */
function equipmentSums(
  db: DbOrTx,
  equipmentIn: SQL,
  range: Interval,
  noShowsOnly = false,
): Map<number, EquipmentRow> {
  const { years, plus, minus } = monthRuns(range);
  const out = new Map<number, EquipmentRow>();
  const figures = noShowsOnly
    ? ["ended - ended_recorded"]
    : [
        "booked",
        "used",
        "external",
        "in_house",
        "response_ms",
        "responses",
        "ended - ended_recorded",
      ];
  const columns = (sum: (x: string) => string) => sql.raw(figures.map(sum).join(", "));
  const add = (sign: number, query: SQL) => {
    const width = 1 + figures.length;
    const flat = integerRows(db, query, width) as number[];
    for (let i = 0; i < flat.length; i += width) {
      const id = flat[i];
      let r = out.get(id);
      if (!r) {
        r = {
          id,
          booked: 0,
          used: 0,
          external: 0,
          inHouse: 0,
          noShows: 0,
          responseMs: 0,
          responses: 0,
        };
        out.set(id, r);
      }
      if (noShowsOnly) {
        r.noShows += sign * flat[i + 1];
        continue;
      }
      r.booked += sign * flat[i + 1];
      r.used += sign * flat[i + 2];
      r.external += sign * flat[i + 3];
      r.inHouse += sign * flat[i + 4];
      r.responseMs += sign * flat[i + 5];
      r.responses += sign * flat[i + 6];
      r.noShows += sign * flat[i + 7];
    }
  };
  for (const y of years)
    add(
      1,
      sql`SELECT equipment_id, ${columns((x) => x)} FROM equipment_years
        WHERE equipment_id IN ${equipmentIn} AND year = ${y}`,
    );
  // One range of the primary key per run of adjacent months (an OR of ranges reads them all).
  const months = (m: Interval) => sql`
    SELECT equipment_id, ${columns((x) => `SUM(${x})`)} FROM equipment_months
    WHERE equipment_id IN ${equipmentIn} AND month >= ${m.start} AND month < ${m.end}
    GROUP BY equipment_id`;
  for (const m of mergeIntervals(plus)) add(1, months(m));
  for (const m of mergeIntervals(minus)) add(-1, months(m));
  return out;
}

/**
 * The whole months' figures of the facilities matching `facilityWhere` (on `facilities f`): per
 * equipment from equipment_years and equipment_months, per month from facility_months (a few rows
 * per facility).
 */
export function monthFigures(
  db: DbOrTx,
  facilityWhere: SQL,
  whole: Interval,
  noShowsBefore: number,
): MonthFigures {
  const range = sql`month >= ${whole.start} AND month < ${whole.end}`;
  const byEquipment = equipmentSums(db, equipmentOf(facilityWhere), whole);
  // No-shows only up to `noShowsBefore`: the whole months' less those from then on.
  if (noShowsBefore <= whole.start) for (const r of byEquipment.values()) r.noShows = 0;
  else if (noShowsBefore < whole.end)
    for (const [id, later] of equipmentSums(
      db,
      equipmentOf(facilityWhere),
      { start: noShowsBefore, end: whole.end },
      true,
    )) {
      const r = byEquipment.get(id);
      if (r) r.noShows -= later.noShows;
    }
  const byMonth = db.all<MonthSums & { month: number }>(sql`
    SELECT month, ${sums} FROM facility_months
    WHERE facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityWhere}) AND ${range}
    GROUP BY month`);
  const retired = db.all<{ month: number; booked: number }>(sql`
    SELECT month, SUM(booked) AS booked FROM equipment_months
    WHERE equipment_id IN ${equipmentOf(facilityWhere, sql`e.status = 'retired'`)} AND ${range} GROUP BY month`);
  return {
    noShowsBefore,
    byEquipment,
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

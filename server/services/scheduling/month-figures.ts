// Reading the figures the triggers keep (db/schema/figures.ts): a period splits into the whole
// calendar months it covers, read from equipment_years and equipment_months (facility_months per
// month), and at most two cut months at its ends, which the callers read from the rows themselves.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { localMonth, localParts, localYear, NETWORK_TIME_ZONE } from "./local-time";
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

/**
 * No-shows are bookings that ended in the period and before `at`: the whole months of that span
 * from the monthly figures (a booking counts in the month of its last instant), the rest from the
 * bookings.
 */
export const noShowParts = (from: number, to: number, at: number) =>
  periodParts(from, Math.min(to, at));

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

/** Σ `columns` (expressions of the sums' columns, each with its alias) per equipment of
 * `equipmentIn` over the whole months `range`. */
function equipmentSums<T>(db: DbOrTx, equipmentIn: SQL, range: Interval, columns: SQL): T[] {
  const { years, plus, minus } = monthRuns(range);
  const months = (list: Interval[]) =>
    sql.join(
      list.map((m) => sql`(month >= ${m.start} AND month < ${m.end})`),
      sql` OR `,
    );
  const parts: SQL[] = [];
  const part = (sign: number, table: SQL, where: SQL) =>
    parts.push(sql`SELECT equipment_id, ${sql.raw(String(sign))} AS sign, booked, used, external,
      in_house, ended, ended_recorded, response_ms, responses
      FROM ${table} WHERE equipment_id IN ${equipmentIn} AND (${where})`);
  if (years.length)
    part(
      1,
      sql`equipment_years`,
      sql`year IN (${sql.join(
        years.map((y) => sql`${y}`),
        sql`, `,
      )})`,
    );
  if (plus.length) part(1, sql`equipment_months`, months(plus));
  if (minus.length) part(-1, sql`equipment_months`, months(minus));
  return db.all<T>(sql`SELECT equipment_id AS id, ${columns}
    FROM (${sql.join(parts, sql` UNION ALL `)}) GROUP BY equipment_id`);
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
  const equipment = (status: SQL) =>
    sql`(SELECT e.id FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE ${facilityWhere} AND ${status})`;
  type Row = MonthSums & { id: number; noShows: number; responseMs: number; responses: number };
  const byEquipment = new Map<number, Row>();
  for (const x of equipmentSums<Row>(
    db,
    equipment(sql`1 = 1`),
    whole,
    sql`SUM(sign * booked) AS booked, SUM(sign * used) AS used, SUM(sign * external) AS external,
      SUM(sign * in_house) AS inHouse, SUM(sign * response_ms) AS responseMs,
      SUM(sign * responses) AS responses, 0 AS noShows`,
  ))
    byEquipment.set(x.id, x);
  if (noShowsBefore > whole.start)
    for (const x of equipmentSums<{ id: number; n: number }>(
      db,
      equipment(sql`1 = 1`),
      { start: whole.start, end: Math.min(noShowsBefore, whole.end) },
      sql`SUM(sign * (ended - ended_recorded)) AS n`,
    )) {
      const row = byEquipment.get(x.id);
      if (row) row.noShows = x.n;
    }
  const byMonth = db.all<MonthSums & { month: number }>(sql`
    SELECT month, ${sums} FROM facility_months
    WHERE facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityWhere}) AND ${range}
    GROUP BY month`);
  const retired = db.all<{ month: number; booked: number }>(sql`
    SELECT month, SUM(booked) AS booked FROM equipment_months
    WHERE equipment_id IN ${equipment(sql`e.status = 'retired'`)} AND ${range} GROUP BY month`);
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

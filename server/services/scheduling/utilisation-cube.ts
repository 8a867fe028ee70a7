// Booked and available unit-hours per equipment and calendar month of a period: the one source of
// every utilisation figure (network, prefecture, field, facility, equipment, trend, machine-hours).
// Booked hours are summed in SQL, clipped to the period and to each month. Available hours are the
// facility's opening hours × units minus maintenance (the equipment's and the facility's), which
// needs interval arithmetic against the weekly opening hours: it is done per facility, and per
// equipment only where maintenance applies.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { OpeningHours } from "@/db/schema/registry";
import { openIntervals } from "./opening-hours";
import { mergeIntervals, subtractIntervals, type Interval } from "./intervals";
import { monthBuckets, type MonthBucket } from "./months";

const HOUR = 3_600_000;

export type CubeEquipment = {
  equipmentId: number;
  name: string;
  nameZh: string;
  units: number;
  originalValueFen: number;
  facilityId: number;
  facilitySlug: string;
  facilityNameEn: string;
  facilityNameZh: string;
  prefecture: string;
  fields: string[];
};
/** booked: unit-hours over the period; available: unit-hours per month. */
export type CubeRow = CubeEquipment & { booked: number; available: number[] };
export type UtilisationCube = { months: MonthBucket[]; rows: CubeRow[]; bookedByMonth: number[] };

/** Hours of `intervals` falling in each month. */
function hoursPerMonth(intervals: Interval[], months: MonthBucket[]): number[] {
  const out = months.map(() => 0);
  let m = 0;
  for (const i of intervals) {
    while (m < months.length && months[m].end <= i.start) m++;
    for (let k = m; k < months.length && months[k].start < i.end; k++)
      out[k] += (Math.min(i.end, months[k].end) - Math.max(i.start, months[k].start)) / HOUR;
  }
  return out;
}

/**
 * Hours per month of `down` (merged) that fall inside `open` (sorted, disjoint), by binary search.
 */
function overlapPerMonth(open: Interval[], down: Interval[], months: MonthBucket[]): number[] {
  const parts: Interval[] = [];
  for (const d of mergeIntervals(down)) {
    let lo = 0;
    let hi = open.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (open[mid].end <= d.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < open.length && open[k].start < d.end; k++)
      parts.push({ start: Math.max(open[k].start, d.start), end: Math.min(open[k].end, d.end) });
  }
  return hoursPerMonth(parts, months);
}

/** Groups of intervals by (first month, last month): Σ units, Σ clipped start × units, Σ clipped
 * end × units. */
export type MonthSpan = { first: number; last: number; u: number; su: number; eu: number };

/**
 * Unit-hours per month: Σ over a group of (min(end, to) − max(start, from)) × units, split at the
 * month ends between its first and last month.
 */
export function splitByMonth(spans: MonthSpan[], months: MonthBucket[]): number[] {
  const out = months.map(() => 0);
  for (const g of spans) {
    if (g.first === g.last) out[g.first] += (g.eu - g.su) / HOUR;
    else {
      out[g.first] += (g.u * months[g.first].end - g.su) / HOUR;
      for (let k = g.first + 1; k < g.last; k++)
        out[k] += (g.u * (months[k].end - months[k].start)) / HOUR;
      out[g.last] += (g.eu - g.u * months[g.last].start) / HOUR;
    }
  }
  return out;
}

/** The month index (0-based) of the instant `x`, as a balanced CASE over the month ends. */
export function monthIndex(x: SQL, months: MonthBucket[], lo = 0, hi = months.length - 1): SQL {
  if (lo === hi) return sql.raw(String(lo));
  const mid = (lo + hi) >> 1;
  return sql`CASE WHEN ${x} < ${sql.raw(String(months[mid].end))} THEN ${monthIndex(x, months, lo, mid)} ELSE ${monthIndex(x, months, mid + 1, hi)} END`;
}

/**
 * The cube for the equipment of the facilities matching `facilityWhere` (a condition on
 * `facilities f`). Booked hours come from two aggregations: per equipment over the period, and per
 * (first month, last month) pair for the trend, where the sums of clipped starts and ends split
 * every group exactly across the months it spans (no row is read into JavaScript).
 */
export function utilisationCube(
  db: DbOrTx,
  facilityWhere: SQL,
  from: number,
  to: number,
): UtilisationCube {
  const months = monthBuckets(from, to);
  const equipmentRows = db.all<{
    id: number;
    name: string;
    name_zh: string;
    units: number;
    original_value_fen: number;
    facility_id: number;
    slug: string;
    name_en: string;
    f_name_zh: string;
    prefecture: string;
    fields: string;
    opening_hours: string;
    time_zone: string;
  }>(sql`
    SELECT e.id, e.name, e.name_zh, e.units, e.original_value_fen, f.id AS facility_id, f.slug, f.name_en, f.name_zh AS f_name_zh, f.prefecture, f.fields, f.opening_hours, f.time_zone
    FROM equipment e JOIN facilities f ON f.id = e.facility_id
    WHERE ${facilityWhere} AND e.status != 'retired'
    ORDER BY f.id, e.id`);
  if (equipmentRows.length === 0 || months.length === 0)
    return { months, rows: [], bookedByMonth: months.map(() => 0) };
  const bookings = sql`r.kind = 'booking' AND r.released_at IS NULL AND r.start < ${to} AND r."end" > ${from}
    AND r.equipment_id IN (SELECT e.id FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE ${facilityWhere} AND e.status != 'retired')`;
  const booked = db.all<{ equipment_id: number; ms: number }>(sql`
    SELECT r.equipment_id, SUM((MIN(r."end", ${to}) - MAX(r.start, ${from})) * r.units) AS ms FROM reservations r WHERE ${bookings} GROUP BY r.equipment_id`);
  const spans = db.all<MonthSpan>(sql`
    SELECT ${monthIndex(sql`r.start`, months)} AS first, ${monthIndex(sql`(r."end" - 1)`, months)} AS last,
      SUM(r.units) AS u, SUM(MAX(r.start, ${from}) * r.units) AS su, SUM(MIN(r."end", ${to}) * r.units) AS eu
    FROM reservations r WHERE ${bookings} GROUP BY 1, 2`);
  const maintenance = db.all<{
    facility_id: number;
    equipment_id: number | null;
    start: number;
    end: number;
  }>(sql`
    SELECT r.facility_id, r.equipment_id, MAX(r.start, ${from}) AS start, MIN(r."end", ${to}) AS "end" FROM reservations r
    WHERE r.kind = 'maintenance' AND r.released_at IS NULL AND r."end" > ${from} AND r.start < ${to}
      AND +r.facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityWhere})`); // "+" keeps SQLite on the maintenance index

  const bookedByMonth = splitByMonth(spans, months);
  const bookedOf = new Map(booked.map((b) => [b.equipment_id, b.ms / HOUR]));
  const downOf = new Map<string, Interval[]>(); // "f:<id>" facility-wide, "e:<id>" one equipment
  for (const m of maintenance) {
    const key = m.equipment_id === null ? `f:${m.facility_id}` : `e:${m.equipment_id}`;
    (downOf.get(key) ?? downOf.set(key, []).get(key)!).push({ start: m.start, end: m.end });
  }
  const openCache = new Map<string, Interval[]>(); // same weekly hours → same intervals
  const facilityOpen = new Map<number, { open: Interval[]; perMonth: number[] }>();
  const rows: CubeRow[] = equipmentRows.map((e) => {
    let fac = facilityOpen.get(e.facility_id);
    if (!fac) {
      const cacheKey = `${e.time_zone}|${e.opening_hours}`;
      let open = openCache.get(cacheKey);
      if (!open)
        openCache.set(
          cacheKey,
          (open = openIntervals(
            JSON.parse(e.opening_hours) as OpeningHours,
            e.time_zone,
            from,
            to,
          )),
        );
      const wide = downOf.get(`f:${e.facility_id}`);
      if (wide) open = subtractIntervals(open, wide);
      facilityOpen.set(e.facility_id, (fac = { open, perMonth: hoursPerMonth(open, months) }));
    }
    const own = downOf.get(`e:${e.id}`);
    const lost = own ? overlapPerMonth(fac.open, own, months) : null;
    const openHours = lost ? fac.perMonth.map((h, i) => h - lost[i]) : fac.perMonth;
    return {
      equipmentId: e.id,
      name: e.name,
      nameZh: e.name_zh,
      units: e.units,
      originalValueFen: e.original_value_fen,
      facilityId: e.facility_id,
      facilitySlug: e.slug,
      facilityNameEn: e.name_en,
      facilityNameZh: e.f_name_zh,
      prefecture: e.prefecture,
      fields: JSON.parse(e.fields) as string[],
      booked: bookedOf.get(e.id) ?? 0,
      available: openHours.map((h) => h * e.units),
    };
  });
  return { months, rows, bookedByMonth };
}

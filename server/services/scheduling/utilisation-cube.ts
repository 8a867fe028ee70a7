// Booked and available unit-hours per equipment and calendar month of a period: the one source of
// every utilisation figure (network, prefecture, field, facility, equipment, trend, machine-hours).
// Booked hours are summed in SQL, clipped to the period and to each month: whole months from the
// monthly figures the triggers keep, cut months from the bookings. Available hours are the
// facility's opening hours × units minus maintenance (the equipment's and the facility's), which
// needs interval arithmetic against the weekly opening hours: it is done per facility, and per
// equipment only where maintenance applies.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { OpeningHours } from "@/db/schema/registry";
import { openIntervals } from "./opening-hours";
import { mergeIntervals, subtractIntervals, type Interval } from "./intervals";
import { monthBuckets, monthIndexOf, type MonthBucket } from "./months";
import { integerRows } from "../pluck";
import { equipmentOf, monthFigures, periodParts, type MonthFigures } from "./month-figures";

const HOUR = 3_600_000;

/** Names are read only for the equipment a figure lists (equipmentNames). */
export type CubeEquipment = {
  equipmentId: number;
  units: number;
  originalValueFen: number;
  facilityId: number;
  facilitySlug: string;
  facilityNameEn: string;
  facilityNameZh: string;
  prefecture: string;
  fields: string[];
};
/** A row's facility as the figures list it. */
export const facilityOfRow = (r: CubeEquipment) => ({
  facilityId: r.facilityId,
  slug: r.facilitySlug,
  nameEn: r.facilityNameEn,
  nameZh: r.facilityNameZh,
  prefecture: r.prefecture,
});

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

/**
 * The cube for the equipment of the facilities matching `facilityWhere` (a condition on
 * `facilities f`). Booked hours per equipment and per month come from the monthly figures and,
 * for the months cut by the period's ends, from the bookings (no row is read into JavaScript).
 */
export function utilisationCube(
  db: DbOrTx,
  facilityWhere: SQL,
  from: number,
  to: number,
  /** The whole months' figures, when the caller has read them already. */
  monthly?: MonthFigures,
): UtilisationCube {
  const months = monthBuckets(from, to);
  // The facilities once each (their fields parsed once), then their equipment.
  const facilityRows = db.all<{
    id: number;
    slug: string;
    name_en: string;
    name_zh: string;
    prefecture: string;
    fields: string;
    opening_hours: string;
    time_zone: string;
  }>(sql`
    SELECT f.id, f.slug, f.name_en, f.name_zh, f.prefecture, f.fields, f.opening_hours, f.time_zone
    FROM facilities f WHERE ${facilityWhere}`);
  const facilityOf = new Map(
    facilityRows.map((f) => [f.id, { ...f, fieldList: JSON.parse(f.fields) as string[] }]),
  );
  const flat = integerRows(
    db,
    sql`
    SELECT e.id, e.units, e.original_value_fen, e.facility_id
    FROM equipment e WHERE e.facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityWhere})
      AND e.status != 'retired'
    ORDER BY e.facility_id, e.id`,
    4,
  ) as number[];
  const equipmentRows = Array.from({ length: flat.length / 4 }, (_, i) => ({
    id: flat[4 * i],
    units: flat[4 * i + 1],
    original_value_fen: flat[4 * i + 2],
    facility_id: flat[4 * i + 3],
  }));
  if (equipmentRows.length === 0 || months.length === 0)
    return { months, rows: [], bookedByMonth: months.map(() => 0) };
  // Booked unit-time: whole months from the monthly figures, the cut months at the period's ends
  // from the bookings themselves.
  const equipmentIn = equipmentOf(facilityWhere, sql`e.status != 'retired'`);
  const bookedOf = new Map<number, number>();
  const bookedByMonth = months.map(() => 0);
  const add = (id: number, ms: number) => bookedOf.set(id, (bookedOf.get(id) ?? 0) + ms / HOUR);
  const { whole, cut } = periodParts(from, to);
  if (whole) {
    const figures = monthly ?? monthFigures(db, facilityWhere, whole, 0);
    for (const [id, x] of figures.byEquipment) add(id, x.booked);
    for (const [month, x] of figures.byMonth)
      bookedByMonth[monthIndexOf(months, month)] +=
        (x.booked - (figures.retiredBookedByMonth.get(month) ?? 0)) / HOUR;
  }
  for (const c of cut)
    for (const x of db.all<{ id: number; ms: number }>(sql`
      SELECT r.equipment_id AS id, SUM((MIN(r."end", ${c.end}) - MAX(r.start, ${c.start})) * r.units) AS ms
      FROM reservations r WHERE r.kind = 'booking' AND r.released_at IS NULL AND r.start < ${c.end}
        AND r."end" > ${c.start} AND r.equipment_id IN ${equipmentIn}
      GROUP BY r.equipment_id`)) {
      add(x.id, x.ms);
      bookedByMonth[monthIndexOf(months, c.start)] += x.ms / HOUR;
    }
  // Per row: the equipment's id, or minus the facility's for facility-wide maintenance; the span.
  const maintenance = integerRows(
    db,
    sql`
    SELECT COALESCE(r.equipment_id, -r.facility_id), MAX(r.start, ${from}), MIN(r."end", ${to})
    FROM reservations r
    WHERE r.kind = 'maintenance' AND r.released_at IS NULL AND r."end" > ${from} AND r.start < ${to}
      AND +r.facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityWhere})`, // "+" keeps SQLite on the maintenance index
    3,
  ) as number[];
  const downOf = new Map<number, Interval[]>(); // −facility id: facility-wide; equipment id
  for (let i = 0; i < maintenance.length; i += 3) {
    const key = maintenance[i];
    const down = { start: maintenance[i + 1], end: maintenance[i + 2] };
    (downOf.get(key) ?? downOf.set(key, []).get(key)!).push(down);
  }
  const openCache = new Map<string, Interval[]>(); // same weekly hours → same intervals
  const facilityOpen = new Map<number, { open: Interval[]; perMonth: number[] }>();
  const rows: CubeRow[] = equipmentRows.map((e) => {
    const f = facilityOf.get(e.facility_id)!;
    let fac = facilityOpen.get(e.facility_id);
    if (!fac) {
      const cacheKey = `${f.time_zone}|${f.opening_hours}`;
      let open = openCache.get(cacheKey);
      if (!open)
        openCache.set(
          cacheKey,
          (open = openIntervals(
            JSON.parse(f.opening_hours) as OpeningHours,
            f.time_zone,
            from,
            to,
          )),
        );
      const wide = downOf.get(-e.facility_id);
      if (wide) open = subtractIntervals(open, wide);
      facilityOpen.set(e.facility_id, (fac = { open, perMonth: hoursPerMonth(open, months) }));
    }
    const own = downOf.get(e.id);
    const lost = own ? overlapPerMonth(fac.open, own, months) : null;
    const openHours = lost ? fac.perMonth.map((h, i) => h - lost[i]) : fac.perMonth;
    return {
      equipmentId: e.id,
      units: e.units,
      originalValueFen: e.original_value_fen,
      facilityId: e.facility_id,
      facilitySlug: f.slug,
      facilityNameEn: f.name_en,
      facilityNameZh: f.name_zh,
      prefecture: f.prefecture,
      fields: f.fieldList,
      booked: bookedOf.get(e.id) ?? 0,
      available: openHours.map((h) => h * e.units),
    };
  });
  return { months, rows, bookedByMonth };
}

/** The names of some equipment, for the figures that list them. */
export function equipmentNames(db: DbOrTx, ids: number[]) {
  const rows = db.all<{ id: number; name: string; nameZh: string }>(
    sql`SELECT id, name, name_zh AS nameZh FROM equipment WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, nameZh: r.nameZh }]));
}

// What actually happened on each equipment in a period, from the use records (check-in/out and
// in-house use) and the fault reports, never from bookings: effective, external and in-house
// unit-hours, downtime hours and no-shows per equipment, and the effective and external unit-hours
// per month. A use still checked in counts until `at`; an open fault is down until `at`.
// Whom a use served (external, internal, in-house) is kept on the row: db/use-kind.ts.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { monthBuckets, monthIndexOf } from "./months";
import type { Interval } from "./intervals";
import { MAX_USE_MS } from "@/db/use-kind";
import { pluck } from "../pluck";
import {
  PAIR,
  equipmentOf,
  monthFigures,
  monthFirmPairs,
  noShowParts,
  packedPair,
  periodParts,
  type MonthFigures,
  type MonthSums,
} from "./month-figures";

const HOUR = 3_600_000;

export type UseRow = {
  /** Unit-hours of recorded use in the period: all, for outside firms, in-house. */
  used: number;
  external: number;
  inHouse: number;
  /** Hours the equipment was down after a fault report. */
  down: number;
  /** Bookings that ended in the period with no use recorded. */
  noShows: number;
};
export type UseCube = {
  byEquipment: Map<number, UseRow>;
  usedByMonth: number[];
  externalByMonth: number[];
  inHouseByMonth: number[];
};

/**
 * The external uses' (equipment, firm) pairs overlapping [from, to): closed uses of the whole
 * months from the monthly figures, of the cut months by start (none lasts longer than
 * MAX_USE_MS), open ones from their partial index.
 */
export function externalUsePairs(
  db: DbOrTx,
  from: number,
  to: number,
  at: number,
  equipmentIn: SQL,
): [number, number][] {
  const { whole, cut } = periodParts(from, to);
  const pairs = whole ? monthFirmPairs(db, equipmentIn, whole) : [];
  const pair = packedPair(sql`equipment_id`, sql`firm_id`);
  const closed = cut.map(
    (c) => sql`
      SELECT ${pair} FROM equipment_use
      WHERE equipment_id IN ${equipmentIn} AND start >= ${c.start - MAX_USE_MS} AND start < ${c.end}
        AND "end" > ${c.start} AND kind = 'external' UNION `,
  );
  pairs.push(
    ...pluck(
      db,
      sql`${sql.join(closed)}
      SELECT ${pair} FROM equipment_use INDEXED BY equipment_use_open_idx
      WHERE "end" IS NULL AND start < ${Math.min(to, at)} AND ${at} > ${from} AND kind = 'external'
        AND equipment_id IN ${equipmentIn}`,
    ),
  );
  // Small integers ("| 0"), which sets and maps hash faster than other numbers.
  return [...new Set(pairs)].map((p) => [Math.floor(p / PAIR) | 0, (p % PAIR) | 0]);
}

export function recordedUseCube(
  db: DbOrTx,
  facilityWhere: SQL,
  from: number,
  to: number,
  at: number,
  /** The whole months' figures, when the caller has read them already. */
  monthly?: MonthFigures,
): UseCube {
  const months = monthBuckets(from, to);
  const equipmentIn = equipmentOf(facilityWhere);
  // Closed uses: the whole months from the monthly figures; the months cut by the period's ends
  // from the uses (none lasts longer than MAX_USE_MS), per equipment. Open uses (few) are added
  // in JavaScript.
  type Sums = { id: number; used: number; external: number; in_house: number };
  const perEquipment: Sums[] = [];
  const perMonth = months.map(() => ({ used: 0, external: 0, in_house: 0 }));
  const toMonth = (i: number, x: Omit<Sums, "id">) => {
    perMonth[i].used += x.used;
    perMonth[i].external += x.external;
    perMonth[i].in_house += x.in_house;
  };
  const { whole, cut } = periodParts(from, to);
  // The figures read for the whole months serve the no-shows when they counted the same months.
  const figuresOf = (noShowsBefore: number) =>
    monthly && whole && monthly.noShowsBefore === noShowsBefore ? monthly : undefined;
  if (whole) {
    const figures = monthly ?? monthFigures(db, facilityWhere, whole, 0);
    const sums = (x: MonthSums) => ({ used: x.used, external: x.external, in_house: x.inHouse });
    for (const [id, x] of figures.byEquipment) perEquipment.push({ id, ...sums(x) });
    for (const [month, x] of figures.byMonth) toMonth(monthIndexOf(months, month), sums(x));
  }
  const d = (lo: number, hi: number) => sql`(MIN("end", ${hi}) - MAX(start, ${lo})) * units`;
  for (const c of cut) {
    const rows = db.all<Sums>(sql`
      SELECT equipment_id AS id, COALESCE(SUM(${d(c.start, c.end)}), 0) AS used,
        COALESCE(SUM(CASE WHEN kind = 'external' THEN ${d(c.start, c.end)} END), 0) AS external,
        COALESCE(SUM(CASE WHEN kind = 'inHouse' THEN ${d(c.start, c.end)} END), 0) AS in_house
      FROM equipment_use WHERE start >= ${c.start - MAX_USE_MS} AND start < ${c.end} AND "end" > ${c.start}
        AND equipment_id IN ${equipmentIn}
      GROUP BY equipment_id`);
    perEquipment.push(...rows);
    for (const x of rows) toMonth(monthIndexOf(months, c.start), x);
  }
  const open =
    at > from
      ? db.all<{ id: number; kind: string; start: number; units: number }>(sql`
          SELECT equipment_id AS id, kind, start, units FROM equipment_use INDEXED BY equipment_use_open_idx
          WHERE "end" IS NULL AND start < ${Math.min(to, at)} AND equipment_id IN ${equipmentIn}`)
      : [];
  const down = db.all<{ id: number; ms: number }>(sql`
    SELECT d.equipment_id AS id, SUM(MIN(COALESCE(d.closed_at, ${at}), ${to}) - MAX(d.reported_at, ${from})) AS ms
    FROM equipment_faults d WHERE d.reported_at < ${to} AND COALESCE(d.closed_at, ${at}) > ${from}
      AND d.equipment_id IN ${equipmentIn}
    GROUP BY 1`);
  // A booking of a request that ended in the period (and before now) with no use recorded: the
  // whole months from the monthly figures, the cut ones from the bookings.
  const noShows: { id: number; n: number }[] = [];
  const shows = noShowParts(from, to, at);
  if (shows.whole) {
    const figures =
      figuresOf(shows.whole.end) ?? monthFigures(db, facilityWhere, shows.whole, shows.whole.end);
    for (const [id, x] of figures.byEquipment) if (x.noShows) noShows.push({ id, n: x.noShows });
  }
  const endedWithoutUse = (c: Interval) =>
    db.all<{ id: number; n: number }>(sql`
      SELECT b.equipment_id AS id, COUNT(*) AS n FROM reservations b
      WHERE b.kind = 'booking' AND b.request_id IS NOT NULL AND b.released_at IS NULL
        AND b."end" > ${c.start} AND b."end" <= ${c.end} AND b.equipment_id IN ${equipmentIn}
        AND NOT EXISTS (SELECT 1 FROM equipment_use x WHERE x.request_id = b.request_id)
      GROUP BY 1`);
  for (const c of shows.cut) noShows.push(...endedWithoutUse(c));
  for (const c of shows.less)
    for (const x of endedWithoutUse(c)) noShows.push({ id: x.id, n: -x.n });

  const byEquipment = new Map<number, UseRow>();
  const row = (id: number) =>
    byEquipment.get(id) ??
    byEquipment.set(id, { used: 0, external: 0, inHouse: 0, down: 0, noShows: 0 }).get(id)!;
  for (const p of perEquipment) {
    const r = row(p.id);
    r.used += p.used / HOUR;
    r.external += p.external / HOUR;
    r.inHouse += p.in_house / HOUR;
  }
  const usedByMonth = perMonth.map((x) => x.used / HOUR);
  const externalByMonth = perMonth.map((x) => x.external / HOUR);
  const inHouseByMonth = perMonth.map((x) => x.in_house / HOUR);
  const end = Math.min(to, at);
  for (const o of open) {
    const hours = ((end - Math.max(o.start, from)) * o.units) / HOUR;
    const r = row(o.id);
    r.used += hours;
    if (o.kind === "external") r.external += hours;
    if (o.kind === "inHouse") r.inHouse += hours;
    months.forEach((mo, i) => {
      const h = ((Math.min(end, mo.end) - Math.max(o.start, mo.start)) * o.units) / HOUR;
      if (h <= 0) return;
      usedByMonth[i] += h;
      if (o.kind === "external") externalByMonth[i] += h;
      if (o.kind === "inHouse") inHouseByMonth[i] += h;
    });
  }
  for (const x of down) row(x.id).down += x.ms / HOUR;
  for (const x of noShows) row(x.id).noShows += x.n;
  return { byEquipment, usedByMonth, externalByMonth, inHouseByMonth };
}

// What actually happened on each equipment in a period, from the use records (check-in/out and
// in-house use) and the fault reports, never from bookings: effective, external and in-house
// unit-hours, downtime hours and no-shows per equipment, and the effective and external unit-hours
// per month. A use still checked in counts until `at`; an open fault is down until `at`.
// External: a request from a firm other than the facility's operating entity (different unified
// social credit code); in-house use is internal by definition.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { monthBuckets } from "./months";
import { monthIndex, splitByMonth, type MonthSpan } from "./utilisation-cube";

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

/** SQL: whether a use (alias u, its request r, the firm fm, facility f) is external. */
export const externalUse = sql`(u.request_id IS NOT NULL AND (f.credit_code IS NULL OR fm.credit_code IS NOT f.credit_code))`;

export function recordedUseCube(
  db: DbOrTx,
  facilityWhere: SQL,
  from: number,
  to: number,
  at: number,
): UseCube {
  const months = monthBuckets(from, to);
  const end = sql`COALESCE(u."end", ${at})`;
  const inPeriod = sql`u.start < ${to} AND ${end} > ${from} AND u.start < ${end}
    AND u.facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityWhere})`;
  const kind = sql`CASE WHEN u.request_id IS NULL THEN 'inHouse' WHEN ${externalUse} THEN 'external' ELSE 'internal' END`;
  const uses = sql`equipment_use u JOIN facilities f ON f.id = u.facility_id
    LEFT JOIN booking_requests r ON r.id = u.request_id LEFT JOIN firms fm ON fm.id = r.firm_id`;
  const perEquipment = db.all<{ id: number; kind: string; ms: number }>(sql`
    SELECT u.equipment_id AS id, ${kind} AS kind, SUM((MIN(${end}, ${to}) - MAX(u.start, ${from})) * u.units) AS ms
    FROM ${uses} WHERE ${inPeriod} GROUP BY 1, 2`);
  const spans = db.all<MonthSpan & { kind: string }>(sql`
    SELECT ${kind} AS kind, ${monthIndex(sql`MAX(u.start, ${from})`, months)} AS first,
      ${monthIndex(sql`(MIN(${end}, ${to}) - 1)`, months)} AS last,
      SUM(u.units) AS u, SUM(MAX(u.start, ${from}) * u.units) AS su, SUM(MIN(${end}, ${to}) * u.units) AS eu
    FROM ${uses} WHERE ${inPeriod} GROUP BY 1, 2, 3`);
  const down = db.all<{ id: number; ms: number }>(sql`
    SELECT d.equipment_id AS id, SUM(MIN(COALESCE(d.closed_at, ${at}), ${to}) - MAX(d.reported_at, ${from})) AS ms
    FROM equipment_faults d WHERE d.reported_at < ${to} AND COALESCE(d.closed_at, ${at}) > ${from}
      AND d.facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityWhere})
    GROUP BY 1`);
  // A booking of a request that ended in the period (and before now) with no use recorded.
  const noShows = db.all<{ id: number; n: number }>(sql`
    SELECT b.equipment_id AS id, COUNT(*) AS n FROM reservations b
    WHERE b.kind = 'booking' AND b.request_id IS NOT NULL AND b.released_at IS NULL
      AND b."end" > ${from} AND b."end" <= ${Math.min(to, at)}
      AND b.facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityWhere})
      AND NOT EXISTS (SELECT 1 FROM equipment_use x WHERE x.request_id = b.request_id)
    GROUP BY 1`);

  const byEquipment = new Map<number, UseRow>();
  const row = (id: number) =>
    byEquipment.get(id) ??
    byEquipment.set(id, { used: 0, external: 0, inHouse: 0, down: 0, noShows: 0 }).get(id)!;
  for (const p of perEquipment) {
    const r = row(p.id);
    r.used += p.ms / HOUR;
    if (p.kind === "external") r.external += p.ms / HOUR;
    if (p.kind === "inHouse") r.inHouse += p.ms / HOUR;
  }
  for (const d of down) row(d.id).down += d.ms / HOUR;
  for (const n of noShows) row(n.id).noShows += n.n;
  const of = (k: string) =>
    splitByMonth(
      spans.filter((s) => s.kind === k),
      months,
    );
  const internal = of("internal");
  const externalByMonth = of("external");
  const inHouseByMonth = of("inHouse");
  return {
    byEquipment,
    usedByMonth: internal.map((h, i) => h + externalByMonth[i] + inHouseByMonth[i]),
    externalByMonth,
    inHouseByMonth,
  };
}

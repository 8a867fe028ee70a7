// Lists every violation of the scheduling invariant's standing part: capacity (each use holds its
// units until one setup time after its end) and maintenance of the equipment or its facility
// (one setup time clear on each side).
// Opening hours, lead days and min/max hours bind new reservations only and are checked on write.
import type { DbOrTx } from "@/db/client";
import { blocksCapacitySql } from "@/db/blocking";

export type InvariantViolation =
  | {
      kind: "capacity";
      equipmentId: number;
      reservationId: number;
      at: number;
      load: number;
      units: number;
    }
  | { kind: "maintenance"; equipmentId: number; reservationId: number; maintenanceId: number }
  | { kind: "interval"; reservationId: number };

const active = (alias: string) =>
  `${alias}.kind IN ('hold','booking') AND ${blocksCapacitySql(alias, ":now")}`;

export function findInvariantViolations(db: DbOrTx, at: number = Date.now()): InvariantViolation[] {
  const client = (db as unknown as { $client: import("better-sqlite3").Database }).$client;
  // The longest interval of each kind bounds the index range searches below (computed once:
  // a CTE joined into the loop would be re-run for every row).
  const longest = (kinds: string) =>
    (
      client
        .prepare(
          `SELECT COALESCE(MAX("end" - start), 0) AS len FROM reservations WHERE kind IN (${kinds})`,
        )
        .get() as { len: number }
    ).len;
  const bind = {
    now: at,
    longestBooking: longest("'hold','booking'"),
    longestMaintenance: longest("'maintenance'"),
  };
  const out: InvariantViolation[] = [];

  for (const r of client.prepare(`SELECT id FROM reservations WHERE start >= "end"`).all() as {
    id: number;
  }[])
    out.push({ kind: "interval", reservationId: r.id });

  // Each use holds its units over [start, end + setup); the load peaks at some use's start: sum
  // the units of the active uses holding that instant.
  const capacity = client
    .prepare(
      `SELECT r.id AS reservationId, r.equipment_id AS equipmentId, r.start AS at,
              SUM(s.units) AS load, e.units AS units
       FROM reservations r
       JOIN equipment e ON e.id = r.equipment_id
       JOIN reservations s ON s.equipment_id = r.equipment_id
            AND s.start <= r.start AND s.start >= r.start - :longestBooking - e.setup_minutes * 60000
            AND s."end" + e.setup_minutes * 60000 > r.start
            AND ${active("s")}
       WHERE ${active("r")}
       GROUP BY r.id
       HAVING SUM(s.units) > e.units`,
    )
    .all(bind) as Omit<Extract<InvariantViolation, { kind: "capacity" }>, "kind">[];
  for (const c of capacity) out.push({ kind: "capacity", ...c });

  // Maintenance of the equipment itself, then of its whole facility: two index range searches,
  // bounded by the longest maintenance window.
  const overlapsMaintenance = (scope: "equipment" | "facility") =>
    client
      .prepare(
        `SELECT r.id AS reservationId, r.equipment_id AS equipmentId, m.id AS maintenanceId
         FROM reservations r
         JOIN equipment e ON e.id = r.equipment_id
         JOIN reservations m ON ${scope === "equipment" ? "m.equipment_id = r.equipment_id" : "m.facility_id = e.facility_id AND m.equipment_id IS NULL"}
              AND m.kind = 'maintenance' AND ${blocksCapacitySql("m", ":now")}
              AND m.start < r."end" + e.setup_minutes * 60000
              AND m.start > r.start - e.setup_minutes * 60000 - :longestMaintenance
              AND m."end" > r.start - e.setup_minutes * 60000
         WHERE ${active("r")}`,
      )
      .all(bind) as Omit<Extract<InvariantViolation, { kind: "maintenance" }>, "kind">[];
  const maintenance = [...overlapsMaintenance("equipment"), ...overlapsMaintenance("facility")];
  for (const m of maintenance) out.push({ kind: "maintenance", ...m });
  return out;
}

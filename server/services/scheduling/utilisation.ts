// Utilisation = booked unit-hours ÷ available unit-hours, where available unit-hours are the
// opening hours × units minus maintenance (of the equipment and of its facility). One definition
// for the operator's start page and the science department's figures. Booked hours are summed in
// SQL, clipped to the period; a period with nothing available has no ratio (null, shown as "—").
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { OpeningHours } from "@/db/schema/registry";
import { openIntervals } from "./opening-hours";
import { mergeIntervals, subtractIntervals, totalLength } from "./intervals";

const HOUR = 3_600_000;

export type EquipmentUtilisation = { equipmentId: number; name: string; units: number; bookedUnitHours: number; availableUnitHours: number; ratio: number | null };

export function equipmentUtilisation(db: DbOrTx, facilityId: number, from: number, to: number): EquipmentUtilisation[] {
  const rows = db.all<{ id: number; name: string; units: number; opening_hours: string; time_zone: string; booked_ms: number | null }>(sql`
    SELECT e.id, e.name, e.units, f.opening_hours, f.time_zone,
      (SELECT SUM((MIN(r."end", ${to}) - MAX(r.start, ${from})) * r.units) FROM reservations r
        WHERE r.equipment_id = e.id AND r.kind = 'booking' AND r.released_at IS NULL AND r.start < ${to} AND r."end" > ${from}) AS booked_ms
    FROM equipment e JOIN facilities f ON f.id = e.facility_id
    WHERE e.facility_id = ${facilityId} AND e.status != 'retired'
    ORDER BY e.name`);
  const maintenance = db.all<{ equipment_id: number | null; start: number; end: number }>(sql`
    SELECT equipment_id, MAX(start, ${from}) AS start, MIN("end", ${to}) AS "end" FROM reservations
    WHERE facility_id = ${facilityId} AND kind = 'maintenance' AND released_at IS NULL AND start < ${to} AND "end" > ${from}`);
  return rows.map((e) => {
    const open = openIntervals(JSON.parse(e.opening_hours) as OpeningHours, e.time_zone, from, to);
    const down = mergeIntervals(maintenance.filter((m) => m.equipment_id === null || m.equipment_id === e.id));
    const available = (totalLength(subtractIntervals(open, down)) / HOUR) * e.units;
    const booked = (e.booked_ms ?? 0) / HOUR;
    return { equipmentId: e.id, name: e.name, units: e.units, bookedUnitHours: booked, availableUnitHours: available, ratio: available > 0 ? booked / available : null };
  });
}

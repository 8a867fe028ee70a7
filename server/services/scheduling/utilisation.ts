// Utilisation = booked unit-hours ÷ available unit-hours, where available unit-hours are the
// opening hours × units minus maintenance (of the equipment and of its facility). One definition
// for the operator's start page and the science department's figures (both read the cube in
// ./utilisation-cube). A period with nothing available has no ratio (null, shown as "—").
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { equipmentNames, utilisationCube } from "./utilisation-cube";

export type EquipmentUtilisation = {
  equipmentId: number;
  name: string;
  units: number;
  bookedUnitHours: number;
  availableUnitHours: number;
  ratio: number | null;
};

export function equipmentUtilisation(
  db: DbOrTx,
  facilityId: number,
  from: number,
  to: number,
): EquipmentUtilisation[] {
  const { rows } = utilisationCube(db, sql`f.id = ${facilityId}`, from, to);
  const names = equipmentNames(
    db,
    rows.map((e) => e.equipmentId),
  );
  return rows
    .map((e) => {
      const available = e.available.reduce((s, h) => s + h, 0);
      return {
        equipmentId: e.equipmentId,
        name: names.get(e.equipmentId)!.name,
        units: e.units,
        bookedUnitHours: e.booked,
        availableUnitHours: available,
        ratio: available > 0 ? e.booked / available : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

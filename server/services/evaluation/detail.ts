// The figures behind one facility's evaluation: its kept result and each of its equipment with the
// year's recorded use, whether it is a large instrument, and whether it counts.
import type { DB } from "@/db/client";
import { isLargeInstrument } from "@/db/reference/large-instrument";
import { notFound } from "../errors";
import { localYear } from "../scheduling/local-time";
import { figureInputs } from "../stats/use-figures";
import { evaluationRanking } from "./run";
import { equipmentNames } from "../scheduling/utilisation-cube";

export function evaluationFacility(db: DB, year: number, facilityId: number) {
  const { settings, results } = evaluationRanking(db, year);
  const { start, end } = localYear(year);
  const { cube, use } = figureInputs(db, { from: start, to: end, facilityId });
  if (!cube.rows.length && !results?.some((r) => r.facilityId === facilityId))
    throw notFound("facility");
  const excluded = new Set(settings.excludedEquipment);
  const names = equipmentNames(
    db,
    cube.rows.map((r) => r.equipmentId),
  );
  return {
    settings,
    result: results?.find((r) => r.facilityId === facilityId) ?? null,
    facility: cube.rows[0]
      ? { nameEn: cube.rows[0].facilityNameEn, nameZh: cube.rows[0].facilityNameZh }
      : null,
    equipment: cube.rows.map((r) => {
      const u = use.byEquipment.get(r.equipmentId);
      const large = isLargeInstrument(r.originalValueFen);
      return {
        equipmentId: r.equipmentId,
        ...names.get(r.equipmentId)!,
        units: r.units,
        originalValueFen: r.originalValueFen,
        large,
        excluded: excluded.has(r.equipmentId),
        counted: !excluded.has(r.equipmentId) && (settings.scope === "all" || large),
        effectiveHours: u?.used ?? 0,
        externalHours: u?.external ?? 0,
        inHouseHours: u?.inHouse ?? 0,
        downHours: u?.down ?? 0,
        noShows: u?.noShows ?? 0,
      };
    }),
  };
}

// stats.utilisation: booked ÷ available unit-hours for the network, by prefecture, by technology
// field (a facility counts in each of its fields), by facility (a ranking), by equipment when one
// facility is chosen, and the trend by month. stats.machineHours: effective machine-hours
// per large instrument per year, from recorded use, against the year's benchmark.
import type { DB } from "@/db/client";
import { parseInput } from "../parse-input";
import { ratio, statsInput, type StatsInput } from "./input";
import { cubeFor, recordedUseFor } from "./cube-cache";
import { isLargeInstrument } from "@/db/reference/large-instrument";
import { benchmarkFor, yearOf } from "../evaluation/benchmark";
import type { CubeRow } from "../scheduling/utilisation-cube";

const YEAR_HOURS = 365 * 24;

export type UtilisationFigure = {
  bookedUnitHours: number;
  availableUnitHours: number;
  ratio: number | null;
};

const sum = (list: number[]) => list.reduce((s, x) => s + x, 0);
const figure = (booked: number, available: number): UtilisationFigure => ({
  bookedUnitHours: booked,
  availableUnitHours: available,
  ratio: ratio(booked, available),
});

function groupBy(
  rows: CubeRow[],
  keysOf: (r: CubeRow) => string[],
): { key: string; figure: UtilisationFigure }[] {
  const acc = new Map<string, { booked: number; available: number }>();
  for (const r of rows) {
    const available = sum(r.available);
    for (const key of keysOf(r)) {
      const g = acc.get(key) ?? acc.set(key, { booked: 0, available: 0 }).get(key)!;
      g.booked += r.booked;
      g.available += available;
    }
  }
  return [...acc]
    .map(([key, g]) => ({ key, figure: figure(g.booked, g.available) }))
    .sort((a, b) => (b.figure.ratio ?? -1) - (a.figure.ratio ?? -1) || a.key.localeCompare(b.key));
}

const total = (rows: CubeRow[]) =>
  figure(sum(rows.map((r) => r.booked)), sum(rows.map((r) => sum(r.available))));

/** The network's utilisation for the period and filters (the headline figure). */
export function networkUtilisation(db: DB, raw: StatsInput): UtilisationFigure {
  return total(cubeFor(db, parseInput(statsInput, raw)).rows);
}

export function statsUtilisation(db: DB, raw: StatsInput) {
  const input = parseInput(statsInput, raw);
  const { months, rows, bookedByMonth } = cubeFor(db, input);
  const facility = new Map(
    rows.map((r) => [
      String(r.facilityId),
      {
        facilityId: r.facilityId,
        slug: r.facilitySlug,
        nameEn: r.facilityNameEn,
        nameZh: r.facilityNameZh,
        prefecture: r.prefecture,
      },
    ]),
  );
  const item = new Map(
    rows.map((r) => [
      String(r.equipmentId),
      { equipmentId: r.equipmentId, name: r.name, nameZh: r.nameZh, units: r.units },
    ]),
  );
  return {
    network: total(rows),
    byPrefecture: groupBy(rows, (r) => [r.prefecture]).map((g) => ({
      prefecture: g.key,
      ...g.figure,
    })),
    byField: groupBy(rows, (r) => r.fields).map((g) => ({ field: g.key, ...g.figure })),
    byFacility: groupBy(rows, (r) => [String(r.facilityId)]).map((g) => ({
      ...facility.get(g.key)!,
      ...g.figure,
    })),
    /** Listed once the filters narrow to one facility (the drill-down). */
    byEquipment: input.facilityId
      ? groupBy(rows, (r) => [String(r.equipmentId)]).map((g) => ({
          ...item.get(g.key)!,
          ...g.figure,
        }))
      : [],
    byMonth: months.map((m, i) => ({
      month: m.key,
      ...figure(bookedByMonth[i], sum(rows.map((r) => r.available[i]))),
    })),
  };
}

/**
 * The large instruments against the year's benchmark: effective machine-hours from recorded use
 * per unit, scaled to a year (× 365 days ÷ the period's days). Below the benchmark is flagged.
 */
export function statsMachineHours(db: DB, raw: StatsInput, limit: number | null = 100) {
  const input = parseInput(statsInput, raw);
  const { rows } = cubeFor(db, input);
  const use = recordedUseFor(db, input);
  const benchmark = benchmarkFor(db, yearOf(input.from));
  const scale = YEAR_HOURS / ((input.to - input.from) / 3_600_000);
  const equipment = rows
    .filter((r) => isLargeInstrument(r.originalValueFen))
    .map((r) => {
      const u = use.byEquipment.get(r.equipmentId);
      const hours = (u?.used ?? 0) / r.units;
      const perYear = hours * scale;
      return {
        equipmentId: r.equipmentId,
        name: r.name,
        nameZh: r.nameZh,
        units: r.units,
        originalValueFen: r.originalValueFen,
        facilityId: r.facilityId,
        facilityNameEn: r.facilityNameEn,
        facilityNameZh: r.facilityNameZh,
        prefecture: r.prefecture,
        hours,
        externalHours: (u?.external ?? 0) / r.units,
        sharingRate: ratio(u?.external ?? 0, u?.used ?? 0),
        hoursPerYear: perYear,
        belowBenchmark: perYear < benchmark.hours,
      };
    })
    .sort((a, b) => a.hoursPerYear - b.hoursPerYear || a.equipmentId - b.equipmentId);
  const below = equipment.filter((e) => e.belowBenchmark).length;
  return {
    benchmark: benchmark.hours,
    benchmarkSet: benchmark.set,
    equipmentCount: equipment.length,
    belowCount: below,
    belowShare: ratio(below, equipment.length),
    equipment: limit === null ? equipment : equipment.slice(0, limit),
  };
}

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
import { equipmentNames, facilityOfRow, type CubeRow } from "../scheduling/utilisation-cube";

const YEAR_HOURS = 365 * 24;

export type UtilisationFigure = {
  bookedUnitHours: number;
  availableUnitHours: number;
  ratio: number | null;
};

const sum = (list: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < list.length; i++) s += list[i];
  return s;
};
const figure = (booked: number, available: number): UtilisationFigure => ({
  bookedUnitHours: booked,
  availableUnitHours: available,
  ratio: ratio(booked, available),
});

/** Each row's available unit-hours over the period, summed once for every grouping. */
const availableTotals = (rows: CubeRow[]) => Float64Array.from(rows, (r) => sum(r.available));

function groupBy(
  rows: CubeRow[],
  available: Float64Array,
  keysOf: (r: CubeRow) => string[],
): { key: string; figure: UtilisationFigure }[] {
  const acc = new Map<string, { booked: number; available: number }>();
  rows.forEach((r, i) => {
    for (const key of keysOf(r)) {
      const g = acc.get(key) ?? acc.set(key, { booked: 0, available: 0 }).get(key)!;
      g.booked += r.booked;
      g.available += available[i];
    }
  });
  return [...acc]
    .map(([key, g]) => ({ key, figure: figure(g.booked, g.available) }))
    .sort((a, b) => (b.figure.ratio ?? -1) - (a.figure.ratio ?? -1) || a.key.localeCompare(b.key));
}

const total = (rows: CubeRow[], available: Float64Array) =>
  figure(sum(rows.map((r) => r.booked)), sum(available));

/** The network's utilisation for the period and filters (the headline figure). */
export function networkUtilisation(db: DB, raw: StatsInput): UtilisationFigure {
  const { rows } = cubeFor(db, parseInput(statsInput, raw));
  return total(rows, availableTotals(rows));
}

export function statsUtilisation(db: DB, raw: StatsInput) {
  const input = parseInput(statsInput, raw);
  const { months, rows, bookedByMonth } = cubeFor(db, input);
  const available = availableTotals(rows);
  const availableByMonth = months.map(() => 0);
  for (const r of rows) r.available.forEach((h, i) => (availableByMonth[i] += h));
  const facility = new Map<string, CubeRow>();
  for (const r of rows)
    if (!facility.has(String(r.facilityId))) facility.set(String(r.facilityId), r);
  // The equipment are listed (with their names) once the filters narrow to one facility.
  const names = equipmentNames(db, input.facilityId ? rows.map((r) => r.equipmentId) : []);
  const item = new Map(
    (input.facilityId ? rows : []).map((r) => [
      String(r.equipmentId),
      { equipmentId: r.equipmentId, ...names.get(r.equipmentId)!, units: r.units },
    ]),
  );
  return {
    network: total(rows, available),
    byPrefecture: groupBy(rows, available, (r) => [r.prefecture]).map((g) => ({
      prefecture: g.key,
      ...g.figure,
    })),
    byField: groupBy(rows, available, (r) => r.fields).map((g) => ({ field: g.key, ...g.figure })),
    byFacility: groupBy(rows, available, (r) => [String(r.facilityId)]).map((g) => ({
      ...facilityOfRow(facility.get(g.key)!),
      ...g.figure,
    })),
    /** Listed once the filters narrow to one facility (the drill-down). */
    byEquipment: input.facilityId
      ? groupBy(rows, available, (r) => [String(r.equipmentId)]).map((g) => ({
          ...item.get(g.key)!,
          ...g.figure,
        }))
      : [],
    byMonth: months.map((m, i) => ({
      month: m.key,
      ...figure(bookedByMonth[i], availableByMonth[i]),
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
  const listed = limit === null ? equipment : equipment.slice(0, limit);
  const names = equipmentNames(
    db,
    listed.map((e) => e.equipmentId),
  );
  return {
    benchmark: benchmark.hours,
    benchmarkSet: benchmark.set,
    equipmentCount: equipment.length,
    belowCount: below,
    belowShare: ratio(below, equipment.length),
    equipment: listed.map((e) => ({ ...e, ...names.get(e.equipmentId)! })),
  };
}

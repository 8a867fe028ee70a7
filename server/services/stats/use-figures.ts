// stats.use: the evaluation figures for a period and filters, from recorded use, faults, invoices,
// payments, voucher redemptions, ratings and quotes; for the network, by prefecture, by field (a
// facility counts in each of its fields), by facility, by equipment once one facility is chosen,
// and effective, external and in-house hours by month. Every group sums its equipment's figures.
import type { DB } from "@/db/client";
import { parseInput } from "../parse-input";
import { ratio, statsInput, type StatsInput } from "./input";
import { cubeFor, serviceFor, recordedUseFor } from "./cube-cache";
import { equipmentNames, facilityOfRow, type CubeRow } from "../scheduling/utilisation-cube";
import type { UseRow } from "../scheduling/use-cube";
import type { ServiceRow } from "./service-figures";

export type UseFigure = {
  equipmentCount: number;
  /** Machine-hours (unit-hours) of recorded use: all, for outside firms, in-house. */
  effectiveHours: number;
  externalHours: number;
  inHouseHours: number;
  downHours: number;
  noShows: number;
  /** External ÷ effective hours. */
  sharingRate: number | null;
  invoicedFen: number;
  paidFen: number;
  voucherFen: number;
  externalUsers: number;
  averageRating: number | null;
  averageResponseHours: number | null;
};

/** A group's figure from its summed row (in the order of SUMMED), equipment and outside users. */
function figureOf(sums: Float64Array, equipmentCount: number, users: number): UseFigure {
  const [used, external, inHouse, down, noShows, invoicedFen, paidFen, voucherFen] = sums;
  const [ratingSum, ratings, responseHoursSum, responses] = sums.subarray(8);
  return {
    equipmentCount,
    effectiveHours: used,
    externalHours: external,
    inHouseHours: inHouse,
    downHours: down,
    noShows,
    sharingRate: ratio(external, used),
    invoicedFen,
    paidFen,
    voucherFen,
    externalUsers: users,
    averageRating: ratio(ratingSum, ratings),
    averageResponseHours: ratio(responseHoursSum, responses),
  };
}

// The figures summed per group, in this order: used, external, inHouse, down, noShows (recorded
// use), invoicedFen, paidFen, voucherFen, ratingSum, ratings, responseHoursSum, responses
// (service figures).
const WIDTH = 12;

/**
 * Groups the equipment rows by the key functions given and sums their figures. Each row's figures
 * are copied once into one flat array, which every grouping then sums (reading them from the maps'
 * objects once per grouping costs more than the sums). Distinct outside users are counted group by
 * group with a stamp per firm (the last group that counted it), not with a set per group.
 */
export function figureGrouper(
  rows: CubeRow[],
  use: Map<number, UseRow>,
  service: Map<number, ServiceRow>,
  usersOf: Map<number, number[]>,
) {
  const matrix = new Float64Array(rows.length * WIDTH);
  const firmsOf: (number[] | undefined)[] = [];
  let maxFirm = 0;
  rows.forEach((r, i) => {
    const u = use.get(r.equipmentId);
    const s = service.get(r.equipmentId);
    const row = matrix.subarray(i * WIDTH, (i + 1) * WIDTH);
    if (u) row.set([u.used, u.external, u.inHouse, u.down, u.noShows]);
    if (s)
      row.set(
        [
          s.invoicedFen,
          s.paidFen,
          s.voucherFen,
          s.ratingSum,
          s.ratings,
          s.responseHoursSum,
          s.responses,
        ],
        5,
      );
    const firms = usersOf.get(r.equipmentId);
    firmsOf.push(firms);
    if (firms) for (const f of firms) if (f > maxFirm) maxFirm = f;
  });
  const stamp = new Int32Array(maxFirm + 1);
  let group = 0;
  return (keysOf: (r: CubeRow) => string[]): Map<string, UseFigure> => {
    const members = new Map<string, number[]>();
    rows.forEach((r, i) => {
      for (const key of keysOf(r)) (members.get(key) ?? members.set(key, []).get(key)!).push(i);
    });
    const out = new Map<string, UseFigure>();
    const sums = new Float64Array(WIDTH);
    for (const [key, list] of members) {
      group++;
      sums.fill(0);
      let users = 0;
      for (const i of list) {
        for (let k = 0, at = i * WIDTH; k < WIDTH; k++) sums[k] += matrix[at + k];
        for (const firm of firmsOf[i] ?? [])
          if (stamp[firm] !== group) {
            stamp[firm] = group;
            users++;
          }
      }
      out.set(key, figureOf(sums, list.length, users));
    }
    return out;
  };
}

/** One grouping (figureGrouper for several over the same rows). */
export const figureGroups = (
  rows: CubeRow[],
  use: Map<number, UseRow>,
  service: Map<number, ServiceRow>,
  usersOf: Map<number, number[]>,
  keysOf: (r: CubeRow) => string[],
) => figureGrouper(rows, use, service, usersOf)(keysOf);

/** The period's cube rows with their recorded use, service figures and outside users. */
export function figureInputs(db: DB, raw: StatsInput) {
  const input = parseInput(statsInput, raw);
  const cube = cubeFor(db, input);
  const use = recordedUseFor(db, input);
  const service = serviceFor(db, input);
  return { input, cube, use, service: service.byEquipment, usersOf: service.usersOf };
}

const sorted = <T extends { figure: UseFigure }>(list: T[]) =>
  list.sort((a, b) => b.figure.effectiveHours - a.figure.effectiveHours);

export function statsUse(db: DB, raw: StatsInput) {
  const { input, cube, use, service, usersOf } = figureInputs(db, raw);
  const groups = figureGrouper(cube.rows, use.byEquipment, service, usersOf);
  const first = new Map<string, CubeRow>();
  for (const r of cube.rows) {
    const key = `f${r.facilityId}`;
    if (!first.has(key)) first.set(key, r);
    if (input.facilityId) first.set(`e${r.equipmentId}`, r);
  }
  const network = groups(() => ["all"]).get("all");
  const names = equipmentNames(db, input.facilityId ? cube.rows.map((r) => r.equipmentId) : []);
  return {
    network: network ?? figureOf(new Float64Array(WIDTH), 0, 0),
    byPrefecture: sorted(
      [...groups((r) => [r.prefecture])].map(([prefecture, figure]) => ({ prefecture, figure })),
    ),
    byField: sorted([...groups((r) => r.fields)].map(([field, figure]) => ({ field, figure }))),
    byFacility: sorted(
      [...groups((r) => [`f${r.facilityId}`])].map(([key, figure]) => ({
        ...facilityOfRow(first.get(key)!),
        figure,
      })),
    ),
    byEquipment: input.facilityId
      ? sorted(
          [...groups((r) => [`e${r.equipmentId}`])].map(([key, figure]) => {
            const r = first.get(key)!;
            return {
              equipmentId: r.equipmentId,
              ...names.get(r.equipmentId)!,
              units: r.units,
              figure,
            };
          }),
        )
      : [],
    byMonth: cube.months.map((m, i) => ({
      month: m.key,
      effectiveHours: use.usedByMonth[i],
      externalHours: use.externalByMonth[i],
      inHouseHours: use.inHouseByMonth[i],
    })),
  };
}

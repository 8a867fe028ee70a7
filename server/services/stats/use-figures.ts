// stats.use: the evaluation figures for a period and filters, from recorded use, faults, invoices,
// payments, voucher redemptions, ratings and quotes; for the network, by prefecture, by field (a
// facility counts in each of its fields), by facility, by equipment once one facility is chosen,
// and effective, external and in-house hours by month. Every group sums its equipment's figures.
import type { DB } from "@/db/client";
import { parseInput } from "../parse-input";
import { ratio, statsInput, type StatsInput } from "./input";
import { cubeFor, serviceFor, recordedUseFor } from "./cube-cache";
import type { CubeRow } from "../scheduling/utilisation-cube";
import type { UseRow } from "../scheduling/use-cube";
import { emptyService, type ServiceRow } from "./service-figures";

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

type Acc = UseRow & ServiceRow & { equipmentCount: number; users: number };
const emptyUse = (): UseRow => ({ used: 0, external: 0, inHouse: 0, down: 0, noShows: 0 });

function finish(a: Acc): UseFigure {
  return {
    equipmentCount: a.equipmentCount,
    effectiveHours: a.used,
    externalHours: a.external,
    inHouseHours: a.inHouse,
    downHours: a.down,
    noShows: a.noShows,
    sharingRate: ratio(a.external, a.used),
    invoicedFen: a.invoicedFen,
    paidFen: a.paidFen,
    voucherFen: a.voucherFen,
    externalUsers: a.users,
    averageRating: ratio(a.ratingSum, a.ratings),
    averageResponseHours: ratio(a.responseHoursSum, a.responses),
  };
}

const emptyAcc = (): Acc => ({ ...emptyUse(), ...emptyService(), equipmentCount: 0, users: 0 });
const EMPTY_USE = emptyUse();
const EMPTY_SERVICE = emptyService();

/**
 * Groups the equipment rows by `keysOf` and sums their figures. Distinct outside users are
 * counted group by group with a stamp per firm (the last group that counted it), not with a set
 * per group: tens of thousands of (equipment, firm) pairs in a few milliseconds.
 */
export function figureGroups(
  rows: CubeRow[],
  use: Map<number, UseRow>,
  service: Map<number, ServiceRow>,
  usersOf: Map<number, number[]>,
  keysOf: (r: CubeRow) => string[],
): Map<string, UseFigure> {
  const members = new Map<string, CubeRow[]>();
  for (const r of rows)
    for (const key of keysOf(r)) (members.get(key) ?? members.set(key, []).get(key)!).push(r);
  let maxFirm = 0;
  for (const firms of usersOf.values()) for (const f of firms) if (f > maxFirm) maxFirm = f;
  const stamp = new Int32Array(maxFirm + 1);
  let group = 0;
  const out = new Map<string, UseFigure>();
  for (const [key, list] of members) {
    group++;
    const a = emptyAcc();
    for (const r of list) {
      const u = use.get(r.equipmentId) ?? EMPTY_USE;
      const s = service.get(r.equipmentId) ?? EMPTY_SERVICE;
      a.equipmentCount += 1;
      a.used += u.used;
      a.external += u.external;
      a.inHouse += u.inHouse;
      a.down += u.down;
      a.noShows += u.noShows;
      a.invoicedFen += s.invoicedFen;
      a.paidFen += s.paidFen;
      a.voucherFen += s.voucherFen;
      a.ratingSum += s.ratingSum;
      a.ratings += s.ratings;
      a.responseHoursSum += s.responseHoursSum;
      a.responses += s.responses;
      for (const firm of usersOf.get(r.equipmentId) ?? [])
        if (stamp[firm] !== group) {
          stamp[firm] = group;
          a.users++;
        }
    }
    out.set(key, finish(a));
  }
  return out;
}

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
  const groups = (keysOf: (r: CubeRow) => string[]) =>
    figureGroups(cube.rows, use.byEquipment, service, usersOf, keysOf);
  const first = new Map<string, CubeRow>();
  for (const r of cube.rows) {
    if (!first.has(`f${r.facilityId}`)) first.set(`f${r.facilityId}`, r);
    first.set(`e${r.equipmentId}`, r);
  }
  const network = groups(() => ["all"]).get("all");
  return {
    network: network ?? finish(emptyAcc()),
    byPrefecture: sorted(
      [...groups((r) => [r.prefecture])].map(([prefecture, figure]) => ({ prefecture, figure })),
    ),
    byField: sorted([...groups((r) => r.fields)].map(([field, figure]) => ({ field, figure }))),
    byFacility: sorted(
      [...groups((r) => [`f${r.facilityId}`])].map(([key, figure]) => {
        const r = first.get(key)!;
        return {
          facilityId: r.facilityId,
          slug: r.facilitySlug,
          nameEn: r.facilityNameEn,
          nameZh: r.facilityNameZh,
          prefecture: r.prefecture,
          figure,
        };
      }),
    ),
    byEquipment: input.facilityId
      ? sorted(
          [...groups((r) => [`e${r.equipmentId}`])].map(([key, figure]) => {
            const r = first.get(key)!;
            return {
              equipmentId: r.equipmentId,
              name: r.name,
              nameZh: r.nameZh,
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

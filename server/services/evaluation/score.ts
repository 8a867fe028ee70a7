// Scoring a year: every facility's counted equipment (large instruments, or all, less what the
// department left out), its figures from recorded use, faults, income, users and ratings over the
// year (up to now for the year in progress), each indicator scored 0–100 and the weighted total.
//   effectiveHours: effective machine-hours per counted unit, annualised, ÷ benchmark (cap 100)
//   sharingRate:    external ÷ effective hours × 100
//   externalUsers:  outside firms served ÷ the most any facility served × 100
//   income:         (invoiced + voucher cover) ÷ original value of the counted equipment, ÷ the
//                   best facility's × 100
//   rating:         average rating ÷ 5 × 100 (no rating: 0)
//   availability:   (1 − downtime ÷ (elapsed hours × counted equipment)) × 100
import type { DB } from "@/db/client";
import { isLargeInstrument } from "@/db/reference/large-instrument";
import { indicators, type Indicator } from "@/db/reference/evaluation-defaults";
import { now } from "../clock";
import { localYear } from "../scheduling/local-time";
import { figureGroups, figureInputs, type UseFigure } from "../stats/use-figures";
import type { EvaluationSettings } from "./settings";

const HOUR = 3_600_000;

export type FacilityScore = {
  facilityId: number;
  slug: string;
  nameEn: string;
  nameZh: string;
  prefecture: string;
  /** 0–100 with two decimals; null when nothing of the facility counts. */
  score: number | null;
  rank: number | null;
  figures: Record<string, number | null>;
};

const round2 = (x: number) => Math.round(x * 100) / 100;
const cap = (x: number) => Math.max(0, Math.min(100, x));

export function scoreYear(db: DB, s: EvaluationSettings) {
  const { start: from, end: to } = localYear(s.year);
  const at = now();
  const { cube, use, service, usersOf } = figureInputs(db, { from, to });
  const excluded = new Set(s.excludedEquipment);
  const counted = cube.rows.filter(
    (r) =>
      !excluded.has(r.equipmentId) && (s.scope === "all" || isLargeInstrument(r.originalValueFen)),
  );
  const groups = figureGroups(counted, use.byEquipment, service, usersOf, (r) => [
    String(r.facilityId),
  ]);
  const elapsedHours = Math.max(0, Math.min(to, at) - from) / HOUR;
  const yearHours = (to - from) / HOUR;
  const units = new Map<number, number>();
  const value = new Map<number, number>();
  for (const r of counted) {
    units.set(r.facilityId, (units.get(r.facilityId) ?? 0) + r.units);
    value.set(r.facilityId, (value.get(r.facilityId) ?? 0) + r.originalValueFen);
  }
  const incomeRate = (id: number, g: UseFigure) =>
    (value.get(id) ?? 0) > 0 ? (g.invoicedFen + g.voucherFen) / value.get(id)! : 0;
  let maxUsers = 0;
  let maxIncome = 0;
  for (const [id, g] of groups) {
    maxUsers = Math.max(maxUsers, g.externalUsers);
    maxIncome = Math.max(maxIncome, incomeRate(Number(id), g));
  }
  const facilities = new Map(cube.rows.map((r) => [r.facilityId, r]));
  const results: FacilityScore[] = [...facilities.values()].map((f) => {
    const g = groups.get(String(f.facilityId));
    const base = {
      facilityId: f.facilityId,
      slug: f.facilitySlug,
      nameEn: f.facilityNameEn,
      nameZh: f.facilityNameZh,
      prefecture: f.prefecture,
    };
    if (!g) return { ...base, score: null, rank: null, figures: { instruments: 0 } };
    const perUnit =
      elapsedHours > 0
        ? (g.effectiveHours / units.get(f.facilityId)!) * (yearHours / elapsedHours)
        : 0;
    const income = incomeRate(f.facilityId, g);
    const scores: Record<Indicator, number> = {
      effectiveHours: cap((100 * perUnit) / s.benchmarkHours),
      sharingRate: cap(100 * (g.sharingRate ?? 0)),
      externalUsers: maxUsers > 0 ? cap((100 * g.externalUsers) / maxUsers) : 0,
      income: maxIncome > 0 ? cap((100 * income) / maxIncome) : 0,
      rating: cap(((g.averageRating ?? 0) / 5) * 100),
      availability:
        elapsedHours > 0 ? cap(100 * (1 - g.downHours / (elapsedHours * g.equipmentCount))) : 100,
    };
    const score = indicators.reduce((sum, k) => sum + (s.weights[k] * scores[k]) / 100, 0);
    return {
      ...base,
      score: round2(score),
      rank: null,
      figures: {
        instruments: g.equipmentCount,
        units: units.get(f.facilityId)!,
        originalValueFen: value.get(f.facilityId)!,
        effectiveHours: round2(g.effectiveHours),
        hoursPerUnitYear: round2(perUnit),
        externalHours: round2(g.externalHours),
        inHouseHours: round2(g.inHouseHours),
        downHours: round2(g.downHours),
        noShows: g.noShows,
        sharingRate: g.sharingRate,
        invoicedFen: g.invoicedFen,
        paidFen: g.paidFen,
        voucherFen: g.voucherFen,
        externalUsers: g.externalUsers,
        averageRating: g.averageRating,
        averageResponseHours: g.averageResponseHours,
        ...Object.fromEntries(indicators.map((k) => [`score.${k}`, round2(scores[k])])),
      },
    };
  });
  // Ranked by score, highest first; equal scores share a rank.
  const ranked = results
    .filter((r) => r.score !== null)
    .sort((a, b) => b.score! - a.score! || a.facilityId - b.facilityId);
  ranked.forEach((r, i) => {
    r.rank = i > 0 && ranked[i - 1].score === r.score ? ranked[i - 1].rank : i + 1;
  });
  return {
    from,
    to,
    counted,
    results: [...ranked, ...results.filter((r) => r.score === null)],
  };
}

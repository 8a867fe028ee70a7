// The innovation-voucher rules that are arithmetic: the default coverage rates and the cover a
// quote can draw. Kept here (not in server/) so the seed draws cover by the same rule.
import type { ServiceType } from "../schema/enums";

/** Sichuan's published rates: 30 % of instrument-sharing, inspection, testing and verification
 * fees, 20 % of pilot-scale fees; consulting is not covered unless a programme says so. */
export const defaultVoucherRatesBp: Record<ServiceType, number> = {
  inspection: 3000,
  testing: 3000,
  verification: 3000,
  pilot_production: 2000,
  scale_up: 2000,
  consulting: 0,
};

/** The national and provincial cap on what one firm may draw in a year: ¥200,000. */
export const defaultFirmCapFen = 20_000_000;

export type CoverLimits = {
  /** The eligible lines' amount, VAT included (fen). */
  eligibleFen: number;
  /** The programme's rate for the request's service type (basis points). */
  rateBp: number;
  /** What the allotment has left to reserve. */
  allotmentLeftFen: number;
  /** What the firm may still draw this year under the programme's cap. */
  capLeftFen: number;
  /** What the programme's budget has not yet committed to acceptances. */
  budgetLeftFen: number;
};

/** The most cover a quote can draw: the rate's share of the eligible amount (rounded down to the
 * fen, so never above the rate), bounded by the allotment, the annual cap and the budget. */
export function maxVoucherCover(l: CoverLimits): number {
  const byRate = Math.floor((l.eligibleFen * l.rateBp) / 10_000);
  return Math.max(0, Math.min(byRate, l.allotmentLeftFen, l.capLeftFen, l.budgetLeftFen));
}

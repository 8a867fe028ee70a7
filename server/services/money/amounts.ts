// Money arithmetic, in integer fen throughout: a line's net amount from its quantity (in
// thousandths, so 2.5 h is 2500) and unit price, its VAT rounded half up to the fen per line,
// and a quote's subtotal, VAT and total as sums of its lines. Stated on /about/metrics.

import { eligibleLinesFen } from "../vouchers/eligible";

/** The VAT rates a facility may charge (small-scale taxpayers 1 % or 3 %, general 6 %), in
 * basis points. */
export const vatRatesBp = [600, 300, 100] as const;
export type VatRateBp = (typeof vatRatesBp)[number];

/** a × b ÷ c rounded half up, for non-negative integers, without leaving integer arithmetic. */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 0 || b < 0)
    throw new RangeError("amounts are non-negative integers");
  const product = BigInt(a) * BigInt(b);
  const big = (product * 2n + BigInt(c)) / (2n * BigInt(c));
  return Number(big);
}

/** The net of a line: quantity (thousandths) × unit price (fen), half up to the fen. */
export function lineNetFen(quantityMilli: number, unitPriceFen: number): number {
  return mulDivHalfUp(quantityMilli, unitPriceFen, 1000);
}

/** The VAT of one line's net amount, half up to the fen. */
export function lineVatFen(netFen: number, vatRateBp: number): number {
  return mulDivHalfUp(netFen, vatRateBp, 10_000);
}

export type PricedLine = {
  quantityMilli: number;
  unitPriceFen: number;
  voucherEligible: boolean;
  /** A discount: the line's net and VAT count against the total. */
  deducts?: boolean;
};

/** Subtotal, VAT (per line, then summed) and total of lines, and the part eligible for vouchers
 * (net and VAT of the eligible lines). */
export function quoteTotals(lines: PricedLine[], vatRateBp: number) {
  let subtotalFen = 0;
  let vatFen = 0;
  const priced = lines.map((l) => {
    const sign = l.deducts ? -1 : 1;
    const gross = lineNetFen(l.quantityMilli, l.unitPriceFen);
    const netFen = sign * gross;
    const lineVat = sign * lineVatFen(gross, vatRateBp);
    subtotalFen += netFen;
    vatFen += lineVat;
    return { ...l, netFen, vatFen: lineVat };
  });
  return {
    lines: priced,
    subtotalFen,
    vatFen,
    totalFen: subtotalFen + vatFen,
    eligibleFen: eligibleLinesFen(priced),
  };
}

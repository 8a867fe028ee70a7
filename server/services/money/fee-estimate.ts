// What a published fee schedule comes to for a need: the base charge (unit price × quantity of
// the price basis, at least the minimum charge), the urgent and hazardous-sample surcharges, the
// discount for small and micro firms, and VAT per line. The request form's estimate and the
// quote form's pre-filled lines both come from here.
import { lineVatFen, mulDivHalfUp } from "./amounts";

export type FeeSchedule = {
  priceBasis: string;
  priceFen: number | null;
  minChargeFen: number;
  urgentSurchargePct: number;
  hazardSurchargePct: number;
  smallFirmDiscountPct: number;
};
export type FeeNeed = {
  hours: number;
  units: number;
  /** Samples, items or batches, for a schedule priced per sample, item or batch. */
  pieces: number;
  urgent: boolean;
  hazardous: boolean;
  firmSize: string | null;
};
export type EstimateLine = {
  kind: "base" | "minimum" | "urgent" | "hazardous" | "smallFirm";
  quantity: number;
  netFen: number;
  vatFen: number;
};

const HOURS_PER_DAY = 24;

/** The quantity a schedule charges for: hours × units, days × units, or pieces. */
export function chargedQuantity(basis: string, need: FeeNeed): number {
  if (basis === "per_hour") return need.hours * need.units;
  if (basis === "per_day") return Math.ceil(need.hours / HOURS_PER_DAY) * need.units;
  return Math.max(1, need.pieces);
}

/** The estimate, or null for a service priced on quote only. */
export function estimateFee(s: FeeSchedule, need: FeeNeed, vatRateBp: number) {
  if (s.priceBasis === "quote" || s.priceFen === null) return null;
  const quantity = chargedQuantity(s.priceBasis, need);
  const raw = quantity * s.priceFen;
  const base = Math.max(raw, s.minChargeFen);
  const line = (kind: EstimateLine["kind"], q: number, net: number): EstimateLine => ({
    kind,
    quantity: q,
    netFen: net,
    vatFen: Math.sign(net) * lineVatFen(Math.abs(net), vatRateBp),
  });
  const lines = [line(raw >= s.minChargeFen ? "base" : "minimum", quantity, base)];
  if (need.urgent && s.urgentSurchargePct > 0)
    lines.push(line("urgent", 1, mulDivHalfUp(base, s.urgentSurchargePct, 100)));
  if (need.hazardous && s.hazardSurchargePct > 0)
    lines.push(line("hazardous", 1, mulDivHalfUp(base, s.hazardSurchargePct, 100)));
  if ((need.firmSize === "micro" || need.firmSize === "small") && s.smallFirmDiscountPct > 0)
    lines.push(line("smallFirm", 1, -mulDivHalfUp(base, s.smallFirmDiscountPct, 100)));
  const subtotalFen = lines.reduce((a, l) => a + l.netFen, 0);
  const vatFen = lines.reduce((a, l) => a + l.vatFen, 0);
  return { lines, subtotalFen, vatFen, totalFen: subtotalFen + vatFen };
}

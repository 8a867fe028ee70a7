// The lines a quote form starts with: the published fee schedule of the request's service applied
// to its need (base charge or minimum, surcharges, small-firm discount), or else machine time at
// the equipment's hourly rate for the hours and units asked.
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { equipment, firms, services, type QuoteLineKind } from "@/db/schema";
import { estimateFee, type EstimateLine } from "./fee-estimate";
import { prepared } from "../prepared-queries";

const ph = sql.placeholder;
const serviceById = (db: DbOrTx) =>
  db
    .select()
    .from(services)
    .where(eq(services.id, ph("id")))
    .prepare();
const firmSize = (db: DbOrTx) =>
  db
    .select({ size: firms.size })
    .from(firms)
    .where(eq(firms.id, ph("id")))
    .prepare();
const hourlyRate = (db: DbOrTx) =>
  db
    .select({ rate: equipment.hourlyRateFen })
    .from(equipment)
    .where(eq(equipment.id, ph("id")))
    .prepare();

export type SuggestedLine = {
  kind: QuoteLineKind;
  description: string;
  quantity: number;
  unit: string;
  unitPriceFen: number;
  voucherEligible: boolean;
  /** Which term of the fee schedule the line applies, for the form to describe in words. */
  term?: "minimum" | "urgent" | "hazardous" | "smallFirm";
};

const basisUnit: Record<string, string> = {
  per_hour: "h",
  per_day: "d",
  per_sample: "pcs",
  per_item: "pcs",
  per_batch: "batch",
};

/** "3 samples, 200 g each" → 3; anything without a leading count → 1. */
export const piecesOf = (quantity: string | null) =>
  Math.max(1, Number(/^\s*(\d{1,6})/.exec(quantity ?? "")?.[1] ?? 1));

export function suggestedQuoteLines(
  tx: DbOrTx,
  r: {
    serviceId: number | null;
    firmId: number;
    equipmentId: number | null;
    quoteEquipmentId: number | null;
    hours: number;
    units: number;
    quantity: string | null;
    hazardClass: string | null;
  },
  vatRateBp: number,
): SuggestedLine[] {
  const service = r.serviceId ? prepared(tx, serviceById).get({ id: r.serviceId }) : undefined;
  const size = prepared(tx, firmSize).get({ id: r.firmId });
  if (service) {
    const estimate = estimateFee(
      service,
      {
        hours: r.hours,
        units: r.units,
        pieces: piecesOf(r.quantity),
        urgent: false,
        hazardous: Boolean(r.hazardClass?.trim()),
        firmSize: size?.size ?? null,
      },
      vatRateBp,
    );
    if (estimate) return estimate.lines.map((l) => fromEstimate(l, service));
  }
  const equipmentId = r.quoteEquipmentId ?? r.equipmentId;
  const rate = equipmentId ? prepared(tx, hourlyRate).get({ id: equipmentId })?.rate : undefined;
  if (rate === undefined) return [];
  return [
    {
      kind: "machine_time",
      description: "",
      quantity: r.hours * r.units,
      unit: "h",
      unitPriceFen: rate,
      voucherEligible: true,
    },
  ];
}

function fromEstimate(
  l: EstimateLine,
  s: { priceBasis: string; priceFen: number | null; name: string },
): SuggestedLine {
  const base = {
    description: s.name,
    voucherEligible: true,
  };
  if (l.kind === "base")
    return {
      ...base,
      kind: s.priceBasis === "per_hour" || s.priceBasis === "per_day" ? "machine_time" : "other",
      quantity: l.quantity,
      unit: basisUnit[s.priceBasis] ?? "",
      unitPriceFen: s.priceFen!,
    };
  if (l.kind === "minimum")
    return {
      ...base,
      kind: "other",
      quantity: 1,
      unit: "",
      unitPriceFen: l.netFen,
      term: "minimum",
    };
  return {
    ...base,
    kind: l.kind === "smallFirm" ? "discount" : "surcharge",
    term: l.kind,
    quantity: 1,
    unit: "",
    unitPriceFen: Math.abs(l.netFen),
  };
}

// The lines of an itemised quote as an operator sends them, checked and priced: quantities to
// three decimals, unit prices in whole fen, a discount line taking its amount off, and a total
// that cannot fall below zero.
import { z } from "zod";
import { quoteLineKinds } from "@/db/schema/enums";
import { numeric } from "../number-input";
import { quoteTotals } from "./amounts";

const MAX_FEN = 10_000_000_000;

export const quoteLineInput = z.object({
  kind: z.enum(quoteLineKinds, { error: "field.lineKind" }),
  description: z.string().trim().max(200, "field.maxChars").default(""),
  quantity: numeric(
    z
      .number({ error: "field.number" })
      .positive("field.positive")
      .max(1_000_000, "field.tooLarge")
      .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, "field.threeDecimals"),
  ),
  unit: z.string().trim().max(20, "field.maxChars").default(""),
  unitPriceFen: numeric(
    z
      .number({ error: "field.amountFen" })
      .int("field.wholeFen")
      .min(0, "field.notNegative")
      .max(MAX_FEN, "field.tooLarge"),
  ),
  voucherEligible: z.boolean().default(false),
});
export type QuoteLineInput = z.input<typeof quoteLineInput>;
export const quoteLinesInput = z
  .array(quoteLineInput)
  .min(1, "field.lineNeeded")
  .max(30, "field.tooMany");

/** The priced lines (in order) and the quote's totals at the facility's VAT rate. */
export function priceQuoteLines(lines: z.output<typeof quoteLinesInput>, vatRateBp: number) {
  const totals = quoteTotals(
    lines.map((l) => ({
      quantityMilli: Math.round(l.quantity * 1000),
      unitPriceFen: l.unitPriceFen,
      voucherEligible: l.voucherEligible,
      deducts: l.kind === "discount",
    })),
    vatRateBp,
  );
  return {
    ...totals,
    lines: totals.lines.map((p, i) => ({ ...lines[i], ...p })),
  };
}

// Writes a quote version's priced lines, and the request columns that summarise them: used by
// the operator's quote and revision, and by an instant confirmation at the published rate.
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { facilities, quoteLines } from "@/db/schema";
import { agreementNumber } from "@/db/reference/agreement-number";
import { priceQuoteLines } from "../money/quote-lines";
import { validation } from "../errors";
import { prepared } from "../prepared-queries";

type Lines = Parameters<typeof priceQuoteLines>[0];

const ph = sql.placeholder;
const vatRateQuery = (db: DbOrTx) =>
  db
    .select({ vatRateBp: facilities.vatRateBp })
    .from(facilities)
    .where(eq(facilities.id, ph("id")))
    .prepare();
const insertLine = (db: DbOrTx) =>
  db
    .insert(quoteLines)
    .values({
      requestId: ph("requestId"),
      version: ph("version"),
      position: ph("position"),
      kind: ph("kind"),
      description: ph("description"),
      quantityMilli: ph("quantityMilli"),
      unit: ph("unit"),
      unitPriceFen: ph("unitPriceFen"),
      netFen: ph("netFen"),
      vatFen: ph("vatFen"),
      voucherEligible: ph("voucherEligible"),
      createdAt: ph("at"),
    })
    .prepare();

export const vatRateOf = (tx: DbOrTx, facilityId: number) =>
  prepared(tx, vatRateQuery).get({ id: facilityId })!.vatRateBp;

/** Prices the lines at the facility's VAT rate, stores them as the next version; the columns. */
export function storeQuoteLines(
  tx: DbOrTx,
  r: { id: number; ref: string; quoteVersion: number },
  facilityId: number,
  lines: Lines,
  at: number,
) {
  const vatRateBp = vatRateOf(tx, facilityId);
  const priced = priceQuoteLines(lines, vatRateBp);
  if (priced.totalFen < 0) throw validation("lines", "field.totalBelowZero");
  const quoteVersion = r.quoteVersion + 1;
  priced.lines.forEach((l, position) =>
    prepared(tx, insertLine).run({
      requestId: r.id,
      version: quoteVersion,
      position,
      kind: l.kind,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unit: l.unit,
      unitPriceFen: l.unitPriceFen,
      netFen: l.netFen,
      vatFen: l.vatFen,
      voucherEligible: l.voucherEligible,
      at,
    }),
  );
  return {
    quoteAmountFen: priced.totalFen,
    quoteVatFen: priced.vatFen,
    quoteVatRateBp: vatRateBp,
    quoteVersion,
    /** The agreement that accepting this version accepts. */
    agreement: agreementNumber(r.ref, quoteVersion),
  };
}

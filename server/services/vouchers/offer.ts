// What a firm's vouchers can pay of a quote, and the reservation of that cover when the firm
// accepts. The page's offer and the acceptance both call `voucherOffer`, so the cover the firm
// sees is the cover it gets (unless another acceptance drew on the allotment in between).
import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { quoteLines, voucherAllotments, voucherProgrammes } from "@/db/schema";
import { maxVoucherCover } from "@/db/reference/voucher-cover";
import type { RequestRow } from "../booking/request-access";
import { refuse, validation } from "../errors";
import { fenInput } from "../money/fen-input";
import {
  allotmentSums,
  appendEntry,
  availableOf,
  committedOf,
  firmYearCommitted,
  programmeSums,
} from "./ledger";

/** At acceptance: apply the voucher (the most it can cover, or a smaller amount in fen). */
export const voucherChoice = {
  useVoucher: z.boolean({ error: "field.useVoucher" }).optional(),
  voucherFen: fenInput.optional(),
};

/** The eligible lines of the request's current quote version, VAT included. */
export function eligibleFen(tx: DbOrTx, r: RequestRow): number {
  return tx
    .select({ net: quoteLines.netFen, vat: quoteLines.vatFen })
    .from(quoteLines)
    .where(
      and(
        eq(quoteLines.requestId, r.id),
        eq(quoteLines.version, r.quoteVersion),
        eq(quoteLines.voucherEligible, true),
      ),
    )
    .all()
    .reduce((n, l) => n + l.net + l.vat, 0);
}

export type VoucherOffer = {
  allotmentId: number;
  programmeId: number;
  programme: { en: string; zh: string };
  rateBp: number;
  eligibleFen: number;
  availableFen: number;
  maxFen: number;
};

/** The firm's best allotment for this quote (the one that expires first among those that can
 * pay something), with the most it can cover; null when none can. */
export function voucherOffer(tx: DbOrTx, r: RequestRow, at: number): VoucherOffer | null {
  if (r.quoteAmountFen === null) return null;
  const eligible = eligibleFen(tx, r);
  if (eligible <= 0) return null;
  const candidates = tx
    .select({ a: voucherAllotments, p: voucherProgrammes })
    .from(voucherAllotments)
    .innerJoin(voucherProgrammes, eq(voucherProgrammes.id, voucherAllotments.programmeId))
    .where(
      and(
        eq(voucherAllotments.firmId, r.firmId),
        eq(voucherAllotments.status, "approved"),
        gt(voucherProgrammes.validUntil, at),
      ),
    )
    .orderBy(asc(voucherProgrammes.validUntil), asc(voucherAllotments.id))
    .all();
  for (const { a, p } of candidates) {
    const rateBp = p.ratesBp[r.serviceType] ?? 0;
    if (rateBp <= 0) continue;
    const available = availableOf(allotmentSums(tx, a.id));
    const maxFen = maxVoucherCover({
      eligibleFen: eligible,
      rateBp,
      allotmentLeftFen: available,
      capLeftFen: p.firmCapFen - firmYearCommitted(tx, r.firmId, p.year),
      budgetLeftFen: p.budgetFen - committedOf(programmeSums(tx, p.id)),
    });
    if (maxFen > 0)
      return {
        allotmentId: a.id,
        programmeId: p.id,
        programme: { en: p.nameEn, zh: p.nameZh },
        rateBp,
        eligibleFen: eligible,
        availableFen: available,
        maxFen,
      };
  }
  return null;
}

/** Inside the acceptance's immediate transaction: reserve the cover the firm chose. Returns the
 * amount reserved (0 when the firm did not apply a voucher). */
export function reserveCover(
  tx: DbOrTx,
  r: RequestRow,
  choice: { useVoucher?: boolean; voucherFen?: number },
  userId: number,
  at: number,
): number {
  if (!choice.useVoucher && choice.voucherFen === undefined) return 0;
  const offer = voucherOffer(tx, r, at);
  if (!offer) throw refuse("INVALID_STATE", "voucher.noCover", { ref: r.ref });
  const amount = choice.voucherFen ?? offer.maxFen;
  if (amount > offer.maxFen)
    throw validation("voucherFen", "field.aboveCover", { max: offer.maxFen / 100 });
  appendEntry(tx, {
    allotmentId: offer.allotmentId,
    programmeId: offer.programmeId,
    firmId: r.firmId,
    requestId: r.id,
    kind: "reserved",
    amountFen: amount,
    at,
    byUser: userId,
  });
  return amount;
}

// What a firm's vouchers can pay of a quote, and the reservation of that cover when the firm
// accepts. The page's offer and the acceptance both call `voucherOffer`, so the cover the firm
// sees is the cover it gets (unless another acceptance drew on the allotment in between).
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { maxVoucherCover } from "@/db/reference/voucher-cover";
import type { RequestRow } from "../booking/request-access";
import { refuse, validation } from "../errors";
import { fenInput } from "../money/fen-input";
import { eligibleLinesFen } from "./eligible";
import { statement } from "../sql-statements";
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
  const lines = statement(
    tx,
    `SELECT net_fen AS netFen, vat_fen AS vatFen, voucher_eligible AS voucherEligible
     FROM quote_lines WHERE request_id = ? AND version = ?`,
  ).all(r.id, r.quoteVersion) as { netFen: number; vatFen: number; voucherEligible: number }[];
  return eligibleLinesFen(lines.map((l) => ({ ...l, voucherEligible: l.voucherEligible === 1 })));
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
  const candidates = statement(
    tx,
    `SELECT a.id AS allotmentId, p.id AS programmeId, p.name_en AS nameEn, p.name_zh AS nameZh,
       p.year, p.budget_fen AS budgetFen, p.firm_cap_fen AS firmCapFen, p.rates_bp AS ratesBp
     FROM voucher_allotments a JOIN voucher_programmes p ON p.id = a.programme_id
     WHERE a.firm_id = ? AND a.status = 'approved' AND p.valid_until > ?
     ORDER BY p.valid_until, a.id`,
  ).all(r.firmId, at) as {
    allotmentId: number;
    programmeId: number;
    nameEn: string;
    nameZh: string;
    year: number;
    budgetFen: number;
    firmCapFen: number;
    ratesBp: string;
  }[];
  for (const p of candidates) {
    const rateBp = (JSON.parse(p.ratesBp) as Record<string, number>)[r.serviceType] ?? 0;
    if (rateBp <= 0) continue;
    const available = availableOf(allotmentSums(tx, p.allotmentId));
    const maxFen = maxVoucherCover({
      eligibleFen: eligible,
      rateBp,
      allotmentLeftFen: available,
      capLeftFen: p.firmCapFen - firmYearCommitted(tx, r.firmId, p.year),
      budgetLeftFen: p.budgetFen - committedOf(programmeSums(tx, p.programmeId)),
    });
    if (maxFen > 0)
      return {
        allotmentId: p.allotmentId,
        programmeId: p.programmeId,
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
    facilityId: r.facilityId,
    kind: "reserved",
    amountFen: amount,
    at,
    byUser: userId,
  });
  return amount;
}

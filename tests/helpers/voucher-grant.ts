// A voucher programme with one firm's allotment already granted, written straight to the tables
// (for races and benches that need a balance to draw on, not the application flow).
import type { DB } from "@/db/client";
import { voucherAllotments, voucherLedger, voucherProgrammes } from "@/db/schema";
import { defaultVoucherRatesBp } from "@/db/reference/voucher-cover";

export function grantAllotment(
  db: DB,
  o: { firmId: number; userId: number; amountFen: number; year: number; at: number },
) {
  const DAY = 86_400_000;
  const programme = db
    .insert(voucherProgrammes)
    .values({
      year: o.year,
      nameEn: "Granted vouchers",
      nameZh: "已批准的创新券",
      budgetFen: o.amountFen,
      firmCapFen: o.amountFen,
      ratesBp: defaultVoucherRatesBp,
      eligibleSizes: ["micro", "small", "medium", "large"],
      eligiblePrefectures: [],
      applyFrom: o.at - DAY,
      applyUntil: o.at + DAY,
      validUntil: o.at + 4 * 365 * DAY,
      createdBy: o.userId,
    })
    .returning()
    .get();
  const allotment = db
    .insert(voucherAllotments)
    .values({
      programmeId: programme.id,
      firmId: o.firmId,
      requestedFen: o.amountFen,
      grantedFen: o.amountFen,
      purpose: "Granted for a test",
      status: "approved",
      appliedBy: o.userId,
    })
    .returning()
    .get();
  db.insert(voucherLedger)
    .values({
      allotmentId: allotment.id,
      programmeId: programme.id,
      firmId: o.firmId,
      kind: "allotted",
      amountFen: o.amountFen,
      at: o.at,
    })
    .run();
  return { programme, allotment };
}

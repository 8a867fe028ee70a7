// A firm's voucher page: the programmes it may apply under now, and its allotments with
// balances and ledger entries.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { firms } from "@/db/schema";
import { now } from "../clock";
import { firmAllotments } from "./allotments";
import { firmEligible, listProgrammes, programmeDays } from "./programmes";

export function firmVouchers(db: DbOrTx, firmId: number) {
  const at = now();
  const firm = db.select().from(firms).where(eq(firms.id, firmId)).get()!;
  const allotments = firmAllotments(db, firmId);
  const all = listProgrammes(db);
  const programmes = all
    .filter((p) => at < p.validUntil)
    .map((p) => ({
      id: p.id,
      year: p.year,
      nameEn: p.nameEn,
      nameZh: p.nameZh,
      firmCapFen: p.firmCapFen,
      ratesBp: p.ratesBp,
      ...programmeDays(p),
      open: at >= p.applyFrom && at < p.applyUntil,
      eligible: firmEligible(p, firm),
      applied: allotments.some((a) => a.programmeId === p.id && a.status !== "refused"),
    }));
  const names = new Map(all.map((p) => [p.id, { en: p.nameEn, zh: p.nameZh }]));
  return {
    firm: { size: firm.size, prefecture: firm.prefecture },
    programmes,
    allotments: allotments.map((a) => ({ ...a, programme: names.get(a.programmeId)! })),
  };
}

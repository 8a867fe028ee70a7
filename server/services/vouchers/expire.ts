// When a programme's validity ends, what its allotments have left unspent expires (a ledger
// entry; cover already reserved for accepted requests stays and is redeemed or released later,
// and a release after the end expires on the next sweep). Runs with the quote-expiry sweep.
import { and, eq, lte } from "drizzle-orm";
import type { DB } from "@/db/client";
import { voucherAllotments, voucherProgrammes } from "@/db/schema";
import { now } from "../clock";
import { allotmentSums, appendEntry, availableOf } from "./ledger";

export function expireAllotments(db: DB, at: number = now()): number {
  const ended = () =>
    db
      .select({
        id: voucherAllotments.id,
        programmeId: voucherAllotments.programmeId,
        firmId: voucherAllotments.firmId,
      })
      .from(voucherAllotments)
      .innerJoin(voucherProgrammes, eq(voucherProgrammes.id, voucherAllotments.programmeId))
      .where(and(eq(voucherAllotments.status, "approved"), lte(voucherProgrammes.validUntil, at)))
      .all();
  // A read first, so that the sweep takes the write lock only when something is left to expire.
  if (!ended().some((a) => availableOf(allotmentSums(db, a.id)) > 0)) return 0;
  return db.transaction(
    (tx) => {
      let n = 0;
      for (const a of ended()) {
        const left = availableOf(allotmentSums(tx, a.id));
        if (left <= 0) continue;
        appendEntry(tx, {
          allotmentId: a.id,
          programmeId: a.programmeId,
          firmId: a.firmId,
          kind: "expired",
          amountFen: left,
          at,
        });
        n++;
      }
      return n;
    },
    { behavior: "immediate" },
  );
}

// When a programme's validity ends, what its allotments have left unspent expires (a ledger
// entry; cover already reserved for accepted requests stays and is redeemed or released later,
// and a release after the end expires on the next sweep). Runs with the quote-expiry sweep.
import type { DB, DbOrTx } from "@/db/client";
import { now } from "../clock";
import { statement } from "../sql-statements";
import { allotmentSumsOf, appendEntry, availableOf } from "./ledger";

/** Approved allotments of ended programmes with something still available: two queries
 * however many there are, the balance by the ledger's one formula. */
function due(db: DbOrTx, at: number) {
  const ended = statement(
    db,
    `SELECT a.id AS allotmentId, a.programme_id AS programmeId, a.firm_id AS firmId
     FROM voucher_allotments a JOIN voucher_programmes p ON p.id = a.programme_id
     WHERE a.status = 'approved' AND p.valid_until <= ?`,
  ).all(at) as { allotmentId: number; programmeId: number; firmId: number }[];
  const sums = allotmentSumsOf(
    db,
    ended.map((a) => a.allotmentId),
  );
  return ended
    .map((a) => ({ ...a, left: availableOf(sums.get(a.allotmentId)!) }))
    .filter((a) => a.left > 0);
}

export function expireAllotments(db: DB, at: number = now()): number {
  // A read first, so that the sweep takes the write lock only when something is left to expire.
  if (due(db, at).length === 0) return 0;
  return db.transaction(
    (tx) => {
      const rows = due(tx, at);
      for (const r of rows)
        appendEntry(tx, {
          allotmentId: r.allotmentId,
          programmeId: r.programmeId,
          firmId: r.firmId,
          kind: "expired",
          amountFen: r.left,
          at,
        });
      return rows.length;
    },
    { behavior: "immediate" },
  );
}

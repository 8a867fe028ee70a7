import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reservations } from "@/db/schema";
import { releaseCover } from "../vouchers/ledger";

/** A request that will not happen: ends every live hold or booking at `at` and gives its open
 * voucher cover back to the allotment. */
export function releaseReservations(tx: DbOrTx, requestId: number, at: number): void {
  tx.update(reservations)
    .set({ releasedAt: at })
    .where(and(eq(reservations.requestId, requestId), isNull(reservations.releasedAt)))
    .run();
  releaseCover(tx, requestId, at);
}

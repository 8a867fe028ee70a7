import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reservations } from "@/db/schema";

/** Ends every live hold or booking of a request at `at`. */
export function releaseReservations(tx: DbOrTx, requestId: number, at: number): void {
  tx.update(reservations)
    .set({ releasedAt: at })
    .where(and(eq(reservations.requestId, requestId), isNull(reservations.releasedAt)))
    .run();
}

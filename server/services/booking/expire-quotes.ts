// Quotes past their valid-until. Their holds already stopped blocking at that instant (availability
// reads expires_at), so capacity never waits for this sweep; the sweep turns the requests
// `expired`, releases the holds and tells the firm. It runs on every read of requests and once a
// minute in the server (instrumentation.ts), so the firm hears of it even if nobody looks.
import { and, eq, lte } from "drizzle-orm";
import type { DB, DbOrTx } from "@/db/client";
import { bookingRequests } from "@/db/schema";
import { now } from "../clock";
import { recordTransition } from "./record-transition";
import { releaseReservations } from "./release-reservations";
import type { RequestRow } from "./request-access";
import { offerWaitlist } from "../waitlist/offer";

export function expireRequest(tx: DbOrTx, r: RequestRow): RequestRow {
  const at = r.quoteValidUntil ?? now();
  releaseReservations(tx, r.id, at);
  return recordTransition(
    tx,
    r,
    "expired",
    null,
    Math.max(at, r.updatedAt),
    { closedAt: at },
    { code: "quoteExpired" },
  );
}

export function expireQuotes(db: DB, at: number = now()): number {
  // A read first, so that reads of requests take the write lock only when something is due.
  const anyDue = db
    .select({ id: bookingRequests.id })
    .from(bookingRequests)
    .where(and(eq(bookingRequests.status, "quoted"), lte(bookingRequests.quoteValidUntil, at)))
    .limit(1)
    .get();
  if (!anyDue) return 0;
  return db.transaction(
    (tx) => {
      const due = tx
        .select()
        .from(bookingRequests)
        .where(and(eq(bookingRequests.status, "quoted"), lte(bookingRequests.quoteValidUntil, at)))
        .all();
      for (const r of due) expireRequest(tx, r);
      offerWaitlist(tx, at, { requests: due.map((r) => r.id) });
      return due.length;
    },
    { behavior: "immediate" },
  );
}

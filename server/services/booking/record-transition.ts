// Moves a request to a new status in the caller's transaction: the row (with its version bumped
// and checked), the event, and the notifications of the other party.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookingRequests, requestEvents, type RequestStatus } from "@/db/schema";
import { refuse } from "../errors";
import type { RequestRow } from "./request-access";
import { notifyOtherParty } from "./notify";
import { noteColumns, type EventNote } from "./event-note";

export function recordTransition(
  tx: DbOrTx,
  r: RequestRow,
  to: RequestStatus,
  actorId: number | null,
  at: number,
  changes: Partial<typeof bookingRequests.$inferInsert> = {},
  note: EventNote | null = null,
  /** The notification's kind, when the status alone does not say what happened. */
  kind = `request.${to}`,
): RequestRow {
  const updated = tx
    .update(bookingRequests)
    .set({ ...changes, status: to, version: r.version + 1, updatedAt: at })
    .where(and(eq(bookingRequests.id, r.id), eq(bookingRequests.version, r.version)))
    .returning()
    .get();
  if (!updated) throw refuse("CONFLICT", "request.changedConcurrently", { ref: r.ref });
  tx.insert(requestEvents)
    .values({
      requestId: r.id,
      actorId,
      fromStatus: r.status,
      toStatus: to,
      ...noteColumns(note),
      createdAt: at,
    })
    .run();
  notifyOtherParty(tx, updated, actorId, kind, at, note);
  return updated;
}

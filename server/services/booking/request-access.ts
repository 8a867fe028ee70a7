// Loads a request the caller may act on: a firm's own, or one routed to the operator's facility.
// Anything else is NOT_FOUND, so that callers learn nothing about other tenants' requests.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookingRequests } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse, notFound } from "../errors";

export type RequestRow = typeof bookingRequests.$inferSelect;

export function canSee(actor: Actor, r: RequestRow): boolean {
  if (actor.role === "admin") return true;
  if (actor.role === "firm") return r.firmId === actor.firmId;
  // Coordinators follow what reaches the hub: unrouted requests and those they routed on.
  if (actor.role === "coordinator" && (r.facilityId === null || r.routedAt !== null)) return true;
  return r.facilityId !== null && r.facilityId === actor.facilityId;
}

export function loadRequestFor(db: DbOrTx, actor: Actor, id: number): RequestRow {
  const r = db.select().from(bookingRequests).where(eq(bookingRequests.id, id)).get();
  if (!r || !canSee(actor, r)) throw notFound("request");
  return r;
}

/** A stale version means someone else moved the request since the caller looked at it. */
export function assertVersion(r: RequestRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== r.version)
    throw refuse("CONFLICT", "request.stale", { ref: r.ref });
}

// The moves that only change status (and release capacity where the work will not happen):
// withdraw, reject, start, complete, cancel.
import { and, count, eq, isNull } from "drizzle-orm";
import type { DB, DbOrTx } from "@/db/client";
import { attachments, facilities, reservations, type RequestStatus } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import {
  moveInput,
  moveWithReasonInput,
  startInput,
  type MoveInput,
  type MoveWithReasonInput,
  type StartInput,
} from "./inputs";
import type { EventNote } from "./event-note";
import { assertVersion, loadRequestFor } from "./request-access";
import { assertTransition, sideOf } from "./transitions";
import { recordTransition } from "./record-transition";
import { releaseReservations } from "./release-reservations";
import { facilityTimeZone } from "../scheduling/facility-time-zone";

function move(
  db: DB,
  actor: Actor,
  id: number,
  version: number | undefined,
  to: RequestStatus,
  reason: string | null,
  earlyReason?: string,
) {
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, id);
      assertVersion(r, version);
      assertTransition(r.status, to, sideOf(actor.role));
      // An operator acts only on requests routed to their own facility; a coordinator also on
      // unrouted ones.
      if (
        actor.role !== "firm" &&
        r.facilityId !== actor.facilityId &&
        !(actor.role === "coordinator" && r.facilityId === null)
      )
        throw refuse("INVALID_STATE", "request.notRouted", { ref: r.ref });
      const changes: Record<string, unknown> = {};
      let note: EventNote | null = reason;
      if (to === "withdrawn" || to === "rejected" || to === "cancelled") {
        releaseReservations(tx, r.id, at);
        Object.assign(changes, { closedAt: at, reason });
      }
      if (to === "in_progress") {
        const opensAt = startOpensAt(tx, r);
        if (opensAt !== null && at < opensAt) {
          if (!earlyReason)
            throw refuse("INVALID_STATE", "request.tooEarly", {
              ref: r.ref,
              opensAt: new Date(opensAt),
              start: new Date(r.quoteStart!),
              timeZone: facilityTimeZone(tx, r.facilityId!),
            });
          note = { code: "startedEarly", params: { reason: earlyReason } };
        }
        changes.startedAt = at;
        // Work began on the booked slot: a proposal to move it no longer applies.
        tx.update(reservations)
          .set({ releasedAt: at })
          .where(
            and(
              eq(reservations.requestId, r.id),
              eq(reservations.kind, "hold"),
              isNull(reservations.releasedAt),
            ),
          )
          .run();
      }
      if (to === "completed") {
        if (["inspection", "testing", "verification"].includes(r.serviceType)) {
          const reports = tx
            .select({ n: count() })
            .from(attachments)
            .where(and(eq(attachments.requestId, r.id), eq(attachments.kind, "report")))
            .get()!.n;
          if (reports === 0)
            throw refuse("INVALID_STATE", "request.reportNeeded", {
              ref: r.ref,
              serviceType: r.serviceType,
            });
        }
        Object.assign(changes, { completedAt: at, closedAt: at });
      }
      const moved = recordTransition(tx, r, to, actor.userId, at, changes, note);
      return { id: moved.id, ref: moved.ref, status: moved.status, version: moved.version };
    },
    { behavior: "immediate" },
  );
}

export const withdrawRequest = (db: DB, actor: Actor, raw: MoveInput) => {
  const i = parseInput(moveInput, raw);
  return move(db, actor, i.id, i.version, "withdrawn", null);
};
export const startRequest = (db: DB, actor: Actor, raw: StartInput) => {
  const i = parseInput(startInput, raw);
  return move(db, actor, i.id, i.version, "in_progress", null, i.earlyReason);
};

/** From when work on a booked request may start without a reason: the facility's early-start
 * time before its slot. Null when it has no slot. */
export function startOpensAt(
  tx: DbOrTx,
  r: { facilityId: number | null; quoteStart: number | null },
): number | null {
  if (r.quoteStart === null || r.facilityId === null) return null;
  const f = tx
    .select({ minutes: facilities.earlyStartMinutes })
    .from(facilities)
    .where(eq(facilities.id, r.facilityId))
    .get();
  return r.quoteStart - (f?.minutes ?? 60) * 60_000;
}
export const completeRequest = (db: DB, actor: Actor, raw: MoveInput) => {
  const i = parseInput(moveInput, raw);
  return move(db, actor, i.id, i.version, "completed", null);
};
export const rejectRequest = (db: DB, actor: Actor, raw: MoveWithReasonInput) => {
  const i = parseInput(moveWithReasonInput, raw);
  return move(db, actor, i.id, i.version, "rejected", i.reason);
};
export const cancelRequest = (db: DB, actor: Actor, raw: MoveWithReasonInput) => {
  const i = parseInput(moveWithReasonInput, raw);
  return move(db, actor, i.id, i.version, "cancelled", i.reason);
};

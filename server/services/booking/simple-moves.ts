// The moves that only change status (and release capacity where the work will not happen):
// withdraw, reject, start, complete, cancel.
import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { reservations, type RejectionReason, type RequestStatus } from "@/db/schema";
import { assertReportFiled, startOpensAt } from "./work-gates";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import {
  moveInput,
  moveWithReasonInput,
  rejectInput,
  startInput,
  type MoveInput,
  type MoveWithReasonInput,
  type RejectInput,
  type StartInput,
} from "./inputs";
import type { EventNote } from "./event-note";
import { assertVersion, loadRequestFor } from "./request-access";
import { assertTransition, sideOf } from "./transitions";
import { recordTransition } from "./record-transition";
import { releaseReservations } from "./release-reservations";
import { facilityTimeZone } from "../scheduling/facility-time-zone";
import { offerWaitlist } from "../waitlist/offer";

function move(
  db: DB,
  actor: Actor,
  id: number,
  version: number | undefined,
  to: RequestStatus,
  reason: string | null,
  earlyReason?: string,
  rejection?: { code: RejectionReason; note: EventNote },
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
      let note: EventNote | null = rejection?.note ?? reason;
      if (to === "withdrawn" || to === "rejected" || to === "cancelled") {
        releaseReservations(tx, r.id, at);
        Object.assign(changes, { closedAt: at, reason, reasonCode: rejection?.code ?? null });
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
        assertReportFiled(tx, r);
        Object.assign(changes, { completedAt: at, closedAt: at });
      }
      const moved = recordTransition(tx, r, to, actor.userId, at, changes, note);
      // Capacity the request gave back goes to the first in line it now fits.
      if (to === "withdrawn" || to === "rejected" || to === "cancelled")
        offerWaitlist(tx, at, { requests: [r.id] });
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

export const completeRequest = (db: DB, actor: Actor, raw: MoveInput) => {
  const i = parseInput(moveInput, raw);
  return move(db, actor, i.id, i.version, "completed", null);
};
export const rejectRequest = (db: DB, actor: Actor, raw: RejectInput) => {
  const i = parseInput(rejectInput, raw);
  const detail = i.reason ?? null;
  // A common reason is a note every reader sees in their language; "other" is the words as written.
  const note: EventNote =
    i.reasonCode === "other"
      ? detail!
      : {
          code: "rejectedFor",
          params: { reason: i.reasonCode, withDetail: detail ? "yes" : "no", detail: detail ?? "" },
        };
  return move(db, actor, i.id, i.version, "rejected", detail, undefined, {
    code: i.reasonCode,
    note,
  });
};
export const cancelRequest = (db: DB, actor: Actor, raw: MoveWithReasonInput) => {
  const i = parseInput(moveWithReasonInput, raw);
  return move(db, actor, i.id, i.version, "cancelled", i.reason);
};

// Moving a confirmed booking: the operator proposes a feasible new slot (held until the firm
// answers or the proposal expires); the firm accepts (the booking moves in one transaction) or
// declines (the hold is released and the old slot stays).
import { blocksCapacity } from "@/db/blocking";
import { type SystemNote } from "./event-note";
import { localTimeText } from "@/server/services/scheduling/local-time";
import { facilityTimeZone } from "../scheduling/facility-time-zone";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { bookingRequests, equipment, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse, validation, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { timeInput } from "../time-input";
import { loadCapacity } from "../scheduling/availability";
import { assertVersion, loadRequestFor, type RequestRow } from "./request-access";
import { assertSlotBookable } from "./slot-check";
import { capacityAfterFault } from "../operations/faults";
import { assertAccreditedGates } from "./accreditation-gates";
import { notifyOtherParty } from "./notify";
import { writeEvent } from "./record-transition";
import { idInput } from "@/server/services/id-input";
import { offerWaitlist } from "../waitlist/offer";

export const proposeRescheduleInput = z
  .object({
    id: idInput("field.idRequest"),
    version: idInput("field.version").optional(),
    equipmentId: idInput("field.idEquipment").optional(),
    start: timeInput,
    end: timeInput,
    validUntil: timeInput,
  })
  .superRefine((v, ctx) => {
    if (v.end <= v.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "field.afterStart" });
    if (v.validUntil > v.start)
      ctx.addIssue({
        code: "custom",
        path: ["validUntil"],
        message: "field.beforeNewSlot",
      });
  });
export const answerRescheduleInput = z.object({
  id: idInput("field.idRequest"),
});

/** The live proposal (a hold on a confirmed request), if any. */
export function pendingProposal(tx: DbOrTx, requestId: number, at: number) {
  return tx
    .select()
    .from(reservations)
    .where(
      and(eq(reservations.requestId, requestId), eq(reservations.kind, "hold"), blocksCapacity(at)),
    )
    .get();
}

function note(
  tx: DbOrTx,
  r: RequestRow,
  actorId: number,
  at: number,
  text: SystemNote,
  kind: string,
) {
  writeEvent(tx, {
    requestId: r.id,
    actorId,
    fromStatus: r.status,
    toStatus: r.status,
    note: text,
    at,
  });
  notifyOtherParty(tx, r, actorId, kind, at, text);
}

export function proposeReschedule(
  db: DB,
  actor: Actor & { facilityId: number },
  raw: z.input<typeof proposeRescheduleInput>,
) {
  const input = parseInput(proposeRescheduleInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      if (r.facilityId !== actor.facilityId)
        throw refuse("INVALID_STATE", "request.notRouted", { ref: r.ref });
      assertVersion(r, input.version);
      if (r.status !== "confirmed")
        throw refuse("INVALID_STATE", "reschedule.notConfirmed", { ref: r.ref, status: r.status });
      if (pendingProposal(tx, r.id, at))
        throw refuse("CONFLICT", "reschedule.pending", { ref: r.ref });
      if (input.validUntil <= at) throw validation("validUntil", "field.inFuture");
      const equipmentId = input.equipmentId ?? r.quoteEquipmentId!;
      if (
        !tx
          .select({ id: equipment.id })
          .from(equipment)
          .where(and(eq(equipment.id, equipmentId), eq(equipment.facilityId, actor.facilityId)))
          .get()
      )
        throw notFound("equipment");
      const slot = { start: input.start, end: input.end, units: r.quoteUnits ?? r.units };
      const cap = capacityAfterFault(tx, loadCapacity(tx, equipmentId), slot.start);
      // The new slot must be free while the old one is still booked: until the firm answers both
      // are held.
      assertSlotBookable(tx, cap, slot, at);
      assertAccreditedGates(tx, r.serviceId, equipmentId, slot.end);
      tx.insert(reservations)
        .values({
          facilityId: cap.facilityId,
          equipmentId,
          requestId: r.id,
          kind: "hold",
          start: slot.start,
          end: slot.end,
          units: slot.units,
          expiresAt: input.validUntil,
          reason: "reschedule",
          createdAt: at,
        })
        .run();
      note(
        tx,
        r,
        actor.userId,
        at,
        {
          code: "slotProposed",
          params: {
            from: localTimeText(slot.start, cap.timeZone),
            to: localTimeText(slot.end, cap.timeZone),
          },
        },
        "request.reschedule_proposed",
      );
      return { id: r.id, ref: r.ref, start: slot.start, end: slot.end };
    },
    { behavior: "immediate" },
  );
}

export function answerReschedule(
  db: DB,
  actor: Actor & { firmId: number },
  raw: z.input<typeof answerRescheduleInput>,
  accept: boolean,
) {
  const input = parseInput(answerRescheduleInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      const proposal = r.status === "confirmed" ? pendingProposal(tx, r.id, at) : undefined;
      if (!proposal) throw refuse("INVALID_STATE", "reschedule.noProposal", { ref: r.ref });
      if (accept) {
        tx.update(reservations)
          .set({ releasedAt: at })
          .where(
            and(
              eq(reservations.requestId, r.id),
              eq(reservations.kind, "booking"),
              isNull(reservations.releasedAt),
            ),
          )
          .run();
        tx.update(reservations)
          .set({ kind: "booking", expiresAt: null, reason: null })
          .where(eq(reservations.id, proposal.id))
          .run();
        tx.update(bookingRequests)
          .set({
            quoteStart: proposal.start,
            quoteEnd: proposal.end,
            quoteEquipmentId: proposal.equipmentId,
            version: r.version + 1,
            updatedAt: at,
          })
          .where(eq(bookingRequests.id, r.id))
          .run();
        const tz = facilityTimeZone(tx, r.facilityId!);
        note(
          tx,
          r,
          actor.userId,
          at,
          {
            code: "moved",
            params: {
              from: localTimeText(proposal.start, tz),
              to: localTimeText(proposal.end, tz),
            },
          },
          "request.rescheduled",
        );
      } else {
        tx.update(reservations)
          .set({ releasedAt: at })
          .where(eq(reservations.id, proposal.id))
          .run();
        note(tx, r, actor.userId, at, { code: "proposalDeclined" }, "request.reschedule_declined");
      }
      // The slot left behind (or the proposal declined) may be what someone waits for.
      offerWaitlist(tx, at, { requests: [r.id] });
      return { id: r.id, ref: r.ref, accepted: accept };
    },
    { behavior: "immediate" },
  );
}

// The coordinator assigns an unrouted request to a facility, or moves a request that a facility
// rejected or has not quoted to another one. The facility's operators are notified.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { equipment, facilities, requestEvents, services } from "@/db/schema";
import type { Actor } from "../actor";
import { DomainError, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { assertVersion, loadRequestFor, type RequestRow } from "../booking/request-access";
import { recordTransition } from "../booking/record-transition";
import { notifyOtherParty } from "../booking/notify";

export const routeInput = z.object({
  id: z.coerce.number().int().positive("must be a request id"),
  version: z.coerce.number().int().positive().optional(),
  facilityId: z.coerce.number({ error: "choose a facility" }).int().positive("choose a facility"),
  equipmentId: z.coerce.number().int().positive().optional(),
  reason: z.string().trim().max(500).optional(),
});

function targetFacility(tx: DbOrTx, r: RequestRow, facilityId: number, equipmentId: number | undefined) {
  const f = tx.select().from(facilities).where(eq(facilities.id, facilityId)).get();
  if (!f || f.kind === "hub") throw notFound("Facility");
  if (f.status !== "active") throw new DomainError("INVALID_STATE", `${f.nameEn} is suspended and takes no new requests.`);
  if (!tx.select({ id: services.id }).from(services).where(and(eq(services.facilityId, f.id), eq(services.type, r.serviceType), eq(services.status, "active"))).get())
    throw new DomainError("INVALID_STATE", `${f.nameEn} offers no ${r.serviceType.replace("_", " ")} service.`);
  if (equipmentId !== undefined && !tx.select({ id: equipment.id }).from(equipment).where(and(eq(equipment.id, equipmentId), eq(equipment.facilityId, f.id))).get()) throw notFound("Equipment");
  return f;
}

export function routeRequest(db: DB, actor: Actor, raw: z.input<typeof routeInput>) {
  const input = parseInput(routeInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      assertVersion(r, input.version);
      if (r.status !== "submitted" || r.facilityId !== null) throw new DomainError("INVALID_STATE", `${r.ref} is not waiting for the hub; use reassign to move it.`);
      const f = targetFacility(tx, r, input.facilityId, input.equipmentId);
      const routed = recordTransition(tx, r, "submitted", actor.userId, at, { facilityId: f.id, equipmentId: input.equipmentId ?? r.equipmentId, routedAt: at }, `Routed to ${f.nameEn}`);
      notifyOtherParty(tx, routed, actor.userId, "request.routed", at, `Routed to ${f.nameEn}`, "facility");
      return { id: routed.id, ref: routed.ref, facilityId: f.id };
    },
    { behavior: "immediate" },
  );
}

/** Moves a request a facility rejected, or has not quoted, to another facility. */
export function reassignRequest(db: DB, actor: Actor, raw: z.input<typeof routeInput>) {
  const input = parseInput(routeInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      assertVersion(r, input.version);
      if (!(r.status === "rejected" || (r.status === "submitted" && r.facilityId !== null))) throw new DomainError("INVALID_STATE", `Only a rejected request, or one still waiting for a facility's quote, can be reassigned; ${r.ref} is ${r.status.replace("_", " ")}.`);
      if (r.facilityId === input.facilityId) throw new DomainError("VALIDATION", "facilityId: the request is already with this facility", { facilityId: "already with this facility" });
      const f = targetFacility(tx, r, input.facilityId, input.equipmentId);
      const note = `Reassigned to ${f.nameEn}${input.reason ? `: ${input.reason}` : ""}`;
      const moved = recordTransition(tx, r, "submitted", actor.userId, at, { facilityId: f.id, equipmentId: input.equipmentId ?? null, routedAt: at, reason: null, closedAt: null }, note);
      tx.insert(requestEvents).values({ requestId: r.id, actorId: actor.userId, fromStatus: "submitted", toStatus: "submitted", note: "Waiting for the new facility", createdAt: at }).run();
      notifyOtherParty(tx, moved, actor.userId, "request.routed", at, note, "facility");
      return { id: moved.id, ref: moved.ref, facilityId: f.id };
    },
    { behavior: "immediate" },
  );
}

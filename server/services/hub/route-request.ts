// The coordinator assigns an unrouted request to a facility, or moves a request that a facility
// rejected or has not quoted to another one. The facility's operators are notified.
import type { SystemNote } from "../booking/event-note";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { equipment, facilities, services } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse, validation, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { assertVersion, loadRequestFor, type RequestRow } from "../booking/request-access";
import { recordTransition } from "../booking/record-transition";
import { notifyOtherParty } from "../booking/notify";
import { idInput } from "@/server/services/id-input";

export const routeInput = z.object({
  id: idInput("field.idRequest"),
  version: idInput("field.version").optional(),
  facilityId: idInput("field.chooseFacility"),
  equipmentId: idInput("field.idEquipment").optional(),
  reason: z.string().trim().max(500).optional(),
});

function targetFacility(
  tx: DbOrTx,
  r: RequestRow,
  facilityId: number,
  equipmentId: number | undefined,
) {
  const f = tx.select().from(facilities).where(eq(facilities.id, facilityId)).get();
  if (!f || f.kind === "hub") throw notFound("facility");
  if (f.status !== "active")
    throw refuse("INVALID_STATE", "hub.facilitySuspended", { name: f.nameEn, nameZh: f.nameZh });
  if (
    !tx
      .select({ id: services.id })
      .from(services)
      .where(
        and(
          eq(services.facilityId, f.id),
          eq(services.type, r.serviceType),
          eq(services.status, "active"),
        ),
      )
      .get()
  )
    throw refuse("INVALID_STATE", "hub.noService", {
      name: f.nameEn,
      nameZh: f.nameZh,
      serviceType: r.serviceType,
    });
  if (
    equipmentId !== undefined &&
    !tx
      .select({ id: equipment.id })
      .from(equipment)
      .where(and(eq(equipment.id, equipmentId), eq(equipment.facilityId, f.id)))
      .get()
  )
    throw notFound("equipment");
  return f;
}

/**
 * Sends a request to a facility: `route` for one waiting for the hub, `reassign` for one a facility
 * rejected or has not quoted. Both write the event and tell the facility's operators.
 */
function sendToFacility(
  db: DB,
  actor: Actor,
  raw: z.input<typeof routeInput>,
  mode: "route" | "reassign",
) {
  const input = parseInput(routeInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      assertVersion(r, input.version);
      if (mode === "route" && (r.status !== "submitted" || r.facilityId !== null))
        throw refuse("INVALID_STATE", "hub.notWaiting", { ref: r.ref });
      if (mode === "reassign") {
        if (!(r.status === "rejected" || (r.status === "submitted" && r.facilityId !== null)))
          throw refuse("INVALID_STATE", "hub.notReassignable", { ref: r.ref, status: r.status });
        if (r.facilityId === input.facilityId)
          throw validation("facilityId", "field.alreadyWithFacility");
      }
      const f = targetFacility(tx, r, input.facilityId, input.equipmentId);
      const names = { name: f.nameEn, nameZh: f.nameZh };
      const note: SystemNote =
        mode === "route"
          ? { code: "routed", params: names }
          : {
              code: "reassigned",
              params: {
                ...names,
                reason: input.reason ?? "",
                withReason: input.reason ? "yes" : "no",
              },
            };
      const changes =
        mode === "route"
          ? { facilityId: f.id, equipmentId: input.equipmentId ?? r.equipmentId, routedAt: at }
          : {
              facilityId: f.id,
              equipmentId: input.equipmentId ?? null,
              routedAt: at,
              reason: null,
              closedAt: null,
            };
      // The firm hears that its request went to a facility; the facility that it arrived.
      const moved = recordTransition(
        tx,
        r,
        "submitted",
        actor.userId,
        at,
        changes,
        note,
        "request.assigned",
      );
      notifyOtherParty(tx, moved, actor.userId, "request.routed", at, note, "facility");
      return { id: moved.id, ref: moved.ref, facilityId: f.id };
    },
    { behavior: "immediate" },
  );
}

export const routeRequest = (db: DB, actor: Actor, raw: z.input<typeof routeInput>) =>
  sendToFacility(db, actor, raw, "route");
export const reassignRequest = (db: DB, actor: Actor, raw: z.input<typeof routeInput>) =>
  sendToFacility(db, actor, raw, "reassign");

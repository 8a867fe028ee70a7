// When a fault takes the equipment away, the facility can hand a quoted or confirmed request back
// to the hub in one step: its hold or booking (and any voucher cover) is released, the quote is
// cleared and the request waits for the hub to route it to another facility. The firm is told why.
import { z } from "zod";
import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { equipment, equipmentFaults, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { assertVersion, loadRequestFor } from "./request-access";
import { assertTransition } from "./transitions";
import { recordTransition } from "./record-transition";
import { releaseReservations } from "./release-reservations";
import { notifyOtherParty } from "./notify";
import type { SystemNote } from "./event-note";
import { blocksCapacity } from "@/db/blocking";

export const handToHubInput = z.object({
  id: idInput("field.idRequest"),
  version: idInput("field.version").optional(),
});

export function handToHub(db: DB, actor: Actor, raw: z.input<typeof handToHubInput>) {
  const input = parseInput(handToHubInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      if (actor.role === "firm" || r.facilityId === null || r.facilityId !== actor.facilityId)
        throw refuse("FORBIDDEN", "fault.facilityOnly");
      assertVersion(r, input.version);
      assertTransition(r.status, "submitted", "facility");
      // Only a request whose live hold or booking is on equipment with an open fault.
      const down = tx
        .select({ name: equipment.name, nameZh: equipment.nameZh })
        .from(reservations)
        .innerJoin(equipment, eq(equipment.id, reservations.equipmentId))
        .innerJoin(
          equipmentFaults,
          and(
            eq(equipmentFaults.equipmentId, reservations.equipmentId),
            isNull(equipmentFaults.closedAt),
          ),
        )
        .where(and(eq(reservations.requestId, r.id), blocksCapacity(at)))
        .get();
      if (!down) throw refuse("INVALID_STATE", "fault.notAffected", { ref: r.ref });
      releaseReservations(tx, r.id, at);
      const note: SystemNote = {
        code: "handedToHub",
        params: { name: down.name, nameZh: down.nameZh },
      };
      const moved = recordTransition(
        tx,
        r,
        "submitted",
        actor.userId,
        at,
        {
          facilityId: null,
          equipmentId: null,
          serviceId: null,
          routedAt: null,
          confirmedAt: null,
          quoteAmountFen: null,
          quoteVatFen: null,
          quoteVatRateBp: null,
          quoteValidUntil: null,
          quoteEquipmentId: null,
          quoteStart: null,
          quoteEnd: null,
          quoteUnits: null,
          agreementNumber: null,
        },
        note,
        "request.handed_to_hub",
      );
      // The firm hears why; the hub's coordinators that the request waits for them again.
      notifyOtherParty(tx, moved, actor.userId, "request.handed_to_hub", at, note, "facility");
      return { id: moved.id, ref: moved.ref };
    },
    { behavior: "immediate" },
  );
}

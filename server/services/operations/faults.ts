// Fault reports: the operator reports that an equipment is down (it stops being bookable and says
// so on its public page and in search) and closes the report when it works again, which records
// the repair time. Downtime in the figures is the time between the two.
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { equipment, equipmentFaults } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound, refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { timeInput } from "../time-input";
import { recordAudit } from "../audit/record-audit";
import type { EquipmentCapacity } from "../scheduling/availability";
import { offerWaitlist } from "../waitlist/offer";

const text = (field: string, max: number) =>
  z
    .string({ error: `field.${field}` })
    .trim()
    .min(3, `field.${field}`)
    .max(max, "field.maxChars");

export const reportFaultInput = z.object({
  equipmentId: idInput("field.idEquipment"),
  description: text("faultDescription", 1000),
  expectedBackAt: timeInput.optional(),
});
export const closeFaultInput = z.object({
  id: idInput("field.idFault"),
  repairNote: text("repairNote", 1000).optional(),
});

function ownEquipment(tx: DbOrTx, actor: Actor, id: number) {
  const e = tx.select().from(equipment).where(eq(equipment.id, id)).get();
  if (!e || e.facilityId !== actor.facilityId) throw notFound("equipment");
  return e;
}

/** The open fault of an equipment, if any. */
export function openFault(tx: DbOrTx, equipmentId: number) {
  return tx
    .select()
    .from(equipmentFaults)
    .where(and(eq(equipmentFaults.equipmentId, equipmentId), isNull(equipmentFaults.closedAt)))
    .get();
}

/**
 * Down equipment takes the facility's proposals from its expected return on (the fault page's
 * "once back" slots); otherwise it stays not bookable.
 */
export function capacityAfterFault(tx: DbOrTx, cap: EquipmentCapacity, slotStart: number) {
  if (cap.status !== "down") return cap;
  const back = openFault(tx, cap.equipmentId)?.expectedBackAt ?? null;
  return back !== null && slotStart >= back ? { ...cap, bookable: true } : cap;
}

/** A use (check-in or in-house) cannot run on equipment from the moment it was reported down. */
export function assertNotDown(tx: DbOrTx, equipmentId: number, end: number, field: string) {
  const f = openFault(tx, equipmentId);
  if (f && end > f.reportedAt) throw validation(field, "field.equipmentDown");
}

export function reportFault(db: DB, actor: Actor, raw: z.input<typeof reportFaultInput>) {
  const input = parseInput(reportFaultInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const e = ownEquipment(tx, actor, input.equipmentId);
      if (e.status === "retired") throw validation("equipmentId", "field.faultRetired");
      if (openFault(tx, e.id)) throw refuse("CONFLICT", "fault.alreadyOpen", { name: e.name });
      if (input.expectedBackAt !== undefined && input.expectedBackAt <= at)
        throw validation("expectedBackAt", "field.inFuture");
      const fault = tx
        .insert(equipmentFaults)
        .values({
          facilityId: e.facilityId,
          equipmentId: e.id,
          description: input.description,
          reportedAt: at,
          reportedBy: actor.userId,
          expectedBackAt: input.expectedBackAt ?? null,
          statusBefore: e.status,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get();
      tx.update(equipment)
        .set({ status: "down", version: e.version + 1, updatedAt: at })
        .where(eq(equipment.id, e.id))
        .run();
      recordAudit(tx, {
        action: "equipmentFault.reported",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `equipment:${e.id}`,
        detail: { faultId: fault.id, description: fault.description },
      });
      return { id: fault.id, equipmentId: e.id };
    },
    { behavior: "immediate" },
  );
}

export function closeFault(db: DB, actor: Actor, raw: z.input<typeof closeFaultInput>) {
  const input = parseInput(closeFaultInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const f = tx.select().from(equipmentFaults).where(eq(equipmentFaults.id, input.id)).get();
      if (!f || f.facilityId !== actor.facilityId) throw notFound("fault");
      if (f.closedAt !== null) throw refuse("INVALID_STATE", "fault.closed");
      tx.update(equipmentFaults)
        .set({
          closedAt: at,
          closedBy: actor.userId,
          repairNote: input.repairNote ?? null,
          updatedAt: at,
        })
        .where(eq(equipmentFaults.id, f.id))
        .run();
      const e = ownEquipment(tx, actor, f.equipmentId);
      tx.update(equipment)
        .set({
          status: f.statusBefore as "operational",
          version: e.version + 1,
          updatedAt: at,
        })
        .where(eq(equipment.id, e.id))
        .run();
      recordAudit(tx, {
        action: "equipmentFault.closed",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `equipment:${e.id}`,
        detail: { faultId: f.id, repairMinutes: Math.round((at - f.reportedAt) / 60_000) },
      });
      // The equipment is back: what waited for it may fit now.
      offerWaitlist(tx, at, { equipment: [f.equipmentId] });
      return { id: f.id, repairMs: at - f.reportedAt };
    },
    { behavior: "immediate" },
  );
}

/** The facility's faults, open ones first, then the latest closed. */
export function listFaults(db: DbOrTx, facilityId: number, limit = 50) {
  return db
    .select({
      id: equipmentFaults.id,
      equipmentId: equipmentFaults.equipmentId,
      name: equipment.name,
      nameZh: equipment.nameZh,
      description: equipmentFaults.description,
      reportedAt: equipmentFaults.reportedAt,
      expectedBackAt: equipmentFaults.expectedBackAt,
      closedAt: equipmentFaults.closedAt,
      repairNote: equipmentFaults.repairNote,
    })
    .from(equipmentFaults)
    .innerJoin(equipment, eq(equipment.id, equipmentFaults.equipmentId))
    .where(eq(equipmentFaults.facilityId, facilityId))
    .orderBy(desc(isNull(equipmentFaults.closedAt)), desc(equipmentFaults.reportedAt))
    .limit(limit)
    .all();
}

// What a fault affects: every live hold and booking of the equipment that has not ended, each with
// the facility's own way out (the first free slot of the same length on another equipment that
// performs the service, or on this one once it is expected back) and the hub's alternatives at
// other facilities. The operator then proposes a new slot or hands the request to the hub.
import { and, eq, gt, inArray, isNotNull, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { blocksCapacity } from "@/db/blocking";
import {
  bookingRequests,
  equipment,
  equipmentFaults,
  reservations,
  serviceEquipment,
} from "@/db/schema";
import { DomainError, notFound } from "../errors";
import { now } from "../clock";
import type { Actor } from "../actor";
import { freeIntervalsFor, loadCapacity } from "../scheduling/availability";
import { firstSlot } from "../scheduling/free-intervals";
import { findMatches } from "../hub/find-matches";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** How far ahead the alternatives are looked for. */
const HORIZON = 60 * DAY;
/** A slot the facility proposes leaves the firm a few hours to answer before it begins. */
export const ANSWER_TIME = 4 * HOUR;

type Slot = { start: number; end: number };
export type FacilityOption = { equipmentId: number; name: string; nameZh: string; slot: Slot };

/** The live holds and bookings on an equipment that end after `at`, with their requests. */
export function affectedReservations(tx: DbOrTx, equipmentId: number, at: number) {
  return tx
    .select({
      reservationId: reservations.id,
      kind: reservations.kind,
      start: reservations.start,
      end: reservations.end,
      units: reservations.units,
      requestId: bookingRequests.id,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      status: bookingRequests.status,
      version: bookingRequests.version,
      serviceId: bookingRequests.serviceId,
      serviceType: bookingRequests.serviceType,
      equipmentCategory: bookingRequests.equipmentCategory,
      requiredParams: bookingRequests.requiredParams,
      deadline: bookingRequests.deadline,
    })
    .from(reservations)
    .innerJoin(bookingRequests, eq(bookingRequests.id, reservations.requestId))
    .where(
      and(
        eq(reservations.equipmentId, equipmentId),
        isNotNull(reservations.requestId),
        inArray(reservations.kind, ["hold", "booking"]),
        gt(reservations.end, at),
        blocksCapacity(at),
        inArray(bookingRequests.status, ["quoted", "confirmed"]),
      ),
    )
    .orderBy(reservations.start)
    .all();
}

function facilityOptions(
  tx: DbOrTx,
  fault: { equipmentId: number; expectedBackAt: number | null },
  serviceId: number | null,
  need: { hours: number; units: number },
  at: number,
): FacilityOption[] {
  const others = serviceId
    ? tx
        .select({ id: equipment.id, name: equipment.name, nameZh: equipment.nameZh })
        .from(serviceEquipment)
        .innerJoin(equipment, eq(equipment.id, serviceEquipment.equipmentId))
        .where(
          and(
            eq(serviceEquipment.serviceId, serviceId),
            ne(equipment.id, fault.equipmentId),
            eq(equipment.status, "operational"),
            gt(equipment.units, need.units - 1),
          ),
        )
        .all()
    : [];
  const out: FacilityOption[] = [];
  const from = at + ANSWER_TIME;
  for (const e of others) {
    const cap = loadCapacity(tx, e.id);
    const slot = firstSlot(
      freeIntervalsFor(tx, cap, { from, to: from + HORIZON, now: at }),
      need.hours,
      need.units,
    );
    if (slot) out.push({ equipmentId: e.id, name: e.name, nameZh: e.nameZh, slot });
  }
  // The same equipment once it is expected back.
  if (fault.expectedBackAt !== null) {
    const cap = { ...loadCapacity(tx, fault.equipmentId), bookable: true };
    const back = Math.max(from, fault.expectedBackAt);
    const slot = firstSlot(
      freeIntervalsFor(tx, cap, { from: back, to: back + HORIZON, now: at }),
      need.hours,
      need.units,
    );
    const e = tx.select().from(equipment).where(eq(equipment.id, fault.equipmentId)).get()!;
    if (slot) out.push({ equipmentId: e.id, name: e.name, nameZh: e.nameZh, slot });
  }
  return out.sort((a, b) => a.slot.start - b.slot.start).slice(0, 3);
}

function hubOptions(
  tx: DbOrTx,
  r: ReturnType<typeof affectedReservations>[number],
  category: string,
  facilityId: number,
  hours: number,
  at: number,
) {
  const deadline = Math.min(Math.max(r.deadline, at + HORIZON), at + 365 * DAY);
  // A need the matcher cannot read (an old request's parameters) has no alternatives to show.
  let found: ReturnType<typeof findMatches>;
  try {
    found = findMatches(
      tx,
      {
        serviceType: r.serviceType,
        category: r.equipmentCategory ?? category,
        requiredParams: r.requiredParams,
        earliestStart: at,
        deadline,
        hours: Math.min(720, Math.max(1, Math.ceil(hours))),
        units: r.units,
        limit: 6,
      },
      at,
    );
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
  return found.candidates
    .filter((c) => c.facility.id !== facilityId && c.slot)
    .slice(0, 3)
    .map((c) => ({
      facility: c.facility,
      equipment: c.equipment,
      slot: c.slot!,
      priceFen: c.priceFen,
    }));
}

/** An open or closed fault of the actor's facility with what it affects now. */
export function faultImpact(db: DbOrTx, actor: Actor, faultId: number) {
  const at = now();
  const f = db.select().from(equipmentFaults).where(eq(equipmentFaults.id, faultId)).get();
  if (!f || f.facilityId !== actor.facilityId) throw notFound("fault");
  const e = db.select().from(equipment).where(eq(equipment.id, f.equipmentId)).get()!;
  const affected =
    f.closedAt === null
      ? affectedReservations(db, f.equipmentId, at)
          // Work that begins once the equipment is expected back is not affected.
          .filter((r) => f.expectedBackAt === null || r.start < f.expectedBackAt)
          .map((r) => {
            const hours = (r.end - r.start) / HOUR;
            return {
              ...r,
              facilityOptions: facilityOptions(db, f, r.serviceId, { hours, units: r.units }, at),
              hubOptions: hubOptions(db, r, e.category, f.facilityId, hours, at),
            };
          })
      : [];
  return {
    fault: { ...f, name: e.name, nameZh: e.nameZh, timeZone: loadCapacity(db, e.id).timeZone },
    affected,
  };
}

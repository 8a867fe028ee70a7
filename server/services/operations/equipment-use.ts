// Check-in and check-out: the facility records when a booking's work actually began and ended on
// the equipment, and on how many units (the form starts from the slot). A use may not take more
// units at any moment than the equipment has, counting every other recorded use.
import { and, asc, eq, isNull, lt, ne, or, gt } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { equipment, equipmentUse, reservations, type RequestStatus } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { timeInput } from "../time-input";
import { loadRequestFor, type RequestRow } from "../booking/request-access";
import { recordAudit } from "../audit/record-audit";
import { classifyUse } from "./use-kind";
import { assertNotDown } from "./faults";
import { MAX_USE_MS } from "@/db/use-kind";

/** Actual times may be recorded a little ahead of the server's clock (a slow watch), not more. */
const SKEW = 5 * 60_000;
const units = z.number({ error: "field.units" }).int("field.units").min(1, "field.units");

export const checkInInput = z.object({
  id: idInput("field.idRequest"),
  start: timeInput,
  /** With an end, the whole use is recorded at once (after the fact). */
  end: timeInput.optional(),
  units: units.optional(),
});
export const checkOutInput = z.object({
  id: idInput("field.idRequest"),
  end: timeInput,
});

const usable: RequestStatus[] = ["confirmed", "in_progress", "completed"];

/** The facility's own request with its booked slot. */
function ownBooking(tx: DbOrTx, actor: Actor, id: number) {
  const r = loadRequestFor(tx, actor, id);
  if (actor.role === "firm" || actor.role === "admin" || r.facilityId !== actor.facilityId)
    throw refuse("FORBIDDEN", "use.facilityOnly");
  if (!usable.includes(r.status) || r.quoteEquipmentId === null)
    throw refuse("INVALID_STATE", "use.notBooked", { ref: r.ref, status: r.status });
  const machine = tx.select().from(equipment).where(eq(equipment.id, r.quoteEquipmentId)).get()!;
  return { r, machine };
}

/** Refuses a use of [start, end) on `units` that would, with the other recorded uses of the
 * equipment, take more units at some moment than it has. An open use runs on indefinitely. */
function assertUnitsFree(
  tx: DbOrTx,
  machine: typeof equipment.$inferSelect,
  use: { start: number; end: number; units: number; except?: number },
  field: string,
) {
  if (use.units > machine.units)
    throw validation("units", "field.unitsAbove", { units: machine.units });
  const others = tx
    .select()
    .from(equipmentUse)
    .where(
      and(
        eq(equipmentUse.equipmentId, machine.id),
        lt(equipmentUse.start, use.end),
        or(isNull(equipmentUse.end), gt(equipmentUse.end, use.start)),
        use.except === undefined ? undefined : ne(equipmentUse.id, use.except),
      ),
    )
    .orderBy(asc(equipmentUse.start))
    .all();
  // A sweep over the starts and ends inside the interval: the most units in use at once.
  const edges: [number, number][] = [[use.start, use.units]];
  for (const o of others) {
    edges.push([Math.max(o.start, use.start), o.units]);
    if (o.end !== null && o.end < use.end) edges.push([o.end, -o.units]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let inUse = 0;
  for (const [, d] of edges) {
    inUse += d;
    if (inUse > machine.units)
      throw validation(field, "field.useOverlaps", { units: machine.units });
  }
}

export function checkIn(db: DB, actor: Actor, raw: z.input<typeof checkInInput>) {
  const input = parseInput(checkInInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const { r, machine } = ownBooking(tx, actor, input.id);
      if (input.start > at + SKEW) throw validation("start", "field.notNow");
      if (input.end !== undefined && input.end <= input.start)
        throw validation("end", "field.afterStart");
      if (input.end !== undefined && input.end > at + SKEW) throw validation("end", "field.notNow");
      if (input.end !== undefined && input.end - input.start > MAX_USE_MS)
        throw validation("end", "field.useTooLong");
      assertNotDown(tx, machine.id, input.end ?? Number.MAX_SAFE_INTEGER, "start");
      const open = tx
        .select({ id: equipmentUse.id })
        .from(equipmentUse)
        .where(and(eq(equipmentUse.requestId, r.id), isNull(equipmentUse.end)))
        .get();
      if (open) throw refuse("CONFLICT", "use.alreadyIn", { ref: r.ref });
      const u = input.units ?? r.quoteUnits ?? r.units;
      assertUnitsFree(
        tx,
        machine,
        { start: input.start, end: input.end ?? Number.MAX_SAFE_INTEGER, units: u },
        "start",
      );
      const booking = tx
        .select({ id: reservations.id })
        .from(reservations)
        .where(and(eq(reservations.requestId, r.id), eq(reservations.kind, "booking")))
        .orderBy(asc(reservations.id))
        .get();
      const row = tx
        .insert(equipmentUse)
        .values({
          facilityId: r.facilityId!,
          equipmentId: machine.id,
          requestId: r.id,
          reservationId: booking?.id ?? null,
          start: input.start,
          end: input.end ?? null,
          units: u,
          recordedBy: actor.userId,
          createdAt: at,
        })
        .returning()
        .get();
      classifyUse(tx, row.id);
      recordAudit(tx, {
        action: "equipmentUse.checkedIn",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `request:${r.id}`,
        detail: { useId: row.id, start: row.start, end: row.end, units: row.units },
      });
      return row;
    },
    { behavior: "immediate" },
  );
}

export function checkOut(db: DB, actor: Actor, raw: z.input<typeof checkOutInput>) {
  const input = parseInput(checkOutInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const { r, machine } = ownBooking(tx, actor, input.id);
      const open = tx
        .select()
        .from(equipmentUse)
        .where(and(eq(equipmentUse.requestId, r.id), isNull(equipmentUse.end)))
        .get();
      if (!open) throw refuse("INVALID_STATE", "use.notIn", { ref: r.ref });
      if (input.end <= open.start) throw validation("end", "field.afterStart");
      if (input.end > at + SKEW) throw validation("end", "field.notNow");
      if (input.end - open.start > MAX_USE_MS) throw validation("end", "field.useTooLong");
      assertUnitsFree(
        tx,
        machine,
        { start: open.start, end: input.end, units: open.units, except: open.id },
        "end",
      );
      const row = tx
        .update(equipmentUse)
        .set({ end: input.end })
        .where(eq(equipmentUse.id, open.id))
        .returning()
        .get();
      recordAudit(tx, {
        action: "equipmentUse.checkedOut",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `request:${r.id}`,
        detail: { useId: row.id, end: row.end },
      });
      return row;
    },
    { behavior: "immediate" },
  );
}

/** A request's recorded uses, with how each differs from the booked slot, and whether the
 * booking ended with no use recorded (a no-show). */
export function requestUse(db: DbOrTx, r: RequestRow, at: number) {
  const uses = db
    .select()
    .from(equipmentUse)
    .where(eq(equipmentUse.requestId, r.id))
    .orderBy(asc(equipmentUse.start))
    .all();
  const slot =
    r.quoteStart !== null && r.quoteEnd !== null ? { start: r.quoteStart, end: r.quoteEnd } : null;
  return {
    slot,
    uses: uses.map((u) => ({
      id: u.id,
      start: u.start,
      end: u.end,
      units: u.units,
      /** Minutes after the slot's start the work began (negative: earlier). */
      startDeltaMin: slot ? Math.round((u.start - slot.start) / 60_000) : null,
      /** Minutes the use ran longer than the slot (negative: shorter). */
      lengthDeltaMin:
        slot && u.end !== null
          ? Math.round((u.end - u.start - (slot.end - slot.start)) / 60_000)
          : null,
    })),
    open: uses.some((u) => u.end === null),
    noShow: slot !== null && usable.includes(r.status) && uses.length === 0 && slot.end <= at,
  };
}

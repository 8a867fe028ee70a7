// An operator edits one of their equipment items. Fewer units, a longer setup time, retiring it or
// taking it into maintenance is refused while it would break the scheduling invariant for future
// holds or bookings, and the refusal names them.
import { overloadedUses } from "../scheduling/free-intervals";
import { blocksCapacity } from "@/db/blocking";
import { describeBookings } from "@/server/services/scheduling/local-time";
import { facilityTimeZone } from "../scheduling/facility-time-zone";
import { and, eq, gt, inArray } from "drizzle-orm";
import { z } from "zod";
import { equipmentRecordInput } from "./equipment-record";
import type { DB, DbOrTx } from "@/db/client";
import { bookingRequests, equipment, reservations } from "@/db/schema";
import { editableEquipmentStatuses } from "@/db/schema/enums";
import { equipmentParamsInput, writeEquipmentParams } from "./equipment-params";
import type { Actor } from "../actor";
import { refuse, validation, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { recordAudit } from "../audit/record-audit";
import { idInput } from "@/server/services/id-input";
import { numeric } from "../number-input";

export const updateEquipmentInput = z
  .object({
    id: idInput("field.idEquipment"),
    version: idInput("field.version").optional(),
    name: z.string().trim().min(2, "field.minChars").max(120, "field.maxChars").optional(),
    nameZh: z.string().trim().max(120, "field.maxChars").optional(),
    units: numeric(
      z
        .number()
        .int("field.wholeUnits")
        .min(1, "field.atLeast")
        .max(100, "field.atMost")
        .optional(),
    ),
    setupMinutes: numeric(
      z
        .number()
        .int("field.wholeMinutes")
        .min(0, "field.notNegativeShort")
        .max(1440, "field.atMost")
        .optional(),
    ),
    minHours: numeric(z.number().int().min(1, "field.atLeast").max(720).optional()),
    maxHours: numeric(z.number().int().min(1).max(720, "field.atMost").optional()),
    leadDays: numeric(z.number().int().min(0, "field.notNegativeShort").max(365).optional()),
    hourlyRateFen: numeric(z.number().int().min(0, "field.notNegativeShort").optional()),
    originalValueFen: numeric(z.number().int().min(0, "field.notNegativeShort").optional()),
    calibrationDueAt: numeric(z.number().int().positive().nullable().optional()),
    autoApprove: z.boolean().optional(),
    status: z.enum(editableEquipmentStatuses, { error: "field.equipmentStatus" }).optional(),
    params: equipmentParamsInput.optional(),
    ...equipmentRecordInput,
  })
  .superRefine((v, ctx) => {
    if (v.minHours !== undefined && v.maxHours !== undefined && v.minHours > v.maxHours)
      ctx.addIssue({
        code: "custom",
        path: ["maxHours"],
        message: "field.notBelowMinimum",
      });
  });
export type UpdateEquipmentInput = z.input<typeof updateEquipmentInput>;

type Live = { ref: string; start: number; end: number; units: number };

function futureLive(tx: DbOrTx, equipmentId: number, at: number): Live[] {
  return tx
    .select({
      ref: bookingRequests.ref,
      start: reservations.start,
      end: reservations.end,
      units: reservations.units,
    })
    .from(reservations)
    .innerJoin(bookingRequests, eq(bookingRequests.id, reservations.requestId))
    .where(
      and(
        eq(reservations.equipmentId, equipmentId),
        inArray(reservations.kind, ["hold", "booking"]),
        blocksCapacity(at),
        gt(reservations.end, at),
      ),
    )
    .all();
}

export function updateEquipment(
  db: DB,
  actor: Actor & { facilityId: number },
  raw: UpdateEquipmentInput,
) {
  const input = parseInput(updateEquipmentInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const e = tx
        .select()
        .from(equipment)
        .where(and(eq(equipment.id, input.id), eq(equipment.facilityId, actor.facilityId)))
        .get();
      if (!e) throw notFound("equipment");
      if (input.version !== undefined && input.version !== e.version)
        throw refuse("CONFLICT", "operations.equipmentStale", { name: e.name });
      const minHours = input.minHours ?? e.minHours;
      const maxHours = input.maxHours ?? e.maxHours;
      if (minHours > maxHours) throw validation("maxHours", "field.notBelowMinimum");
      // A fault decides when the equipment is down and when it comes back.
      if (e.status === "down" && input.status)
        throw refuse("INVALID_STATE", "fault.stillOpen", { name: e.name });
      const live = futureLive(tx, e.id, at);
      if (
        input.status &&
        input.status !== "operational" &&
        input.status !== e.status &&
        live.length
      )
        throw refuse("CONFLICT", "operations.liveBookings", {
          name: e.name,
          equipmentStatus: input.status,
          list: describeBookings(live, facilityTimeZone(tx, actor.facilityId)),
        });
      const units = input.units ?? e.units;
      const setup = input.setupMinutes ?? e.setupMinutes;
      if (units < e.units || setup > e.setupMinutes) {
        const clash = overloadedUses(live, units, setup);
        if (clash.length)
          throw refuse("CONFLICT", "operations.wouldOverlap", {
            units,
            setup,
            list: describeBookings(clash, facilityTimeZone(tx, actor.facilityId)),
          });
      }
      const { id: _id, version: _v, params, ...changes } = input;
      const updated = tx
        .update(equipment)
        .set({ ...changes, version: e.version + 1, updatedAt: at })
        .where(eq(equipment.id, e.id))
        .returning()
        .get();
      if (params) writeEquipmentParams(tx, e.id, params, true);
      recordAudit(tx, {
        action: "equipment.updated",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `equipment:${e.id}`,
        detail: changes,
      });
      return {
        id: updated.id,
        version: updated.version,
        status: updated.status,
        units: updated.units,
        setupMinutes: updated.setupMinutes,
      };
    },
    { behavior: "immediate" },
  );
}

// In-house use: the owning unit's own research, teaching or method development on its
// equipment. Recorded from the schedule board with equipment, units, period, purpose and person,
// it blocks capacity like a booking (a booking without a request, labelled in-house) and is a use
// record the evaluation counts as internal. It may lie in the past (recorded after the fact) or
// ahead, at any hour (the owner's staff are not bound by opening hours or lead time), but never
// over a booking, a hold or maintenance.
import { z } from "zod";
import type { DB } from "@/db/client";
import { equipmentUse, reservations } from "@/db/schema";
import { inHousePurposes } from "@/db/schema/enums";
import type { Actor } from "../actor";
import { notFound, refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { timeInput } from "../time-input";
import { recordAudit } from "../audit/record-audit";
import { classifyUse } from "./use-kind";
import { assertNotDown } from "./faults";
import { loadBusy, loadCapacity, loadMaintenance } from "../scheduling/availability";
import { computeFreeIntervals } from "../scheduling/free-intervals";

export const inHouseInput = z.object({
  equipmentId: idInput("field.idEquipment"),
  start: timeInput,
  end: timeInput,
  units: z.number({ error: "field.units" }).int("field.units").min(1, "field.units"),
  purpose: z.enum(inHousePurposes, { error: "field.inHousePurpose" }),
  person: z
    .string({ error: "field.person" })
    .trim()
    .min(2, "field.person")
    .max(80, "field.maxChars"),
});

const allDay = Object.fromEntries(
  ["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [["00:00", "24:00"]]]),
) as ReturnType<typeof loadCapacity>["openingHours"];
const DAY = 86_400_000;

export function recordInHouseUse(db: DB, actor: Actor, raw: z.input<typeof inHouseInput>) {
  const input = parseInput(inHouseInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const cap = loadCapacity(tx, input.equipmentId);
      if (cap.facilityId !== actor.facilityId) throw notFound("equipment");
      if (cap.status === "retired")
        throw refuse("INVALID_STATE", "slot.notBookable", { equipmentStatus: cap.status });
      if (input.end <= input.start) throw validation("end", "field.afterStart");
      if (input.end - input.start > 31 * DAY) throw validation("end", "field.inHouseTooLong");
      assertNotDown(tx, cap.equipmentId, input.end, "start");
      if (input.units > cap.units)
        throw validation("units", "field.unitsAbove", { units: cap.units });
      // Capacity over the whole period at any hour, from its start even when that is past.
      const rules = { ...cap, leadDays: 0, openingHours: allDay, bookable: true };
      const maintenance = loadMaintenance(tx, cap, input.start, input.end);
      const busy = loadBusy(tx, cap, input.start, input.end, at);
      const free = computeFreeIntervals(
        rules,
        busy,
        maintenance,
        input.start,
        input.end,
        Math.min(at, input.start),
      );
      const covered = free
        .filter((f) => f.freeUnits >= input.units)
        .reduce((n, f) => n + (Math.min(f.end, input.end) - Math.max(f.start, input.start)), 0);
      if (covered < input.end - input.start)
        throw validation("start", "field.inHouseClash", { units: cap.units });
      const reservation = tx
        .insert(reservations)
        .values({
          facilityId: cap.facilityId,
          equipmentId: cap.equipmentId,
          kind: "booking",
          start: input.start,
          end: input.end,
          units: input.units,
          reason: input.person,
          createdAt: at,
        })
        .returning()
        .get();
      const use = tx
        .insert(equipmentUse)
        .values({
          facilityId: cap.facilityId,
          equipmentId: cap.equipmentId,
          reservationId: reservation.id,
          start: input.start,
          end: input.end,
          units: input.units,
          purpose: input.purpose,
          person: input.person,
          recordedBy: actor.userId,
          createdAt: at,
        })
        .returning()
        .get();
      classifyUse(tx, use.id);
      recordAudit(tx, {
        action: "equipmentUse.inHouse",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `equipment:${cap.equipmentId}`,
        detail: { useId: use.id, start: use.start, end: use.end, purpose: use.purpose },
      });
      return { id: use.id, reservationId: reservation.id };
    },
    { behavior: "immediate" },
  );
}

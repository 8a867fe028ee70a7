// Checks that a slot can be booked now, and says exactly why not: the named checks of the
// scheduling invariant (length, lead time, opening hours, maintenance, capacity), run inside the
// caller's write transaction.
import type { DbOrTx } from "@/db/client";
import { DomainError, refuse, validation } from "../errors";
import type { RefusalCode, RefusalParams } from "@/server/i18n/render";
import { loadBusy, loadMaintenance, type EquipmentCapacity } from "../scheduling/availability";
import { computeFreeIntervals } from "../scheduling/free-intervals";
import { openIntervals } from "../scheduling/opening-hours";
import { totalLength } from "../scheduling/intervals";

export type Slot = { start: number; end: number; units: number };

/** A slot refusal: the sentence, and the same refusal on the form's slot field. */
const slotRefusal = (code: RefusalCode, params?: RefusalParams) =>
  new DomainError("CONFLICT", { code, params }, { slot: { code, params } });

export function assertSlotBookable(
  tx: DbOrTx,
  cap: EquipmentCapacity,
  slot: Slot,
  now: number,
): void {
  if (!cap.bookable)
    throw refuse("INVALID_STATE", "slot.notBookable", { equipmentStatus: cap.status });
  if (!(slot.end > slot.start)) throw validation("end", "field.afterStart");
  if (slot.units < 1 || slot.units > cap.units)
    throw validation("units", "field.unitsBetween", { max: cap.units });
  const hours = (slot.end - slot.start) / 3_600_000;
  if (hours < cap.minHours) throw slotRefusal("slot.tooShort", { hours, minHours: cap.minHours });
  if (hours > cap.maxHours) throw slotRefusal("slot.tooLong", { hours, maxHours: cap.maxHours });
  const earliest = now + cap.leadDays * 86_400_000;
  if (slot.start < earliest)
    throw slotRefusal("slot.leadTime", { earliest: new Date(earliest), leadDays: cap.leadDays });
  const open = openIntervals(cap.openingHours, cap.timeZone, slot.start, slot.end);
  if (totalLength(open) < slot.end - slot.start)
    throw slotRefusal("slot.closed", { start: new Date(slot.start), end: new Date(slot.end) });
  const pad = cap.setupMinutes * 60_000;
  const maintenance = loadMaintenance(tx, cap, slot.start, slot.end);
  const hit = maintenance.find((m) => m.start < slot.end + pad && slot.start - pad < m.end);
  if (hit)
    throw slotRefusal("slot.maintenance", { from: new Date(hit.start), to: new Date(hit.end) });
  const busy = loadBusy(tx, cap, slot.start, slot.end, now);
  const free = computeFreeIntervals(cap, busy, maintenance, slot.start, slot.end, now);
  const covered = free
    .filter((f) => f.freeUnits >= slot.units)
    .reduce((s, f) => s + (f.end - f.start), 0);
  if (covered < slot.end - slot.start) {
    const clash = busy
      .filter((b) => b.start < slot.end + pad && slot.start < b.end + pad)
      .sort((a, b) => a.start - b.start)[0];
    throw clash
      ? slotRefusal("slot.clash", {
          from: new Date(clash.start),
          to: new Date(clash.end),
          setupMinutes: cap.setupMinutes,
          units: cap.units,
        })
      : slotRefusal("slot.full");
  }
}

// Checks that a slot can be booked now, and says exactly why not: the named checks of the
// scheduling invariant (length, lead time, opening hours, maintenance, capacity), run inside the
// caller's write transaction.
import type { DbOrTx } from "@/db/client";
import { DomainError } from "../errors";
import { loadBusy, loadMaintenance, type EquipmentCapacity } from "../scheduling/availability";
import { computeFreeIntervals } from "../scheduling/free-intervals";
import { openIntervals } from "../scheduling/opening-hours";
import { totalLength } from "../scheduling/intervals";

export type Slot = { start: number; end: number; units: number };

/** "2027-01-04 09:00" in Asia/Shanghai. */
export function shanghaiTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

const refuse = (reason: string) =>
  new DomainError("CONFLICT", `The slot cannot be booked: ${reason}.`, { slot: reason });

export function assertSlotBookable(
  tx: DbOrTx,
  cap: EquipmentCapacity,
  slot: Slot,
  now: number,
): void {
  if (!cap.bookable)
    throw new DomainError(
      "INVALID_STATE",
      `The equipment cannot be booked while it is ${cap.status === "operational" ? "at a suspended facility" : cap.status}.`,
    );
  if (!(slot.end > slot.start))
    throw new DomainError("VALIDATION", "end: must be after start", { end: "must be after start" });
  if (slot.units < 1 || slot.units > cap.units)
    throw new DomainError("VALIDATION", `units: must be between 1 and ${cap.units}`, {
      units: `must be between 1 and ${cap.units}`,
    });
  const hours = (slot.end - slot.start) / 3_600_000;
  if (hours < cap.minHours)
    throw refuse(`it lasts ${hours} h, shorter than the minimum of ${cap.minHours} h`);
  if (hours > cap.maxHours)
    throw refuse(`it lasts ${hours} h, longer than the maximum of ${cap.maxHours} h`);
  const earliest = now + cap.leadDays * 86_400_000;
  if (slot.start < earliest)
    throw refuse(
      `it starts before ${shanghaiTime(earliest)} (bookings need ${cap.leadDays} days' notice)`,
    );
  const open = openIntervals(cap.openingHours, cap.timeZone, slot.start, slot.end);
  if (totalLength(open) < slot.end - slot.start)
    throw refuse(
      `it is outside the facility's opening hours (${shanghaiTime(slot.start)} – ${shanghaiTime(slot.end)})`,
    );
  const pad = cap.setupMinutes * 60_000;
  const maintenance = loadMaintenance(tx, cap, slot.start, slot.end);
  const hit = maintenance.find((m) => m.start < slot.end + pad && slot.start - pad < m.end);
  if (hit)
    throw refuse(
      `it meets a maintenance window from ${shanghaiTime(hit.start)} to ${shanghaiTime(hit.end)}`,
    );
  const busy = loadBusy(tx, cap, slot.start, slot.end, now);
  const free = computeFreeIntervals(cap, busy, maintenance, slot.start, slot.end, now);
  const covered = free
    .filter((f) => f.freeUnits >= slot.units)
    .reduce((s, f) => s + (f.end - f.start), 0);
  if (covered < slot.end - slot.start) {
    const clash = busy
      .filter((b) => b.start - pad < slot.end + pad && slot.start - pad < b.end + pad)
      .sort((a, b) => a.start - b.start)[0];
    throw refuse(
      clash
        ? `it clashes with another booking from ${shanghaiTime(clash.start)} to ${shanghaiTime(clash.end)}${pad ? ` (with ${cap.setupMinutes} min setup on each side)` : ""}; ${cap.units > 1 ? `not enough of the ${cap.units} units are free` : "the equipment is taken"}`
        : "not enough units are free",
    );
  }
}

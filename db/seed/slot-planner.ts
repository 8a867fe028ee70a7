// Places the seed's reservations so that they satisfy the scheduling invariant: capacity with
// setup buffers on both sides, no overlap with maintenance, inside opening hours.
import { openingHoursPresets } from "./opening-hours";
import type { Rng } from "./random";
import { DAY, HOUR, MINUTE, hhmmToMinutes, shanghaiWeekday } from "./time";
import type { SeededEquipment } from "./demo-registry";

type Interval = { start: number; end: number; units: number };

export class SlotPlanner {
  private active = new Map<number, Interval[]>();
  private maintenanceByEquipment = new Map<number, Interval[]>();
  private maintenanceByFacility = new Map<number, Interval[]>();

  addMaintenance(facilityId: number, equipmentId: number | null, start: number, end: number): void {
    const map = equipmentId === null ? this.maintenanceByFacility : this.maintenanceByEquipment;
    const key = equipmentId ?? facilityId;
    map.set(key, [...(map.get(key) ?? []), { start, end, units: 0 }]);
  }

  fits(e: SeededEquipment, start: number, end: number, units: number): boolean {
    const pad = e.setupMinutes * MINUTE;
    const ws = start - pad;
    const we = end + pad;
    const maint = [
      ...(this.maintenanceByEquipment.get(e.id) ?? []),
      ...(this.maintenanceByFacility.get(e.facilityId) ?? []),
    ];
    if (maint.some((m) => m.start < we && ws < m.end)) return false;
    const overlapping = (this.active.get(e.id) ?? []).filter(
      (r) => r.start - pad < we && ws < r.end + pad,
    );
    // The load peaks at the widened start of some interval inside the new one's widened span.
    const points = [ws, ...overlapping.map((r) => r.start - pad).filter((p) => p > ws && p < we)];
    for (const p of points) {
      const load = overlapping
        .filter((r) => r.start - pad <= p && p < r.end + pad)
        .reduce((s, r) => s + r.units, 0);
      if (load + units > e.units) return false;
    }
    return true;
  }

  place(e: SeededEquipment, start: number, end: number, units: number): void {
    this.active.set(e.id, [...(this.active.get(e.id) ?? []), { start, end, units }]);
  }

  /**
   * A random slot of `hours` inside opening hours between two days, free for `units`; null after 40
   * tries.
   */
  findSlot(
    rng: Rng,
    e: SeededEquipment,
    hoursPreset: keyof typeof openingHoursPresets,
    fromDay: number,
    toDay: number,
    hours: number,
    units: number,
  ): { start: number; end: number } | null {
    const hoursTable = openingHoursPresets[hoursPreset];
    for (let attempt = 0; attempt < 40; attempt++) {
      const day = fromDay + rng.int(0, Math.max(0, Math.round((toDay - fromDay) / DAY))) * DAY;
      const spans = hoursTable[String(shanghaiWeekday(day)) as "0"];
      if (!spans.length) continue;
      const [open, close] = spans[0].map(hhmmToMinutes);
      let start: number;
      if (hoursPreset === "continuous") start = day + rng.int(0, 47) * 30 * MINUTE;
      else {
        const slack = close - open - hours * 60;
        if (slack < 0) continue;
        start = day + (open + rng.int(0, Math.floor(slack / 30)) * 30) * MINUTE;
      }
      const end = start + hours * HOUR;
      if (this.fits(e, start, end, units)) return { start, end };
    }
    return null;
  }
}

// The facilities' own use of their equipment over the past year (bookings without a request:
// in-house research and training, each with its use record), so that the monitoring figures look
// like a working network: each equipment item gets its own level of use.
// Only past days, so firms' future availability is untouched; placed by the planner, so the
// scheduling invariant holds.
import type { DB } from "../client";
import { equipmentUse, inHousePurposes, reservations } from "../schema";
import type { Rng } from "./random";
import type { SeededFacility } from "./demo-registry";
import type { SlotPlanner } from "./slot-planner";
import { openingHoursPresets } from "./opening-hours";
import { DAY, HOUR } from "./time";

const CHUNK = 500;

export function seedInternalUse(
  db: DB,
  rng: Rng,
  today: number,
  providers: SeededFacility[],
  presetOf: Map<number, keyof typeof openingHoursPresets>,
  planner: SlotPlanner,
  /** The staff member who records a facility's in-house use. */
  recorderOf: (facilityId: number) => number,
): number {
  const rows: (typeof reservations.$inferInsert)[] = [];
  for (const f of providers) {
    const preset = presetOf.get(f.id) ?? "office";
    const longest = preset === "continuous" ? 12 : preset === "extended" ? 10 : 8;
    for (const e of f.equipment) {
      // Within the equipment's own booking rules (hours and lead time), like any booking.
      if (e.status !== "operational" || e.minHours > Math.min(e.maxHours, longest)) continue;
      const busy = 0.1 + rng.next() * 0.8; // the share of open days this equipment is used in-house
      for (let day = today - 365 * DAY; day < today; day += DAY) {
        if (!rng.chance(busy)) continue;
        const hours = rng.int(
          Math.max(e.minHours, Math.min(3, e.maxHours)),
          Math.min(e.maxHours, longest),
        );
        const units = rng.int(1, e.units);
        const slot = planner.findSlot(rng, e, preset, day, day, hours, units);
        if (!slot || slot.end > today) continue;
        planner.place(e, slot.start, slot.end, units);
        // One drawn day in eight is kept, so in-house use sits beside the firms' work in
        // proportions like a shared instrument's (the draws stay as they were).
        if ((Math.round((day - today) / DAY) + e.id) % 8 !== 0) continue;
        rows.push({
          facilityId: f.id,
          equipmentId: e.id,
          kind: "booking",
          start: slot.start,
          end: slot.end,
          units,
          createdAt: slot.start - (e.leadDays + rng.int(1, 20)) * DAY - HOUR,
        });
      }
    }
  }
  // Each in-house booking is also its use record (in-house use is internal by definition).
  const people = ["Dr Li Wei", "Prof. Zhang Min", "Wang Fang", "Chen Jie", "Liu Yang"];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const held = db
      .insert(reservations)
      .values(rows.slice(i, i + CHUNK))
      .returning()
      .all();
    db.insert(equipmentUse)
      .values(
        held.map((r) => ({
          facilityId: r.facilityId,
          equipmentId: r.equipmentId!,
          reservationId: r.id,
          start: r.start,
          end: r.end,
          units: r.units,
          purpose: inHousePurposes[r.id % inHousePurposes.length],
          person: people[r.id % people.length],
          recordedBy: recorderOf(r.facilityId),
          createdAt: r.end,
        })),
      )
      .run();
  }
  return rows.length;
}

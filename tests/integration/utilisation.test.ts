// Utilisation on a hand-computed fixture: a booking crossing the period's edge, units > 1,
// maintenance of the equipment and of the facility, and an empty period.
import { describe, expect, it } from "vitest";
import { equipment, facilities, reservations } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { equipmentUtilisation } from "@/server/services/scheduling/utilisation";
import { freshDb } from "../helpers/test-db";

const H = 3_600_000;
// Monday 2027-01-04 00:00 in Shanghai; office hours are 08:30–17:30 on weekdays (9 h a day).
const MON = Date.UTC(2027, 0, 3, 16);

describe("equipmentUtilisation", () => {
  it("divides booked unit-hours by open unit-hours less maintenance, clipping at the period's edges", () => {
    const { db } = freshDb();
    const facilityId = db
      .insert(facilities)
      .values({
        slug: "u",
        nameEn: "U",
        nameZh: "U",
        prefecture: "chengdu",
        openingHours: openingHoursPresets.office,
      })
      .returning()
      .get().id;
    const id = db
      .insert(equipment)
      .values({ facilityId, name: "Two-unit chamber", category: "c", units: 2, hourlyRateFen: 1 })
      .returning()
      .get().id;
    const add = (v: Partial<typeof reservations.$inferInsert>) =>
      db
        .insert(reservations)
        .values({
          facilityId,
          equipmentId: id,
          kind: "booking",
          start: 0,
          end: 0,
          units: 1,
          ...v,
        } as typeof reservations.$inferInsert)
        .run();
    // Period: Monday and Tuesday (2 × 9 h × 2 units = 36 unit-hours open).
    const from = MON;
    const to = MON + 2 * 24 * H;
    // Sunday 22:00 → Monday 10:00: 10 h inside × 2 units = 20
    add({ start: MON - 2 * H, end: MON + 10 * H, units: 2 });
    add({ start: MON + 24 * H + 9 * H, end: MON + 24 * H + 12 * H }); // Tuesday 09:00–12:00: 3
    // cancelled: not counted
    add({ start: MON + 24 * H + 13 * H, end: MON + 24 * H + 14 * H, releasedAt: MON });
    add({
      start: MON + 24 * H + 14 * H,
      end: MON + 24 * H + 15 * H,
      kind: "hold",
      expiresAt: MON + 99 * H,
    }); // a hold is not booked
    add({
      start: MON + 8 * H + 30 * 60_000,
      end: MON + 10 * H + 30 * 60_000,
      kind: "maintenance",
      units: 0,
    }); // Monday 2 h down
    db.insert(reservations)
      .values({
        facilityId,
        equipmentId: null,
        kind: "maintenance",
        start: MON + 24 * H + 16 * H,
        end: MON + 24 * H + 18 * H,
        units: 0,
      })
      .run(); // facility, Tuesday 16:00–18:00: 1.5 h inside opening
    const [u] = equipmentUtilisation(db, facilityId, from, to);
    expect(u.bookedUnitHours).toBe(23);
    expect(u.availableUnitHours).toBe((18 - 2 - 1.5) * 2);
    expect(u.ratio).toBeCloseTo(23 / 29);
    // the weekend
    const [empty] = equipmentUtilisation(db, facilityId, MON + 5 * 24 * H, MON + 7 * 24 * H);
    expect(empty).toMatchObject({ bookedUnitHours: 0, availableUnitHours: 0, ratio: null });
  });
});

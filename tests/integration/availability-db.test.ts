// The availability service reads exactly the reservations that matter: its answer from the
// database equals the pure computation over every reservation of the equipment and facility.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { equipment, facilities, reservations } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { equipmentAvailability, loadCapacity } from "@/server/services/scheduling/availability";
import { computeFreeIntervals } from "@/server/services/scheduling/free-intervals";
import { freshDb } from "../helpers/test-db";

const MIN = 60_000;
const BASE = Date.UTC(2027, 0, 3, 16);

describe("equipmentAvailability over the database", () => {
  it("matches the pure computation over all reservations", () => {
    const { db } = freshDb();
    const facilityId = db
      .insert(facilities)
      .values({
        slug: "f",
        nameEn: "F",
        nameZh: "F",
        prefecture: "chengdu",
        openingHours: openingHoursPresets.extended,
      })
      .returning()
      .get().id;
    const other = db
      .insert(facilities)
      .values({
        slug: "g",
        nameEn: "G",
        nameZh: "G",
        prefecture: "chengdu",
        openingHours: openingHoursPresets.office,
      })
      .returning()
      .get().id;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 120 }),
        fc.array(
          fc.record({
            at: fc.integer({ min: -3 * 1440, max: 10 * 1440 }),
            length: fc.integer({ min: 1, max: 2000 }),
            units: fc.integer({ min: 1, max: 4 }),
            kind: fc.constantFrom(
              "hold",
              "booking",
              "maintenance",
              "facility_maintenance",
              "other_facility",
              "other_equipment",
            ),
            released: fc.boolean(),
            expiresIn: fc.integer({ min: -1440, max: 1440 }),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 5 * 1440 }),
        fc.integer({ min: 60, max: 5 * 1440 }),
        (units, setupMinutes, rows, fromMinute, lengthMinutes) => {
          const id = db
            .insert(equipment)
            .values({
              facilityId,
              name: "E",
              category: "c",
              units,
              setupMinutes,
              leadDays: 0,
              hourlyRateFen: 1,
            })
            .returning()
            .get().id;
          const otherId = db
            .insert(equipment)
            .values({ facilityId, name: "E2", category: "c", units, hourlyRateFen: 1 })
            .returning()
            .get().id;
          const now = BASE;
          const busy: { start: number; end: number; units: number }[] = [];
          const maintenance: { start: number; end: number }[] = [];
          for (const r of rows) {
            const start = BASE + r.at * MIN;
            const end = start + r.length * MIN;
            const expiresAt = now + r.expiresIn * MIN;
            const kind = r.kind === "hold" || r.kind === "booking" ? r.kind : "maintenance";
            const row = {
              facilityId: r.kind === "other_facility" ? other : facilityId,
              equipmentId:
                r.kind === "facility_maintenance" || r.kind === "other_facility"
                  ? null
                  : r.kind === "other_equipment"
                    ? otherId
                    : id,
              kind: kind as "hold" | "booking" | "maintenance",
              start,
              end,
              units: r.units,
              expiresAt: r.kind === "hold" ? expiresAt : null,
              releasedAt: r.released ? now - MIN : null,
            };
            db.insert(reservations).values(row).run();
            if (r.released || r.kind === "other_facility" || r.kind === "other_equipment") continue;
            if (r.kind === "booking" || (r.kind === "hold" && expiresAt > now))
              busy.push({ start, end, units: r.units });
            if (r.kind === "maintenance" || r.kind === "facility_maintenance")
              maintenance.push({ start, end });
          }
          const from = BASE + fromMinute * MIN;
          const to = from + lengthMinutes * MIN;
          const fromDb = equipmentAvailability(db, id, { from, to, now }).intervals;
          expect(fromDb).toEqual(
            computeFreeIntervals(loadCapacity(db, id), busy, maintenance, from, to, now),
          );
          db.$client.prepare(`DELETE FROM reservations`).run();
        },
      ),
      { numRuns: 150 },
    );
  });
});

// Property test: on generated networks, hub matching returns exactly the equipment a brute-force
// oracle finds feasible, each with the true earliest start (minute by minute).
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  accreditations,
  equipment,
  equipmentParams,
  facilities,
  reservations,
  services,
} from "@/db/schema";
import type { OpeningHours } from "@/db/schema/registry";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { findMatches } from "@/server/services/hub/find-matches";
import { freshDb } from "../helpers/test-db";

const MIN = 60_000;
const DAY = 1440 * MIN;
const T0 = Date.UTC(2027, 0, 3, 16); // Monday 00:00 Shanghai
const SH = 8 * 60 * MIN;

const eqArb = fc.record({
  units: fc.integer({ min: 1, max: 3 }),
  setup: fc.constantFrom(0, 30),
  lead: fc.constantFrom(0, 1),
  minHours: fc.constantFrom(1, 2),
  maxHours: fc.constantFrom(4, 9, 24),
  operational: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
  calibration: fc.option(fc.integer({ min: -1 * 1440, max: 5 * 1440 }), { nil: null }),
  volumeMax: fc.option(fc.integer({ min: 10, max: 2000 }), { nil: null }),
  bookings: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 4 * 24 * 2 }),
      hours: fc.integer({ min: 1, max: 6 }),
      units: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 4 },
  ),
});
const facilityArb = fc.record({
  hours: fc.constantFrom("office", "extended", "continuous" as const),
  active: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
  types: fc.subarray(["testing", "pilot_production", "inspection"] as const, { minLength: 1 }),
  cmaDays: fc.option(fc.integer({ min: -5, max: 10 }), { nil: null }),
  equipment: fc.array(eqArb, { minLength: 1, maxLength: 3 }),
});
const queryArb = fc.record({
  serviceType: fc.constantFrom("testing", "pilot_production", "inspection" as const),
  volumeMin: fc.option(fc.integer({ min: 10, max: 1500 }), { nil: null }),
  accreditation: fc.boolean(),
  startMin: fc.integer({ min: 0, max: 2 * 1440 }),
  lengthMin: fc.integer({ min: 6 * 60, max: 3 * 1440 }),
  hours: fc.integer({ min: 1, max: 4 }),
  units: fc.integer({ min: 1, max: 2 }),
  nowMin: fc.integer({ min: -600, max: 600 }),
});

function open(hours: OpeningHours, t: number): boolean {
  const local = new Date(t + SH);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return hours[String((local.getUTCDay() + 6) % 7) as "0"].some(
    ([a, b]) => minute >= toMin(a) && minute < toMin(b),
  );
}

afterAll(() => undefined);

describe("hub matching against a brute-force oracle", () => {
  it("finds every feasible equipment, no infeasible one, each at its true earliest start", () => {
    let withCandidates = 0;
    fc.assert(
      fc.property(fc.array(facilityArb, { minLength: 1, maxLength: 3 }), queryArb, (network, q) => {
        const { db } = freshDb();
        const now = T0 + q.nowMin * MIN;
        const from = T0 + q.startMin * MIN;
        const to = from + q.lengthMin * MIN;
        const expected = new Map<number, number | null>();
        network.forEach((f, fi) => {
          const facilityId = db
            .insert(facilities)
            .values({
              slug: `f${fi}`,
              nameEn: `F${fi}`,
              nameZh: `F${fi}`,
              prefecture: "chengdu",
              status: f.active ? "active" : "suspended",
              openingHours: openingHoursPresets[f.hours],
            })
            .returning()
            .get().id;
          for (const type of f.types)
            db.insert(services).values({ facilityId, type, name: type }).run();
          if (f.cmaDays !== null)
            db.insert(accreditations)
              .values({
                facilityId,
                type: "CMA",
                certificateNo: "C",
                validUntil: T0 + f.cmaDays * DAY,
              })
              .run();
          const hours = openingHoursPresets[f.hours];
          for (const e of f.equipment) {
            const calibrationDueAt = e.calibration === null ? null : T0 + e.calibration * MIN;
            const id = db
              .insert(equipment)
              .values({
                facilityId,
                name: "E",
                category: "c",
                units: e.units,
                setupMinutes: e.setup,
                leadDays: e.lead,
                minHours: e.minHours,
                maxHours: e.maxHours,
                status: e.operational ? "operational" : "maintenance",
                calibrationDueAt,
                hourlyRateFen: 100,
              })
              .returning()
              .get().id;
            if (e.volumeMax !== null)
              db.insert(equipmentParams)
                .values({ equipmentId: id, key: "volume", unit: "L", min: 0, max: e.volumeMax })
                .run();
            const busy = e.bookings.map((b) => ({
              start: T0 + b.at * 30 * MIN,
              end: T0 + b.at * 30 * MIN + b.hours * 60 * MIN,
              units: Math.min(b.units, e.units),
            }));
            for (const b of busy)
              db.insert(reservations)
                .values({
                  facilityId,
                  equipmentId: id,
                  kind: "booking",
                  start: b.start,
                  end: b.end,
                  units: b.units,
                })
                .run();
            // The oracle.
            const hard =
              f.active &&
              f.types.includes(q.serviceType) &&
              e.operational &&
              e.units >= q.units &&
              q.hours >= e.minHours &&
              q.hours <= e.maxHours &&
              (q.volumeMin === null || (e.volumeMax !== null && e.volumeMax >= q.volumeMin)) &&
              (!q.accreditation || (f.cmaDays !== null && T0 + f.cmaDays * DAY >= to));
            if (!hard) continue;
            const S = e.setup;
            const freeAt = (m: number) => {
              const t = m * MIN;
              if (t < Math.max(from, now + e.lead * DAY) || !open(hours, t)) return 0;
              let peak = 0;
              for (let x = m - S; x <= m + S; x++)
                peak = Math.max(
                  peak,
                  busy
                    .filter((b) => b.start - S * MIN <= x * MIN && x * MIN < b.end + S * MIN)
                    .reduce((s, b) => s + b.units, 0),
                );
              return e.units - peak;
            };
            const startM = Math.max(from, now) / MIN;
            const endM = to / MIN;
            const need = q.hours * 60;
            const limit =
              calibrationDueAt === null
                ? q.accreditation
                  ? -Infinity
                  : Infinity
                : calibrationDueAt / MIN;
            let run = 0;
            let earliest: number | null = null;
            for (let m = Math.ceil(startM); m < endM; m++) {
              run = freeAt(m) >= q.units ? run + 1 : 0;
              if (run >= need && m + 1 <= limit) {
                earliest = (m + 1 - need) * MIN;
                break;
              }
            }
            if (earliest !== null) expected.set(id, earliest);
          }
        });
        const result = findMatches(
          db,
          {
            serviceType: q.serviceType,
            requiredParams:
              q.volumeMin === null ? [] : [{ key: "volume", min: q.volumeMin, unit: "L" }],
            accreditation: q.accreditation ? "CMA" : undefined,
            earliestStart: from,
            deadline: to,
            hours: q.hours,
            units: q.units,
            limit: 50,
          },
          now,
        );
        const got = new Map(result.candidates.map((c) => [c.equipment.id, c.slot!.start]));
        expect(got).toEqual(expected);
        if (expected.size) withCandidates++;
        db.$client.close();
      }),
      { numRuns: 200 },
    );
    // the generator must produce feasible networks often enough for the comparison to mean
    // something
    expect(withCandidates).toBeGreaterThan(10);
  }, 120_000);
});

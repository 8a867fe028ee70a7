// The invariant checker finds each kind of violation and nothing else.
import { beforeEach, describe, expect, it } from "vitest";
import { equipment, facilities, reservations } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { freshDb } from "../helpers/test-db";
import type { DB } from "@/db/client";

const H = 3_600_000;
const T = Date.UTC(2027, 0, 4, 1); // a Monday, 09:00 in Shanghai
let db: DB;
let facilityId: number;

function makeEquipment(units: number, setupMinutes: number) {
  return db
    .insert(equipment)
    .values({ facilityId, name: "E", category: "reactor", units, setupMinutes, hourlyRateFen: 100 })
    .returning()
    .get().id;
}
function reserve(
  equipmentId: number | null,
  start: number,
  end: number,
  extra: Partial<typeof reservations.$inferInsert> = {},
) {
  return db
    .insert(reservations)
    .values({ facilityId, equipmentId, kind: "booking", start, end, units: 1, ...extra })
    .returning()
    .get().id;
}

beforeEach(() => {
  db = freshDb().db;
  facilityId = db
    .insert(facilities)
    .values({
      slug: "f",
      nameEn: "F",
      nameZh: "F",
      prefecture: "chengdu",
      openingHours: openingHoursPresets.continuous,
    })
    .returning()
    .get().id;
});

describe("findInvariantViolations", () => {
  it("accepts back-to-back bookings on one unit when there is no setup time (half-open)", () => {
    const e = makeEquipment(1, 0);
    reserve(e, T, T + 2 * H);
    reserve(e, T + 2 * H, T + 4 * H);
    expect(findInvariantViolations(db, T - H)).toEqual([]);
  });

  it("flags overlap beyond the units", () => {
    const e = makeEquipment(2, 0);
    reserve(e, T, T + 4 * H);
    reserve(e, T + H, T + 3 * H);
    expect(findInvariantViolations(db, T - H)).toEqual([]);
    const third = reserve(e, T + 2 * H, T + 5 * H);
    expect(findInvariantViolations(db, T - H)).toEqual([
      { kind: "capacity", equipmentId: e, reservationId: third, at: T + 2 * H, load: 3, units: 2 },
    ]);
  });

  it("needs one setup time between two uses of a unit, not two", () => {
    const e = makeEquipment(1, 30);
    reserve(e, T, T + 2 * H);
    const next = reserve(e, T + 2 * H + 29 * 60_000, T + 4 * H);
    expect(findInvariantViolations(db, T - H)).toMatchObject([
      { kind: "capacity", reservationId: next },
    ]);
    db.$client
      .prepare(`UPDATE reservations SET start = ? WHERE id = ?`)
      .run(T + 2 * H + 30 * 60_000, next);
    expect(findInvariantViolations(db, T - H)).toEqual([]);
  });

  it("refuses a hold without an expiry at the database", () => {
    const e = makeEquipment(1, 0);
    expect(() => reserve(e, T, T + H, { kind: "hold", expiresAt: null })).toThrow(
      /a hold needs expires_at/,
    );
    const booking = reserve(e, T, T + H);
    expect(() =>
      db.$client.prepare(`UPDATE reservations SET kind = 'hold' WHERE id = ?`).run(booking),
    ).toThrow(/a hold needs expires_at/);
  });

  it("ignores released reservations and holds whose quote has expired", () => {
    const e = makeEquipment(1, 0);
    const booked = reserve(e, T, T + 2 * H);
    reserve(e, T, T + 2 * H, { releasedAt: T - 2 * H });
    reserve(e, T, T + 2 * H, { kind: "hold", expiresAt: T - 3 * H });
    expect(findInvariantViolations(db, T - H)).toEqual([]);
    const live = reserve(e, T, T + 2 * H, { kind: "hold", expiresAt: T + H });
    // both reservations starting at T see a load of 2 there
    const found = findInvariantViolations(db, T - H);
    expect(found.map((v) => ("reservationId" in v ? v.reservationId : 0)).sort()).toEqual(
      [booked, live].sort(),
    );
    expect(found.every((v) => v.kind === "capacity" && v.load === 2)).toBe(true);
  });

  it("flags a booking that meets maintenance of its equipment or of the whole facility", () => {
    const e = makeEquipment(3, 15);
    const m1 = reserve(e, T + 10 * H, T + 12 * H, { kind: "maintenance" });
    const b1 = reserve(e, T + 8 * H, T + 9 * H + 50 * 60_000); // its buffer reaches into the window
    const m2 = reserve(null, T + 30 * H, T + 40 * H, { kind: "maintenance" });
    const b2 = reserve(e, T + 39 * H, T + 41 * H);
    reserve(e, T + 20 * H, T + 21 * H);
    expect(
      findInvariantViolations(db, T).sort((a, b) =>
        "reservationId" in a && "reservationId" in b ? a.reservationId - b.reservationId : 0,
      ),
    ).toEqual([
      { kind: "maintenance", equipmentId: e, reservationId: b1, maintenanceId: m1 },
      { kind: "maintenance", equipmentId: e, reservationId: b2, maintenanceId: m2 },
    ]);
  });

  it("flags an empty or inverted interval", () => {
    const e = makeEquipment(1, 0);
    const bad = reserve(e, T + H, T + H);
    expect(findInvariantViolations(db, T)).toContainEqual({ kind: "interval", reservationId: bad });
  });
});

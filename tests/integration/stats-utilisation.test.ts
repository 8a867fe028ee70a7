// stats.utilisation on a hand-computed fixture (machine-hours come from recorded use:
// stats-use.test.ts): a period of two days that
// crosses a month's end (Jan 31 – Feb 1, Asia/Shanghai), bookings crossing the period's start,
// the month boundary and the period's end, units > 1, maintenance of one equipment and of a whole
// facility, a released booking, a hold, a retired equipment, and filters that leave nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { equipment, facilities, reservations, users } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { statsUtilisation } from "@/server/services/stats/utilisation";
import { freshDb, callerFor } from "../helpers/test-db";

const H = 3_600_000;
const JAN31 = Date.UTC(2027, 0, 30, 16); // 2027-01-31 00:00 in Shanghai
const FEB1 = JAN31 + 24 * H;
const period = { from: JAN31, to: JAN31 + 48 * H };
const { db } = freshDb();
const ids: Record<string, number> = {};

beforeAll(() => {
  const fac = (slug: string, prefecture: string, fields: string[]) =>
    db
      .insert(facilities)
      .values({
        slug,
        nameEn: slug,
        nameZh: slug,
        prefecture,
        fields,
        openingHours: openingHoursPresets.continuous,
      })
      .returning()
      .get().id;
  ids.a = fac("a", "chengdu", ["advanced_materials", "chemicals"]);
  ids.b = fac("b", "mianyang", ["ai"]);
  const eq = (
    facilityId: number,
    name: string,
    units: number,
    status: "operational" | "retired" = "operational",
  ) =>
    db
      .insert(equipment)
      .values({ facilityId, name, category: "c", units, hourlyRateFen: 1, status })
      .returning()
      .get().id;
  ids.a1 = eq(ids.a, "A1", 2);
  ids.a2 = eq(ids.a, "A2", 1);
  ids.b1 = eq(ids.b, "B1", 1);
  eq(ids.a, "Retired", 1, "retired");
  const add = (
    facilityId: number,
    equipmentId: number | null,
    start: number,
    end: number,
    v: Partial<typeof reservations.$inferInsert> = {},
  ) =>
    db
      .insert(reservations)
      .values({ facilityId, equipmentId, kind: "booking", start, end, units: 1, ...v })
      .run();
  // 2 h inside × 2 units = 4, January
  add(ids.a, ids.a1, JAN31 - 2 * H, JAN31 + 2 * H, { units: 2 });
  add(ids.a, ids.a1, FEB1 - H, FEB1 + H); // 1 h January + 1 h February
  add(ids.a, ids.a2, FEB1 + 10 * H, FEB1 + 15 * H); // 5 h February
  add(ids.a, ids.a2, FEB1 + 16 * H, FEB1 + 18 * H, { releasedAt: JAN31 }); // cancelled
  // not booked
  add(ids.a, ids.a2, FEB1 + 18 * H, FEB1 + 20 * H, { kind: "hold", expiresAt: FEB1 + 99 * H });
  add(ids.b, ids.b1, FEB1 + 23 * H, FEB1 + 27 * H); // 1 h inside the period, February
  // A2 down 6 h in February
  add(ids.a, ids.a2, FEB1, FEB1 + 6 * H, { kind: "maintenance", units: 0 });
  // facility B down 6 h in January
  add(ids.b, null, JAN31 + 12 * H, JAN31 + 18 * H, { kind: "maintenance", units: 0 });
  ids.admin = db
    .insert(users)
    .values({ email: "admin@x.cn", name: "Admin", passwordHash: "x", role: "admin" })
    .returning()
    .get().id;
  ids.operator = db
    .insert(users)
    .values({
      email: "op@x.cn",
      name: "Op",
      passwordHash: "x",
      role: "operator",
      facilityId: ids.a,
    })
    .returning()
    .get().id;
  ids.coordinator = db
    .insert(users)
    .values({ email: "co@x.cn", name: "Co", passwordHash: "x", role: "coordinator" })
    .returning()
    .get().id;
});

const f = (booked: number, available: number) => ({
  bookedUnitHours: booked,
  availableUnitHours: available,
  ratio: booked / available,
});

describe("stats.utilisation", () => {
  it("computes every breakdown and the monthly trend", () => {
    const u = statsUtilisation(db, period);
    // Available: A1 48 h × 2 = 96; A2 48 − 6 = 42; B1 48 − 6 = 42. Booked: A1 6, A2 5, B1 1.
    expect(u.network).toEqual(f(12, 180));
    expect(u.byMonth).toEqual([
      { month: "2027-01", ...f(5, 48 + 24 + 18) },
      { month: "2027-02", ...f(7, 48 + 18 + 24) },
    ]);
    expect(u.byPrefecture).toEqual([
      { prefecture: "chengdu", ...f(11, 138) },
      { prefecture: "mianyang", ...f(1, 42) },
    ]);
    expect(u.byField).toEqual([
      { field: "advanced_materials", ...f(11, 138) },
      { field: "chemicals", ...f(11, 138) },
      { field: "ai", ...f(1, 42) },
    ]);
    expect(u.byFacility.map((x) => [x.slug, x.bookedUnitHours, x.availableUnitHours])).toEqual([
      ["a", 11, 138],
      ["b", 1, 42],
    ]);
    expect(u.byEquipment).toEqual([]); // listed only for one facility
  });

  it("drills down to one facility's equipment", () => {
    const u = statsUtilisation(db, { ...period, facilityId: ids.a });
    expect(u.byEquipment.map((e) => [e.name, e.bookedUnitHours, e.availableUnitHours])).toEqual([
      ["A2", 5, 42],
      ["A1", 6, 96],
    ]);
    expect(u.network).toEqual(f(11, 138));
  });

  it("shows nothing to divide as null, never a division by zero", () => {
    const u = statsUtilisation(db, { ...period, prefecture: "leshan" });
    expect(u.network).toEqual({ bookedUnitHours: 0, availableUnitHours: 0, ratio: null });
    expect(u.byMonth.map((m) => m.ratio)).toEqual([null, null]);
    expect(u.byPrefecture).toEqual([]);
  });
});

describe("the figures of one dashboard share a cube", () => {
  it("until the database changes", () => {
    const before = statsUtilisation(db, period).network.bookedUnitHours;
    const id = db
      .insert(reservations)
      .values({
        facilityId: ids.b,
        equipmentId: ids.b1,
        kind: "booking",
        start: FEB1 + 2 * H,
        end: FEB1 + 3 * H,
        units: 1,
      })
      .returning()
      .get().id;
    expect(statsUtilisation(db, period).network.bookedUnitHours).toBe(before + 1);
    db.delete(reservations).where(eq(reservations.id, id)).run();
    expect(statsUtilisation(db, period).network.bookedUnitHours).toBe(before);
  });
});

describe("who may read the figures", () => {
  it("refuses every role but admin", async () => {
    for (const who of [ids.operator, ids.coordinator]) {
      await expect(callerFor(db, who).stats.utilisation(period)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(callerFor(db, who).stats.machineHours(period)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(callerFor(db, null).stats.utilisation(period)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect((await callerFor(db, ids.admin).stats.utilisation(period)).network.bookedUnitHours).toBe(
      12,
    );
    await expect(
      callerFor(db, ids.admin).stats.machineHours({ ...period, prefecture: "atlantis" } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the monthly split", () => {
  it("splits a booking across every month it spans, and clips a period that starts mid-month", () => {
    const { db: d } = freshDb();
    const facilityId = d
      .insert(facilities)
      .values({
        slug: "m",
        nameEn: "M",
        nameZh: "M",
        prefecture: "chengdu",
        openingHours: openingHoursPresets.continuous,
      })
      .returning()
      .get().id;
    const equipmentId = d
      .insert(equipment)
      .values({ facilityId, name: "Kiln", category: "c", units: 3, hourlyRateFen: 1 })
      .returning()
      .get().id;
    // Shanghai wall clock
    const at = (month: number, day: number, hour = 0) => Date.UTC(2027, month - 1, day, hour - 8);
    // Two units from Jan 30 12:00 to Mar 2 06:00; the period (Jan 31 – Mar 1) keeps 24 h of
    // January, all of February (672 h) and 24 h of March.
    d.insert(reservations)
      .values({
        facilityId,
        equipmentId,
        kind: "booking",
        start: at(1, 30, 12),
        end: at(3, 2, 6),
        units: 2,
      })
      .run();
    d.insert(reservations)
      .values({
        facilityId,
        equipmentId,
        kind: "booking",
        start: at(2, 10),
        end: at(2, 10, 5),
        units: 3,
      })
      .run(); // 15 unit-h in February
    const u = statsUtilisation(d, { from: at(1, 31), to: at(3, 2) }); // Jan 31 – Mar 1
    expect(u.byMonth.map((m) => [m.month, m.bookedUnitHours, m.availableUnitHours])).toEqual([
      ["2027-01", 24 * 2, 24 * 3],
      ["2027-02", 672 * 2 + 15, 672 * 3],
      ["2027-03", 24 * 2, 24 * 3],
    ]);
    expect(u.network.bookedUnitHours).toBe(u.byMonth.reduce((s, m) => s + m.bookedUnitHours, 0));
  });
});

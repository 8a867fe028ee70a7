// Times far outside the service's range are a 400 naming the field, never a 500; weekly
// maintenance repeats at the same wall-clock time of the facility across a daylight-saving change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { facilities, reservations } from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { localTimeText } from "@/server/services/scheduling/local-time";
import { freshDb, callerFor } from "../helpers/test-db";
import { refusalChecker } from "../helpers/refusal";
import { makeBookingFixture, NOW, HOUR, DAY } from "../helpers/booking-fixture";

const { db } = freshDb();
const refused = refusalChecker(db);
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
const as = (user: { id: number } | null) => callerFor(db, user?.id ?? null);

beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
});
afterAll(() => setClockForTests(null));

const FAR = 8.6e15; // the year 274,500: Date can hold it, no calendar routine should meet it
const YEAR_2100 = Date.UTC(2100, 0, 1);

describe("times outside 2000–2099", () => {
  it("are a 400 naming the field on every path that reads a time", async () => {
    const calls: [string, () => Promise<unknown>][] = [
      [
        "to",
        () => as(null).equipment.availability({ equipmentId: fx.chamber.id, from: NOW, to: FAR }),
      ],
      [
        "deadline",
        () =>
          as(fx.coordinator).hub.matches({
            serviceType: "testing",
            earliestStart: NOW,
            deadline: FAR,
            hours: 2,
          }),
      ],
      [
        "earliestStart",
        () =>
          as(fx.firmUser).request.submit({
            title: "Far away",
            serviceType: "testing",
            equipmentId: fx.chamber.id,
            earliestStart: YEAR_2100,
            deadline: YEAR_2100 + DAY,
            hours: 2,
          }),
      ],
      ["from", () => as(fx.admin).stats.overview({ from: -FAR, to: NOW })],
      ["to", () => as(fx.admin).stats.utilisation({ from: NOW, to: FAR })],
      [
        "start",
        () =>
          as(fx.operator).maintenance.create({
            start: "9999-01-01T09:00",
            end: "9999-01-01T10:00",
            reason: "Far future",
          }),
      ],
    ];
    for (const [field, call] of calls) {
      const r = await refused(call);
      expect({ field, code: r.code }).toEqual({ field, code: "BAD_REQUEST" });
      expect(r.message).toContain(`${field}: must be between the years 2000 and 2099`);
    }
    const r = await as(fx.firmUser).request.submit({
      title: "Near",
      serviceType: "testing",
      equipmentId: fx.chamber.id,
      earliestStart: NOW + DAY,
      deadline: NOW + 3 * DAY,
      hours: 2,
    });
    const quoted = await refused(() =>
      as(fx.operator).request.quote({
        id: r.id,
        equipmentId: fx.chamber.id,
        start: YEAR_2100,
        end: YEAR_2100 + 2 * HOUR,
        amountFen: 1,
        validUntil: NOW + HOUR,
      }),
    );
    expect(quoted.code).toBe("BAD_REQUEST");
    expect(quoted.message).toContain("start: must be between the years 2000 and 2099");
  });
});

describe("weekly maintenance", () => {
  it("repeats at the same local time across a daylight-saving change", async () => {
    db.update(facilities)
      .set({ timeZone: "Europe/Berlin" })
      .where(eq(facilities.id, fx.lab.id))
      .run();
    // Tuesdays 10:00–12:00 in Berlin from 2027-03-16, three weeks: CET, then CEST from 28 March.
    const created = await as(fx.operator).maintenance.create({
      equipmentId: fx.chamber.id,
      start: Date.UTC(2027, 2, 16, 9),
      end: Date.UTC(2027, 2, 16, 11),
      reason: "Weekly calibration",
      weeks: 3,
    });
    expect(created.windows).toHaveLength(3);
    const rows = db
      .select()
      .from(reservations)
      .where(eq(reservations.reason, "Weekly calibration"))
      .all()
      .sort((a, b) => a.start - b.start);
    expect(rows.map((w) => localTimeText(w.start, "Europe/Berlin"))).toEqual([
      "2027-03-16 10:00",
      "2027-03-23 10:00",
      "2027-03-30 10:00",
    ]);
    expect(rows.map((w) => (w.end - w.start) / HOUR)).toEqual([2, 2, 2]);
    db.update(facilities)
      .set({ timeZone: "Asia/Shanghai" })
      .where(eq(facilities.id, fx.lab.id))
      .run();
  });
});

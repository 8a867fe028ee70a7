// The operator workspace: maintenance windows, equipment changes that must not break the
// invariant, and the calibration and accreditation gates on accredited work.
import { localDateKey } from "@/server/services/scheduling/local-time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import {
  accreditations,
  bookingRequests,
  equipment,
  notifications,
  reservations,
  services,
} from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { freshDb, callerFor } from "../helpers/test-db";
import { refusalChecker } from "../helpers/refusal";
import { makeBookingFixture, requestBody, at, NOW, HOUR, DAY } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
const as = (u: { id: number } | null) => callerFor(db, u?.id ?? null);

beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
});
afterAll(() => setClockForTests(null));

const refused = refusalChecker(db);

const book = (start: number, hours = 2, units = 1) =>
  as(fx.firmUser).request.submit(
    requestBody({
      equipmentId: fx.chamber.id,
      serviceType: "pilot_production",
      preferredStart: start,
      hours,
      units,
      deadline: start + 2 * DAY,
    }),
  );
const statusOf = (id: number) =>
  db.select().from(bookingRequests).where(eq(bookingRequests.id, id)).get()!.status;

describe("maintenance windows", () => {
  it("blocks an equipment; the public availability shows no free time there", async () => {
    const r = await as(fx.operator).maintenance.create({
      equipmentId: fx.chamber.id,
      start: at(8, 9),
      end: at(8, 12),
      reason: "Sensor replacement",
    });
    expect(r.windows).toHaveLength(1);
    const free = await as(null).equipment.availability({
      equipmentId: fx.chamber.id,
      from: at(8, 9),
      to: at(8, 12),
    });
    expect(free.intervals).toEqual([]);
    expect(
      (await as(fx.operator).maintenance.list({})).some((w) => w.reason === "Sensor replacement"),
    ).toBe(true);
    expect(findInvariantViolations(db, NOW)).toEqual([]);
  });

  it("repeats weekly, and covers the whole facility when no equipment is named", async () => {
    const r = await as(fx.operator).maintenance.create({
      start: at(9, 17),
      end: at(9, 17, 30),
      reason: "Weekly safety walk",
      weeks: 3,
    });
    expect(r.windows.map((w) => w.start)).toEqual([at(9, 17), at(16, 17), at(23, 17)]);
    const rows = db
      .select()
      .from(reservations)
      .where(
        and(eq(reservations.kind, "maintenance"), eq(reservations.reason, "Weekly safety walk")),
      )
      .all();
    expect(rows.every((w) => w.equipmentId === null)).toBe(true);
  });

  it("is refused over bookings, naming them, unless the operator cancels them; firms are told", async () => {
    const a = await book(at(10, 9));
    const b = await book(at(10, 10), 2, 2);
    const refusal = await refused(() =>
      as(fx.operator).maintenance.create({
        equipmentId: fx.chamber.id,
        start: at(10, 9),
        end: at(10, 11),
        reason: "Urgent repair",
      }),
    );
    expect(refusal.code).toBe("CONFLICT");
    expect(refusal.message).toContain(a.ref);
    expect(refusal.message).toContain(b.ref);
    const done = await as(fx.operator).maintenance.create({
      equipmentId: fx.chamber.id,
      start: at(10, 9),
      end: at(10, 11),
      reason: "Urgent repair",
      cancelAffected: true,
    });
    expect(done.cancelled.sort()).toEqual([a.ref, b.ref].sort());
    expect(statusOf(a.id)).toBe("cancelled");
    expect(
      db.select().from(bookingRequests).where(eq(bookingRequests.id, b.id)).get()!.reason,
    ).toBe("Urgent repair");
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.requestId, a.id), eq(notifications.kind, "request.cancelled")))
        .all(),
    ).toHaveLength(1);
    expect(findInvariantViolations(db, NOW)).toEqual([]);
  });

  it("refuses running work, foreign equipment, other roles and bad input", async () => {
    const r = await book(at(1, 9));
    await as(fx.operator).request.start({ id: r.id });
    expect(
      (
        await refused(() =>
          as(fx.operator).maintenance.create({
            equipmentId: fx.chamber.id,
            start: at(1, 9),
            end: at(1, 10),
            reason: "Repair",
            cancelAffected: true,
          }),
        )
      ).message,
    ).toMatch(/is in progress in that window/);
    expect(
      (
        await refused(() =>
          as(fx.operatorB).maintenance.create({
            equipmentId: fx.chamber.id,
            start: at(12, 9),
            end: at(12, 10),
            reason: "Repair",
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refused(() =>
          as(fx.firmUser).maintenance.create({
            equipmentId: fx.chamber.id,
            start: at(12, 9),
            end: at(12, 10),
            reason: "Repair",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await refused(() =>
          as(fx.operator).maintenance.create({
            equipmentId: fx.chamber.id,
            start: at(12, 10),
            end: at(12, 9),
            reason: "Repair",
          }),
        )
      ).message,
    ).toBe("end: must be after start");
    expect(
      (
        await refused(() =>
          as(fx.operator).maintenance.create({
            start: at(12, 9),
            end: at(12, 10),
            reason: "R",
            weeks: 0,
          }),
        )
      ).message,
    ).toMatch(/reason: give a reason.*weeks: at least 1|weeks: at least 1.*reason/);
  });

  it("removes a window of one's own facility only", async () => {
    const w = (
      await as(fx.operator).maintenance.create({
        equipmentId: fx.reactor.id,
        start: at(15, 9),
        end: at(15, 10),
        reason: "Check",
      })
    ).windows[0];
    expect((await refused(() => as(fx.operatorB).maintenance.remove({ id: w.id }))).code).toBe(
      "NOT_FOUND",
    );
    await as(fx.operator).maintenance.remove({ id: w.id });
    expect((await as(fx.operator).maintenance.list({})).some((x) => x.id === w.id)).toBe(false);
  });
});

describe("equipment changes", () => {
  it("edits the rate and parameters; other facilities and roles cannot", async () => {
    const r = await as(fx.operator).equipment.update({
      id: fx.reactor.id,
      hourlyRateFen: 66_000,
      params: [{ key: "volume", min: 50, max: 500 }],
    });
    expect(r.version).toBeGreaterThan(1);
    expect((await as(null).equipment.get({ id: fx.reactor.id })).params).toEqual([
      { key: "volume", unit: "L", min: 50, max: 500 },
    ]);
    expect(
      (
        await refused(() =>
          as(fx.operatorB).equipment.update({ id: fx.reactor.id, hourlyRateFen: 1 }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refused(() =>
          as(fx.firmUser).equipment.update({ id: fx.reactor.id, hourlyRateFen: 1 }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await refused(() =>
          as(fx.operator).equipment.update({ id: fx.reactor.id, minHours: 10, maxHours: 5 }),
        )
      ).message,
    ).toBe("maxHours: must not be below the minimum");
    expect(
      (
        await refused(() =>
          as(fx.operator).equipment.update({ id: fx.reactor.id, version: 1, hourlyRateFen: 1 }),
        )
      ).message,
    ).toMatch(/changed by someone else/);
  });

  it("refuses fewer units, longer setup or retirement that would break future bookings, naming them", async () => {
    const a = await book(at(21, 9), 2, 2); // Monday 25 January
    const b = await book(at(21, 11), 2, 2);
    expect(
      (await refused(() => as(fx.operator).equipment.update({ id: fx.chamber.id, units: 1 })))
        .message,
    ).toContain(a.ref);
    expect(
      (
        await refused(() =>
          as(fx.operator).equipment.update({ id: fx.chamber.id, setupMinutes: 60 }),
        )
      ).message,
    ).toContain(b.ref);
    expect(
      (
        await refused(() =>
          as(fx.operator).equipment.update({ id: fx.chamber.id, status: "retired" }),
        )
      ).message,
    ).toMatch(/cannot become retired while it has future holds or bookings/);
    expect(
      (await as(fx.operator).equipment.update({ id: fx.chamber.id, units: 2, setupMinutes: 0 }))
        .units,
    ).toBe(2);
    expect(findInvariantViolations(db, NOW)).toEqual([]);
  });
});

describe("calibration and accreditation gates", () => {
  it("refuse accredited work on equipment calibrated too briefly or at a facility without valid accreditation", async () => {
    db.update(services).set({ accredited: true }).where(eq(services.id, fx.testing.id)).run();
    db.update(equipment)
      .set({ calibrationDueAt: at(3, 0) })
      .where(eq(equipment.id, fx.chamber.id))
      .run();
    const body = requestBody({
      serviceId: fx.testing.id,
      equipmentId: fx.chamber.id,
      serviceType: "testing",
      preferredStart: at(4, 9),
      hours: 2,
    });
    expect((await refused(() => as(fx.firmUser).request.submit(body))).message).toMatch(
      /calibration of Climate chamber expires on 2027-01-07 00:00, before the slot ends/,
    );
    db.update(equipment)
      .set({ calibrationDueAt: NOW + 300 * DAY })
      .where(eq(equipment.id, fx.chamber.id))
      .run();
    expect((await refused(() => as(fx.firmUser).request.submit(body))).message).toMatch(
      /accreditation does not run until the slot ends/,
    );
    db.insert(accreditations)
      .values({
        facilityId: fx.lab.id,
        type: "CNAS",
        certificateNo: "CNAS L1",
        validUntil: NOW + 400 * DAY,
      })
      .run();
    expect((await as(fx.firmUser).request.submit(body)).status).toBe("confirmed");
    void HOUR;
  });
});

describe("rescheduling a confirmed booking", () => {
  it("the operator proposes a feasible slot; the firm accepts and the booking moves at once", async () => {
    const r = await book(at(22, 9));
    const proposal = await as(fx.operator).request.proposeReschedule({
      id: r.id,
      start: at(22, 13),
      end: at(22, 15),
      validUntil: NOW + 6 * HOUR,
    });
    expect(proposal.start).toBe(at(22, 13));
    expect((await as(fx.firmUser).request.get({ id: r.id })).actions).toContain("answerReschedule");
    expect(
      (
        await refused(() =>
          as(fx.operator).request.proposeReschedule({
            id: r.id,
            start: at(22, 15),
            end: at(22, 17),
            validUntil: NOW + HOUR,
          }),
        )
      ).message,
    ).toMatch(/already has a proposed new slot/);
    expect(
      (await refused(() => as(fx.firmUserB).request.acceptReschedule({ id: r.id }))).code,
    ).toBe("NOT_FOUND");
    expect((await refused(() => as(fx.operator).request.acceptReschedule({ id: r.id }))).code).toBe(
      "FORBIDDEN",
    );
    await as(fx.firmUser).request.acceptReschedule({ id: r.id });
    const live = db
      .select()
      .from(reservations)
      .where(eq(reservations.requestId, r.id))
      .all()
      .filter((x) => x.releasedAt === null);
    expect(live).toMatchObject([{ kind: "booking", start: at(22, 13), end: at(22, 15) }]);
    expect(
      db.select().from(bookingRequests).where(eq(bookingRequests.id, r.id)).get(),
    ).toMatchObject({ status: "confirmed", quoteStart: at(22, 13) });
    expect(findInvariantViolations(db, NOW)).toEqual([]);
  });

  it("declining keeps the old slot; infeasible, foreign and wrong-state proposals are refused", async () => {
    const r = await book(at(23, 9));
    await as(fx.operator).request.proposeReschedule({
      id: r.id,
      start: at(23, 14),
      end: at(23, 16),
      validUntil: NOW + 6 * HOUR,
    });
    await as(fx.firmUser).request.declineReschedule({ id: r.id });
    expect(
      db
        .select()
        .from(reservations)
        .where(eq(reservations.requestId, r.id))
        .all()
        .filter((x) => x.releasedAt === null),
    ).toMatchObject([{ kind: "booking", start: at(23, 9) }]);
    expect(
      (await refused(() => as(fx.firmUser).request.acceptReschedule({ id: r.id }))).message,
    ).toMatch(/no proposed new slot/);
    expect(
      (
        await refused(() =>
          as(fx.operator).request.proposeReschedule({
            id: r.id,
            start: at(26, 9),
            end: at(26, 11),
            validUntil: NOW + HOUR,
          }),
        )
      ).message,
    ).toMatch(/opening hours/); // Saturday
    expect(
      (
        await refused(() =>
          as(fx.operatorB).request.proposeReschedule({
            id: r.id,
            start: at(24, 9),
            end: at(24, 11),
            validUntil: NOW + HOUR,
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refused(() =>
          as(fx.operator).request.proposeReschedule({
            id: r.id,
            start: at(24, 11),
            end: at(24, 9),
            validUntil: NOW + HOUR,
          }),
        )
      ).message,
    ).toMatch(/^end: must be after start/);
    const s = await as(fx.firmUser).request.submit(requestBody({ equipmentId: fx.reactor.id }));
    expect(
      (
        await refused(() =>
          as(fx.operator).request.proposeReschedule({
            id: s.id,
            start: at(24, 9),
            end: at(24, 11),
            validUntil: NOW + HOUR,
          }),
        )
      ).message,
    ).toMatch(/Only a confirmed booking can be moved/);
  });
});

describe("schedule board", () => {
  it("shows the facility's holds, bookings and maintenance with firm and reference, one lane per unit", async () => {
    const a = await book(at(29, 9), 2, 1);
    const b = await book(at(29, 10), 2, 1);
    const board = await as(fx.operator).schedule.board({ from: at(29, 0), to: at(30, 0) });
    const chamber = board.equipment.find((e) => e.id === fx.chamber.id)!;
    expect(chamber.lanes).toHaveLength(2);
    const refs = chamber.lanes.map((lane) =>
      lane.filter((x) => x.kind === "booking").map((x) => x.ref),
    );
    expect(refs).toEqual([[a.ref], [b.ref]]);
    expect(chamber.lanes[0][0].firmName).toBe("Firm A");
    expect(board.equipment.map((e) => e.id)).not.toContain(fx.otherReactor.id);
    const other = await as(fx.operatorB).schedule.board({ from: at(29, 0), to: at(30, 0) });
    expect(JSON.stringify(other)).not.toContain(a.ref);
    expect(
      (await refused(() => as(fx.firmUser).schedule.board({ from: at(29, 0), to: at(30, 0) })))
        .code,
    ).toBe("FORBIDDEN");
    expect(
      (await refused(() => as(fx.operator).schedule.board({ from: at(29, 0), to: at(100, 0) })))
        .message,
    ).toBe("to: the board shows at most 62 days after from");
  });

  it("works out a day, week or month of the facility's own time zone from a view and a date", async () => {
    const a = await book(at(36, 9), 2, 1);
    const day = localDateKey(at(36, 9), "Asia/Shanghai");
    const board = await as(fx.operator).schedule.board({ view: "day", date: day });
    expect([board.from, board.to, board.timeZone]).toEqual([at(36, 0), at(37, 0), "Asia/Shanghai"]);
    expect(board.days.map((d) => d.key)).toEqual([day]);
    expect(JSON.stringify(board)).toContain(a.ref);
    const week = await as(fx.operator).schedule.board({ view: "week", date: day });
    expect(week.days).toHaveLength(7);
    expect(week.days.every((d) => d.start <= at(36, 9) + 7 * 86_400_000)).toBe(true);
    const bad = await refused(() =>
      as(fx.operator).schedule.board({ view: "week", date: "29/01/2027" } as never),
    );
    expect(bad.code).toBe("BAD_REQUEST");
  });
});

describe("schedule exports", () => {
  it("exports the facility's schedule as CSV with a BOM, only its own rows, formulas neutralised", async () => {
    const { scheduleCsv } = await import("@/server/services/operations/exports");
    const { loadActor } = await import("@/server/services/users/load-actor");
    const r = await book(at(30, 9));
    db.update(bookingRequests)
      .set({ title: '=HYPERLINK("x")' })
      .where(eq(bookingRequests.id, r.id))
      .run();
    const actor = { ...loadActor(db, fx.operator.id)!, facilityId: fx.lab.id };
    const csv = scheduleCsv(db, actor, at(30, 0), at(31, 0));
    expect(csv.startsWith('\uFEFF"kind"')).toBe(true);
    expect(csv).toContain(r.ref);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const other = scheduleCsv(
      db,
      { ...loadActor(db, fx.operatorB.id)!, facilityId: fx.otherLab.id },
      at(30, 0),
      at(31, 0),
    );
    expect(other).not.toContain(r.ref);
    expect(() => scheduleCsv(db, actor, at(31, 0), at(30, 0))).toThrow(
      /to: the period must be after from/,
    );
  });

  it("labels in-house use as such in the CSV and the feed, in the reader's language", async () => {
    const { scheduleCsv, facilityIcalFeed } = await import("@/server/services/operations/exports");
    const { loadActor } = await import("@/server/services/users/load-actor");
    db.insert(reservations)
      .values({
        facilityId: fx.lab.id,
        equipmentId: fx.reactor.id,
        kind: "booking",
        start: at(32, 9),
        end: at(32, 11),
        units: 1,
        reason: "Method development",
      })
      .run();
    const actor = { ...loadActor(db, fx.operator.id)!, facilityId: fx.lab.id };
    const en = scheduleCsv(db, { ...actor, locale: "en" }, at(32, 0), at(33, 0));
    expect(en).toContain('"In-house use"');
    expect(en).not.toContain("null");
    const zh = scheduleCsv(db, { ...actor, locale: "zh" }, at(32, 0), at(33, 0));
    expect(zh).toContain('"内部使用"');
    const token = await as(fx.operator).schedule.regenerateIcalToken();
    expect(facilityIcalFeed(db, token)).toContain("SUMMARY:In-house use: Method development · ");
    expect(facilityIcalFeed(db, token, "zh")).toContain("SUMMARY:内部使用: Method development · ");
    expect(facilityIcalFeed(db, token)).not.toContain("null");
  });

  it("serves a private iCal feed behind a token that regenerating revokes", async () => {
    const { facilityIcalFeed } = await import("@/server/services/operations/exports");
    const r = await book(at(31, 9));
    const token = await as(fx.operator).schedule.regenerateIcalToken();
    expect(await as(fx.operator).schedule.icalToken()).toBe(token);
    expect(facilityIcalFeed(db, token)).toContain(r.ref);
    const newer = await as(fx.operator).schedule.regenerateIcalToken();
    expect(() => facilityIcalFeed(db, token)).toThrow(/not found/);
    expect(facilityIcalFeed(db, newer)).toContain("BEGIN:VCALENDAR");
    expect(() => facilityIcalFeed(db, "short")).toThrow(/not found/);
    expect((await refused(() => as(fx.firmUser).schedule.regenerateIcalToken())).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("catalogue and profile", () => {
  it("adds equipment and services within the operator's own facility", async () => {
    const e = await as(fx.operator).equipment.create({
      name: "Spray dryer 50 kg/h",
      category: "spray_dryer",
      hourlyRateFen: 40_000,
      params: [{ key: "throughput", min: 2, max: 50 }],
    });
    expect((await as(null).equipment.get({ id: e.id })).facility.slug).toBe("lab-a");
    expect(
      (
        await refused(() =>
          as(fx.firmUser).equipment.create({ name: "X", category: "x", hourlyRateFen: 1 }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await refused(() =>
          as(fx.operator).equipment.create({
            name: "Xylo",
            category: "Bad Category",
            hourlyRateFen: 1,
          }),
        )
      ).message,
    ).toBe("category: lower-case letters, digits and _ only");
    const s = await as(fx.operator).service.save({
      type: "pilot_production",
      name: "Spray-drying pilot run",
      standards: ["GB 14881-2013"],
      priceBasis: "per_batch",
      priceFen: 800_000,
      equipmentIds: [e.id],
    });
    expect((await as(null).equipment.get({ id: e.id })).services.map((x) => x.id)).toEqual([s.id]);
    expect(
      (
        await refused(() =>
          as(fx.operator).service.save({
            type: "testing",
            name: "Foreign link",
            equipmentIds: [fx.otherReactor.id],
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refused(() =>
          as(fx.operatorB).service.save({ id: s.id, type: "testing", name: "Hijack" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refused(() =>
          as(fx.operator).service.save({
            type: "testing",
            name: "No price",
            priceBasis: "per_hour",
          }),
        )
      ).message,
    ).toMatch(/^priceFen: give an indicative price/);
    await as(fx.operator).service.withdraw({ id: s.id });
    expect(
      (await as(null).service.list({ facility: "lab-a", pageSize: 100 })).items.map((x) => x.id),
    ).not.toContain(s.id);
    expect(
      (await refused(() => as(fx.operatorB).service.withdraw({ id: fx.testing.id }))).code,
    ).toBe("NOT_FOUND");
  });

  it("edits the profile in both languages and the opening hours, refusing hours that would strand bookings", async () => {
    await as(fx.operator).facility.updateProfile({
      nameEn: "Lab A Pilot Centre",
      nameZh: "甲中试中心",
      contactEmail: "desk@lab-a.example.cn",
    });
    expect((await as(null).facility.get({ slug: "lab-a" })).facility).toMatchObject({
      nameEn: "Lab A Pilot Centre",
      nameZh: "甲中试中心",
    });
    const closedMornings = {
      "0": [["13:00", "17:30"]],
      "1": [["13:00", "17:30"]],
      "2": [["13:00", "17:30"]],
      "3": [["13:00", "17:30"]],
      "4": [["13:00", "17:30"]],
      "5": [],
      "6": [],
    } as never;
    expect(
      (
        await refused(() =>
          as(fx.operator).facility.updateProfile({ openingHours: closedMornings }),
        )
      ).message,
    ).toMatch(/would fall outside the new opening hours: PT-/);
    const bad = {
      "0": [["10:00", "09:00"]],
      "1": [],
      "2": [],
      "3": [],
      "4": [],
      "5": [],
      "6": [],
    } as never;
    expect(
      (await refused(() => as(fx.operator).facility.updateProfile({ openingHours: bad }))).message,
    ).toMatch(/the end must be after the start/);
    expect(
      (await refused(() => as(fx.firmUser).facility.updateProfile({ nameEn: "Mine now" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await refused(() =>
          as(fx.operator).facility.updateProfile({ contactEmail: "not-an-email" }),
        )
      ).message,
    ).toBe("contactEmail: enter a valid email address");
    await as(fx.operator).facility.updateProfile({
      accreditations: [{ type: "CMA", certificateNo: "2027-001", validUntil: NOW + 500 * DAY }],
    });
    expect((await as(null).facility.get({ slug: "lab-a" })).accreditations).toMatchObject([
      { type: "CMA", valid: true },
    ]);
  });
});

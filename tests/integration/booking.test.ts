// The booking path through the API, per mutation: happy path, wrong role, foreign tenant, bad
// input; every refusal leaves the database as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import {
  attachments,
  bookingRequests,
  emailOutbox,
  notifications,
  requestEvents,
  reservations,
} from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { clientMessage } from "@/server/api/errors";
import { expireQuotes } from "@/server/services/booking/expire-quotes";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR, DAY } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
const as = (user: { id: number } | null) => callerFor(db, user?.id ?? null);

beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
});
afterAll(() => setClockForTests(null));

/** Counts of every table but the audit log (which records denials on purpose). */
const counts = () => {
  const { audit_log: _audit, ...rest } = tableCounts(db);
  return rest;
};

/**
 * Runs a call that must be refused; checks the database did not change; returns code and message.
 */
async function refused(call: () => Promise<unknown>) {
  const before = counts();
  const rows = db.select().from(bookingRequests).all();
  try {
    await call();
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    expect(counts()).toEqual(before);
    expect(db.select().from(bookingRequests).all()).toEqual(rows);
    return { code: e.code, message: clientMessage(e) };
  }
  throw new Error("the call was accepted");
}

async function submitted(overrides: Record<string, unknown> = {}) {
  return as(fx.firmUser).request.submit({
    ...requestBody({ equipmentId: fx.reactor.id }),
    ...overrides,
  } as never);
}
async function quoted(overrides: Record<string, unknown> = {}) {
  const r = await submitted();
  await as(fx.operator).request.quote({
    id: r.id,
    equipmentId: fx.reactor.id,
    start: at(1, 9),
    end: at(1, 13),
    units: 1,
    amountFen: 200_000,
    validUntil: NOW + 12 * HOUR,
    ...overrides,
  });
  return r;
}
const statusOf = (id: number) =>
  db.select().from(bookingRequests).where(eq(bookingRequests.id, id)).get()!.status;
const liveReservations = (requestId: number) =>
  db
    .select()
    .from(reservations)
    .all()
    .filter((x) => x.requestId === requestId && x.releasedAt === null);

describe("request.submit", () => {
  it("creates a submitted request with a reference, an event and notices for the facility", async () => {
    const r = await submitted();
    expect(r).toMatchObject({ status: "submitted", ref: expect.stringMatching(/^PT-2027-\d{6}$/) });
    const row = db.select().from(bookingRequests).where(eq(bookingRequests.id, r.id)).get()!;
    expect(row).toMatchObject({
      firmId: fx.firmA.id,
      facilityId: fx.lab.id,
      requesterId: fx.firmUser.id,
    });
    expect(
      db.select().from(requestEvents).where(eq(requestEvents.requestId, r.id)).all(),
    ).toMatchObject([{ fromStatus: null, toStatus: "submitted" }]);
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.requestId, r.id), eq(notifications.userId, fx.operator.id)))
        .all(),
    ).toHaveLength(1);
    expect(
      db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "operator@example.cn")).all()
        .length,
    ).toBeGreaterThan(0);
  });

  it("sends a request without a facility to the hub", async () => {
    const r = await as(fx.firmUser).request.submit(
      requestBody({ requiredParams: [{ key: "volume", min: 500, unit: "L" }] }),
    );
    expect(
      db.select().from(bookingRequests).where(eq(bookingRequests.id, r.id)).get()!.facilityId,
    ).toBeNull();
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.requestId, r.id), eq(notifications.userId, fx.coordinator.id)))
        .all(),
    ).toHaveLength(1);
  });

  it("confirms at once a free preferred slot on auto-approve equipment, and refuses it when taken", async () => {
    const body = requestBody({
      equipmentId: fx.chamber.id,
      serviceType: "testing",
      units: 2,
      preferredStart: at(1, 10),
      hours: 2,
    });
    const r = await as(fx.firmUser).request.submit(body);
    expect(r.status).toBe("confirmed");
    expect(liveReservations(r.id)).toMatchObject([
      { kind: "booking", start: at(1, 10), end: at(1, 12), units: 2 },
    ]);
    const clash = await refused(() => as(fx.firmUserB).request.submit(body));
    expect(clash.code).toBe("CONFLICT");
    expect(clash.message).toMatch(
      /clashes with another booking from 2027-01-05 10:00 to 2027-01-05 12:00/,
    );
    const one = await as(fx.firmUserB).request.submit({ ...body, units: 1 });
    expect(one.status).toBe("confirmed");
  });

  it("is for firm users only", async () => {
    expect((await refused(() => as(fx.operator).request.submit(requestBody()))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refused(() => as(null).request.submit(requestBody()))).code).toBe("UNAUTHORIZED");
  });

  it("names each bad field and writes nothing", async () => {
    expect(
      (await refused(() => as(fx.firmUser).request.submit(requestBody({ deadline: at(1, 0) }))))
        .message,
    ).toBe("deadline: must be after the earliest start");
    expect(
      (
        await refused(() =>
          as(fx.firmUser).request.submit(requestBody({ preferredStart: at(2, 9) })),
        )
      ).message,
    ).toBe("preferredStart: choose the equipment for a preferred slot");
    expect((await refused(() => submitted({ units: 2 }))).message).toBe(
      "units: the equipment has 1 unit",
    );
    expect((await refused(() => submitted({ equipmentId: 99_999 }))).message).toBe(
      "equipmentId: no such shared equipment",
    );
    expect(
      (
        await refused(() =>
          submitted({ serviceId: fx.testing.id, equipmentId: fx.otherReactor.id }),
        )
      ).message,
    ).toBe("serviceId: belongs to another facility than the equipment");
    const many = await refused(() =>
      as(fx.firmUser).request.submit({
        title: "",
        serviceType: "magic",
        earliestStart: "soon",
        deadline: 1,
        hours: 0,
      } as never),
    );
    for (const f of ["title", "serviceType", "earliestStart", "hours"])
      expect(many.message).toContain(`${f}:`);
  });
});

describe("request.quote and request.accept", () => {
  it("places a hold that availability respects, then the firm's accept turns it into a booking", async () => {
    const r = await quoted();
    expect(statusOf(r.id)).toBe("quoted");
    expect(liveReservations(r.id)).toMatchObject([{ kind: "hold", expiresAt: NOW + 12 * HOUR }]);
    const free = await as(null).equipment.availability({
      equipmentId: fx.reactor.id,
      from: at(1, 0),
      to: at(2, 0),
    });
    expect(free.intervals).toEqual(
      [
        // one 30 min setup after the hold: nothing fits before 09:00 (opening is 08:30)
        { start: at(1, 8, 30), end: at(1, 8, 30), freeUnits: 1 },
        { start: at(1, 13, 30), end: at(1, 17, 30), freeUnits: 1 },
      ].filter((i) => i.end > i.start),
    );
    const accepted = await as(fx.firmUserColleague()).request.accept({ id: r.id });
    expect(accepted.status).toBe("confirmed");
    expect(liveReservations(r.id)).toMatchObject([{ kind: "booking", expiresAt: null }]);
  });

  it("refuses slots that break a rule, naming the clash", async () => {
    const r = await submitted();
    const q = (start: number, end: number) => () =>
      as(fx.operator).request.quote({
        id: r.id,
        equipmentId: fx.reactor.id,
        start,
        end,
        units: 1,
        amountFen: 1,
        validUntil: NOW + HOUR,
      });
    expect((await refused(q(at(5, 9), at(5, 13)))).message).toMatch(
      /outside the facility's opening hours/,
    ); // Saturday
    expect((await refused(q(at(0, 13), at(0, 16)))).message).toMatch(
      /starts before 2027-01-05 09:00 \(bookings need 1 days' notice\)/,
    );
    expect((await refused(q(at(1, 8), at(1, 18)))).message).toMatch(
      /it lasts 10 h, longer than the maximum of 9 h/,
    );
    expect((await refused(q(at(1, 9), at(1, 10)))).message).toMatch(
      /shorter than the minimum of 2 h/,
    );
    expect((await refused(q(at(3, 9), at(3, 12)))).message).toMatch(
      /meets a maintenance window from 2027-01-07 08:00 to 2027-01-07 18:00/,
    );
    // the booking of the first test runs 09:00–13:00 on Tuesday; 30 min setup between uses
    expect((await refused(q(at(1, 13, 15), at(1, 16)))).message).toBe(
      "The slot cannot be booked: it clashes with another booking from 2027-01-05 09:00 to 2027-01-05 13:00 (30 min of setup must separate two uses of a unit); the equipment is taken.",
    );
    expect(
      await as(fx.operator).request.quote({
        id: r.id,
        equipmentId: fx.reactor.id,
        start: at(1, 13, 30),
        end: at(1, 16),
        units: 1,
        amountFen: 1,
        validUntil: NOW + HOUR,
      }),
    ).toMatchObject({ status: "quoted" });
  });

  it("is for the request's own facility: other operators get NOT_FOUND, firms FORBIDDEN", async () => {
    const r = await submitted();
    const body = {
      id: r.id,
      equipmentId: fx.reactor.id,
      start: at(4, 9),
      end: at(4, 12),
      units: 1,
      amountFen: 1,
      validUntil: NOW + HOUR,
    };
    expect((await refused(() => as(fx.operatorB).request.quote(body))).code).toBe("NOT_FOUND");
    expect(
      (
        await refused(() =>
          as(fx.operatorB).request.quote({ ...body, equipmentId: fx.otherReactor.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refused(() =>
          as(fx.operator).request.quote({ ...body, equipmentId: fx.otherReactor.id }),
        )
      ).message,
    ).toBe("Equipment not found.");
    expect((await refused(() => as(fx.firmUser).request.quote(body))).code).toBe("FORBIDDEN");
    expect(
      (await refused(() => as(fx.operator).request.quote({ ...body, version: 99 }))).message,
    ).toMatch(/changed by someone else/);
    expect(
      (await refused(() => as(fx.operator).request.quote({ ...body, validUntil: at(4, 10) })))
        .message,
    ).toBe("validUntil: must not be after the slot starts");
    expect(
      (await refused(() => as(fx.operator).request.quote({ ...body, amountFen: -5 }))).message,
    ).toBe("amountFen: must not be negative");
  });

  it("accept is the firm's own: another firm gets NOT_FOUND, the operator FORBIDDEN, a wrong state PRECONDITION_FAILED", async () => {
    const r = await quoted({ start: at(4, 9), end: at(4, 12) });
    expect((await refused(() => as(fx.firmUserB).request.accept({ id: r.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refused(() => as(fx.operator).request.accept({ id: r.id }))).code).toBe(
      "FORBIDDEN",
    );
    const s = await submitted();
    expect(await refused(() => as(fx.firmUser).request.accept({ id: s.id }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "A submitted request cannot become confirmed.",
    });
    await as(fx.firmUser).request.withdraw({ id: r.id });
    expect(liveReservations(r.id)).toEqual([]);
  });

  it("an expired quote stops blocking at once, cannot be accepted, and the sweep marks it expired", async () => {
    const r = await quoted({ start: at(2, 9), end: at(2, 12), validUntil: NOW + 2 * HOUR });
    setClockForTests(NOW + 3 * HOUR);
    try {
      const free = await as(null).equipment.availability({
        equipmentId: fx.reactor.id,
        from: at(2, 9),
        to: at(2, 12),
      });
      expect(free.intervals).toEqual([{ start: at(2, 9), end: at(2, 12), freeUnits: 1 }]);
      const err = await as(fx.firmUser)
        .request.accept({ id: r.id })
        .catch((e: TRPCError) => e);
      expect(err).toBeInstanceOf(TRPCError);
      expect((err as TRPCError).message).toMatch(/expired at 2027-01-04 11:00/);
      expect(statusOf(r.id)).toBe("expired");
      expect(liveReservations(r.id)).toEqual([]);
      const r2 = await quoted({ start: at(4, 13), end: at(4, 16), validUntil: NOW + 4 * HOUR });
      setClockForTests(NOW + 5 * HOUR);
      // r2 and the one-hour quote of the slot-rules test are both past their validity now
      expect(expireQuotes(db)).toBe(2);
      expect(expireQuotes(db)).toBe(0);
      expect(statusOf(r2.id)).toBe("expired");
    } finally {
      setClockForTests(NOW);
    }
  });
});

describe("the other moves", () => {
  it("reject needs a reason and the request's facility; the coordinator rejects unrouted ones", async () => {
    const r = await submitted();
    expect(
      (await refused(() => as(fx.operator).request.reject({ id: r.id, reason: "" }))).message,
    ).toBe("reason: give a reason of at least 3 characters");
    expect(
      (await refused(() => as(fx.firmUser).request.reject({ id: r.id, reason: "nope" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await refused(() => as(fx.operatorB).request.reject({ id: r.id, reason: "nope" }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await as(fx.operator).request.reject({ id: r.id, reason: "Outside our scope" })).status,
    ).toBe("rejected");
    const hub = await as(fx.firmUser).request.submit(requestBody());
    expect(
      (await as(fx.coordinator).request.reject({ id: hub.id, reason: "No facility can do this" }))
        .status,
    ).toBe("rejected");
  });

  it("start and complete; testing needs a report before completion", async () => {
    const r = await as(fx.firmUser).request.submit(
      requestBody({
        equipmentId: fx.chamber.id,
        serviceType: "testing",
        preferredStart: at(1, 14),
        hours: 2,
      }),
    );
    expect((await refused(() => as(fx.operator).request.complete({ id: r.id }))).code).toBe(
      "PRECONDITION_FAILED",
    );
    expect((await refused(() => as(fx.firmUser).request.start({ id: r.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await as(fx.operator).request.start({ id: r.id })).status).toBe("in_progress");
    expect((await refused(() => as(fx.operator).request.complete({ id: r.id }))).message).toMatch(
      /Upload the report before completing/,
    );
    db.insert(attachments)
      .values({
        requestId: r.id,
        uploaderId: fx.operator.id,
        kind: "report",
        fileName: "r.pdf",
        mimeType: "application/pdf",
        size: 1,
        sha256: "x",
        storagePath: "x",
      })
      .run();
    expect((await as(fx.operator).request.complete({ id: r.id })).status).toBe("completed");
    expect(
      (await refused(() => as(fx.firmUser).request.rate({ id: r.id, rating: 6 }))).message,
    ).toBe("rating: rate from 1 to 5");
    expect((await refused(() => as(fx.firmUserB).request.rate({ id: r.id, rating: 5 }))).code).toBe(
      "NOT_FOUND",
    );
    await as(fx.firmUser).request.rate({ id: r.id, rating: 5, comment: "Clear report" });
    expect((await refused(() => as(fx.firmUser).request.rate({ id: r.id, rating: 4 }))).code).toBe(
      "CONFLICT",
    );
  });

  it("cancel by either party releases the booking", async () => {
    const r = await as(fx.firmUser).request.submit(
      requestBody({
        equipmentId: fx.chamber.id,
        serviceType: "testing",
        preferredStart: at(2, 14),
        hours: 2,
        units: 3,
      }),
    );
    expect(
      (await refused(() => as(fx.firmUser).request.cancel({ id: r.id, reason: "x" }))).message,
    ).toBe("reason: give a reason of at least 3 characters");
    expect(
      (await refused(() => as(fx.admin).request.cancel({ id: r.id, reason: "Not needed" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await as(fx.operator).request.cancel({ id: r.id, reason: "Equipment fault" })).status,
    ).toBe("cancelled");
    expect(liveReservations(r.id)).toEqual([]);
    const again = await as(fx.firmUser).request.submit(
      requestBody({
        equipmentId: fx.chamber.id,
        serviceType: "testing",
        preferredStart: at(2, 14),
        hours: 2,
        units: 3,
      }),
    );
    expect(again.status).toBe("confirmed");
    expect(
      (await as(fx.firmUser).request.cancel({ id: again.id, reason: "Samples not ready" })).status,
    ).toBe("cancelled");
    expect(
      (await refused(() => as(fx.firmUser).request.cancel({ id: again.id, reason: "Again" }))).code,
    ).toBe("PRECONDITION_FAILED");
  });

  it("messages go between the two parties only", async () => {
    const r = await submitted();
    await as(fx.firmUser).request.message({ id: r.id, body: "Can you run at 180 °C?" });
    await as(fx.operator).request.message({ id: r.id, body: "Yes." });
    expect(
      (await refused(() => as(fx.operatorB).request.message({ id: r.id, body: "hi" }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await refused(() => as(fx.firmUser).request.message({ id: r.id, body: " " }))).message,
    ).toBe("body: write a message");
    const page = await as(fx.firmUser).request.get({ id: r.id });
    expect(page.messages.map((m) => m.body)).toEqual(["Can you run at 180 °C?", "Yes."]);
  });
});

describe("reading requests", () => {
  it("scopes lists and pages to the caller's firm or facility", async () => {
    const mine = await as(fx.firmUser).request.list({ pageSize: 100 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((i) => i.firmName))).toEqual(new Set(["Firm A"]));
    const theirs = await as(fx.firmUserB).request.list({ pageSize: 100 });
    expect(theirs.items.every((i) => i.firmName === "Firm B")).toBe(true);
    expect(
      (await as(fx.operatorB).request.list({})).items.every((i) => i.facilitySlug === "lab-b"),
    ).toBe(true);
    const all = await as(fx.admin).request.list({ pageSize: 100 });
    expect(all.total).toBe(db.select().from(bookingRequests).all().length);
    const hubInbox = await as(fx.coordinator).request.list({ unrouted: true, status: "submitted" });
    expect(hubInbox.items.every((i) => i.facilitySlug === null)).toBe(true);
    const one = mine.items[0];
    expect((await refused(() => as(fx.firmUserB).request.get({ id: one.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refused(() => as(fx.operatorB).request.get({ id: one.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await as(fx.firmUser).request.get({ id: one.id })).request.ref).toBe(one.ref);
  });

  it("counts unread notifications and marks them read", async () => {
    const before = await as(fx.operator).notification.unreadCount();
    expect(before).toBeGreaterThan(0);
    await as(fx.operator).notification.markRead({});
    expect(await as(fx.operator).notification.unreadCount()).toBe(0);
  });

  it("leaves the scheduling invariant intact", () => {
    expect(findInvariantViolations(db, NOW)).toEqual([]);
    void DAY;
  });
});

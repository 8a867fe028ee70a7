// The waitlist: a firm whose need no slot fits waits in line; when capacity frees in its window the
// first entry whose need now fits is offered a hold (its request quoted at the published price),
// the next in line gets the capacity if that offer lapses, and nobody is offered twice. Times:
// NOW is Monday 2027-01-04 09:00 in Shanghai; the lab opens Mon–Fri 08:30–17:30.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, eq, isNull } from "drizzle-orm";
import { bookingRequests, notifications, reservations, waitlistEntries } from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { expireQuotes } from "@/server/services/booking/expire-quotes";
import { runWaitlist } from "@/server/services/waitlist/offer";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { fieldErrorsOf } from "@/server/api/errors";
import { outcome } from "../helpers/outcome";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
const as = (u: { id: number }) => callerFor(db, u.id);
/** Tuesday, the day everyone wants. */
const tuesday = { windowStart: at(1, 0), windowEnd: at(2, 0) };

async function refused(p: Promise<unknown>) {
  const before = tableCounts(db);
  const e = (await outcome(p)) as TRPCError | null;
  // Nothing changes but the audit of a denial.
  const after = tableCounts(db);
  expect(Object.keys(after).filter((k) => after[k] !== before[k] && k !== "audit_log")).toEqual([]);
  if (!e) return "OK";
  const fields = fieldErrorsOf(e);
  return fields ? `${e.code}: ${JSON.stringify(fields)}` : `${e.code}: ${e.message}`;
}

/** A request on the chamber that waits for a quote (no preferred slot). */
async function chamberRequest(user: { id: number }, hours: number, units: number) {
  setClockForTests(NOW);
  return (
    await as(user).request.submit(
      requestBody({
        equipmentId: fx.chamber.id,
        serviceType: "testing",
        earliestStart: at(1, 0),
        deadline: at(2, 0),
        hours,
        units,
      }),
    )
  ).id;
}

const entryOf = (requestId: number) =>
  db.select().from(waitlistEntries).where(eq(waitlistEntries.requestId, requestId)).get()!;
const liveHolds = (requestId: number) =>
  db
    .select()
    .from(reservations)
    .where(and(eq(reservations.requestId, requestId), isNull(reservations.releasedAt)))
    .all();
const requestRow = (id: number) =>
  db.select().from(bookingRequests).where(eq(bookingRequests.id, id)).get()!;

let blocker: number;
let first: number;
let second: number;

beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
  // Tuesday is fully booked on the chamber: all three units all day.
  blocker = (
    await as(fx.firmUserB).request.submit(
      requestBody({
        equipmentId: fx.chamber.id,
        serviceType: "testing",
        preferredStart: at(1, 8, 30),
        hours: 9,
        units: 3,
      }),
    )
  ).id;
  expect(requestRow(blocker).status).toBe("confirmed");
});
afterAll(() => setClockForTests(null));

describe("waitlist", () => {
  it("lets firms join in line when nothing fits, and shows each its place", async () => {
    first = await chamberRequest(fx.firmUser, 6, 2);
    second = await chamberRequest(fx.firmUserB, 4, 2);
    const a = await as(fx.firmUser).waitlist.join({
      requestId: first,
      ...tuesday,
      hours: 6,
      units: 2,
    });
    expect(a).toMatchObject({ status: "waiting", equipmentId: fx.chamber.id, hours: 6 });
    await as(fx.firmUserB).waitlist.join({ requestId: second, ...tuesday, hours: 4, units: 2 });
    expect(await as(fx.firmUser).waitlist.ofRequest({ requestId: first })).toMatchObject({
      place: 1,
    });
    expect(await as(fx.firmUserB).waitlist.ofRequest({ requestId: second })).toMatchObject({
      place: 2,
    });
    // the operator sees the chamber's line; another facility's operator sees none of it
    const line = await as(fx.operator).waitlist.facility();
    expect(line.map((e) => [e.ref, e.place, e.firmName])).toEqual([
      [requestRow(first).ref, 1, expect.any(String)],
      [requestRow(second).ref, 2, expect.any(String)],
    ]);
    expect(await as(fx.operatorB).waitlist.facility()).toEqual([]);
  });

  it("refuses an impossible window, a slot that fits now, a second entry and others' requests, changing nothing", async () => {
    const r = await chamberRequest(fx.firmUser, 2, 1);
    const join = (extra: Record<string, unknown>) =>
      as(fx.firmUser).waitlist.join({ requestId: r, ...tuesday, hours: 2, units: 1, ...extra });
    expect(await refused(join({ windowEnd: at(1, 0) }))).toBe(
      'BAD_REQUEST: {"windowEnd":"must be after start"}',
    );
    expect(await refused(join({ windowEnd: at(1, 1) }))).toBe(
      'BAD_REQUEST: {"hours":"The window is shorter than the hours you need."}',
    );
    expect(await refused(join({ windowStart: at(-3, 0), windowEnd: at(0, 1) }))).toBe(
      'BAD_REQUEST: {"windowEnd":"The window ends too soon: the hours you need no longer fit in it."}',
    );
    expect(await refused(join({ windowEnd: at(100, 0) }))).toBe(
      'BAD_REQUEST: {"windowEnd":"the window may be at most 90 days"}',
    );
    expect(await refused(join({ units: 4 }))).toBe(
      'BAD_REQUEST: {"units":"the equipment has 3 units"}',
    );
    expect(await refused(join({ hours: 10 }))).toBe(
      'BAD_REQUEST: {"hours":"This equipment takes bookings of 1 to 9 hours."}',
    );
    // Wednesday is free: book it instead
    expect(await refused(join({ windowStart: at(2, 0), windowEnd: at(3, 0) }))).toBe(
      "CONFLICT: A slot fits now, from 2027-01-06 08:30 to 2027-01-06 10:30: book it instead of waiting.",
    );
    expect(
      await refused(
        as(fx.firmUser).waitlist.join({ requestId: first, ...tuesday, hours: 6, units: 2 }),
      ),
    ).toMatch(/^CONFLICT: PT-\d{4}-\d{6} has already been on the waitlist/);
    // another firm's request and entry are not found; operators do not join
    expect(
      await refused(
        as(fx.firmUserB).waitlist.join({ requestId: r, ...tuesday, hours: 2, units: 1 }),
      ),
    ).toBe("NOT_FOUND: Request not found.");
    expect(await refused(as(fx.firmUserB).waitlist.leave({ entryId: entryOf(first).id }))).toBe(
      "NOT_FOUND: Waitlist place not found.",
    );
    expect(await refused(as(fx.firmUserB).waitlist.ofRequest({ requestId: first }))).toBe(
      "NOT_FOUND: Request not found.",
    );
    expect(
      await refused(
        as(fx.operator).waitlist.join({ requestId: r, ...tuesday, hours: 2, units: 1 }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(await refused(as(fx.firmUser).waitlist.facility())).toMatch(/^FORBIDDEN/);
  });

  it("offers freed capacity to the first in line it fits, in the freeing transaction, at the published price", async () => {
    setClockForTests(NOW + HOUR); // Monday 10:00
    await as(fx.firmUserB).request.cancel({ id: blocker, reason: "Samples not ready" });
    // first in line: 6 h of 2 units from Tuesday's opening, held until the slot starts
    const offered = requestRow(first);
    expect(offered).toMatchObject({
      status: "quoted",
      quoteStart: at(1, 8, 30),
      quoteEnd: at(1, 14, 30),
      quoteUnits: 2,
      quoteValidUntil: at(1, 8, 30),
    });
    expect(offered.quoteAmountFen).toBeGreaterThan(0);
    expect(liveHolds(first)).toMatchObject([{ kind: "hold", units: 2, expiresAt: at(1, 8, 30) }]);
    expect(entryOf(first)).toMatchObject({ status: "offered", offerStart: at(1, 8, 30) });
    const told = db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.requestId, first), eq(notifications.kind, "request.waitlist_offer")),
      )
      .all();
    expect(told.map((n) => n.userId)).toEqual([fx.firmUser.id]);
    expect(told[0].body).toContain("held for you until 2027-01-05 08:30");
    // the second needs 2 units for 4 h: one unit is left beside the hold, so it still waits
    expect(entryOf(second).status).toBe("waiting");
    expect(await as(fx.firmUserB).waitlist.ofRequest({ requestId: second })).toMatchObject({
      place: 1,
    });
    expect(findInvariantViolations(db)).toEqual([]);
    // nothing more to do: the job takes no write lock
    expect(runWaitlist(db, NOW + 2 * HOUR)).toBe(0);
  });

  it("moves on to the next in line when an offer lapses, and never offers one entry twice", async () => {
    const lapse = at(1, 8, 31);
    setClockForTests(lapse);
    expireQuotes(db, lapse);
    expect(requestRow(first).status).toBe("expired");
    expect(entryOf(first)).toMatchObject({ status: "lapsed" });
    // from two hours on, so that the firm has time to answer; held until the slot starts
    expect(entryOf(second)).toMatchObject({ status: "offered", offerStart: at(1, 10, 31) });
    expect(requestRow(second)).toMatchObject({
      status: "quoted",
      quoteEnd: at(1, 14, 31),
      quoteValidUntil: at(1, 10, 31),
    });
    expect(findInvariantViolations(db)).toEqual([]);
    // the second accepts: booked; the lapsed first is not offered again
    await as(fx.firmUserB).request.accept({ id: second });
    runWaitlist(db, lapse + 60_000);
    expect(entryOf(second).status).toBe("booked");
    expect(entryOf(first).status).toBe("lapsed");
    expect(liveHolds(first)).toEqual([]);
    expect(await refused(as(fx.firmUserB).waitlist.leave({ entryId: entryOf(second).id }))).toMatch(
      /^PRECONDITION_FAILED: This place is no longer in line \(booked\)/,
    );
  });

  it("lets a firm leave the line, and closes an entry whose request moved on or whose window passed", async () => {
    setClockForTests(NOW);
    const block = (
      await as(fx.firmUserB).request.submit(
        requestBody({
          equipmentId: fx.chamber.id,
          serviceType: "testing",
          preferredStart: at(7, 8, 30),
          hours: 9,
          units: 3,
          deadline: at(12, 0),
        }),
      )
    ).id;
    expect(requestRow(block).status).toBe("confirmed");
    const wait = async (hours: number) => {
      const id = (
        await as(fx.firmUser).request.submit(
          requestBody({
            equipmentId: fx.chamber.id,
            serviceType: "testing",
            earliestStart: at(7, 0),
            deadline: at(8, 0),
            hours,
            units: 1,
          }),
        )
      ).id;
      await as(fx.firmUser).waitlist.join({
        requestId: id,
        windowStart: at(7, 0),
        windowEnd: at(8, 0),
        hours,
        units: 1,
      });
      return id;
    };
    const leaving = await wait(2);
    const movedOn = await wait(3);
    const passing = await wait(4);
    expect(await as(fx.firmUser).waitlist.leave({ entryId: entryOf(leaving).id })).toMatchObject({
      status: "closed",
    });
    await as(fx.firmUser).request.withdraw({ id: movedOn });
    expect(entryOf(movedOn)).toMatchObject({ status: "closed", closeReason: "movedOn" });
    runWaitlist(db, at(7, 21));
    expect(entryOf(passing)).toMatchObject({ status: "closed", closeReason: "windowPassed" });
    expect(entryOf(leaving)).toMatchObject({ status: "closed", closeReason: "left" });
    // the line the operator sees holds none of them
    expect((await as(fx.operator).waitlist.facility()).map((e) => e.requestId)).toEqual([]);
  });

  it("offers a hub need the first matching equipment that frees up, routing the request there", async () => {
    setClockForTests(NOW);
    const thursday = { windowStart: at(3, 0), windowEnd: at(4, 0) };
    const block = (
      await as(fx.firmUserB).request.submit(
        requestBody({
          equipmentId: fx.chamber.id,
          serviceType: "testing",
          preferredStart: at(3, 8, 30),
          hours: 9,
          units: 3,
        }),
      )
    ).id;
    const need = await as(fx.firmUser).request.submit(
      requestBody({
        serviceType: "testing",
        equipmentCategory: "climate_chamber",
        earliestStart: thursday.windowStart,
        deadline: thursday.windowEnd,
        hours: 2,
      }),
    );
    expect(requestRow(need.id).facilityId).toBeNull();
    await as(fx.firmUser).waitlist.join({ requestId: need.id, ...thursday, hours: 2, units: 1 });
    // the hub's coordinator sees the need in line; the lab's operator does not yet
    expect((await as(fx.coordinator).waitlist.facility()).map((e) => e.requestId)).toEqual([
      need.id,
    ]);
    expect((await as(fx.operator).waitlist.facility()).map((e) => e.requestId)).toEqual([]);
    await as(fx.firmUserB).request.cancel({ id: block, reason: "Line stopped" });
    expect(requestRow(need.id)).toMatchObject({
      status: "quoted",
      facilityId: fx.lab.id,
      quoteEquipmentId: fx.chamber.id,
      quoteStart: at(3, 8, 30),
      quoteEnd: at(3, 10, 30),
    });
    expect(entryOf(need.id).status).toBe("offered");
    expect(findInvariantViolations(db)).toEqual([]);
  });

  it("offers what removed maintenance and a closed fault give back", async () => {
    setClockForTests(NOW);
    // The reactor is in maintenance all Thursday.
    const thursday = { windowStart: at(3, 0), windowEnd: at(4, 0) };
    const onReactor = (
      await as(fx.firmUser).request.submit(
        requestBody({
          equipmentId: fx.reactor.id,
          ...{ earliestStart: at(3, 0), deadline: at(4, 0) },
        }),
      )
    ).id;
    await as(fx.firmUser).waitlist.join({ requestId: onReactor, ...thursday, hours: 4, units: 1 });
    await as(fx.operator).maintenance.remove({ id: fx.maintenance.id });
    expect(entryOf(onReactor).status).toBe("offered");
    expect(requestRow(onReactor)).toMatchObject({ status: "quoted", quoteStart: at(3, 8, 30) });

    // The other lab's reactor is down: a firm waits; closing the fault offers it the slot.
    const fault = await as(fx.operatorB).fault.report({
      equipmentId: fx.otherReactor.id,
      description: "Agitator seal leaking",
    });
    const onOther = (
      await as(fx.firmUserB).request.submit(
        requestBody({
          equipmentId: fx.otherReactor.id,
          earliestStart: at(8, 0),
          deadline: at(9, 0),
        }),
      )
    ).id;
    await as(fx.firmUserB).waitlist.join({
      requestId: onOther,
      windowStart: at(8, 0),
      windowEnd: at(9, 0),
      hours: 4,
      units: 1,
    });
    expect(entryOf(onOther).status).toBe("waiting");
    await as(fx.operatorB).fault.close({ id: fault.id, repairNote: "Seal replaced" });
    expect(entryOf(onOther).status).toBe("offered");
    expect(findInvariantViolations(db)).toEqual([]);
  });
});

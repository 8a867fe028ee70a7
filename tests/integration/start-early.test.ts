// Work starts from the facility's early-start time before the slot (default an hour, set in the
// profile); earlier needs an explicit reason, recorded in the timeline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { setClockForTests } from "@/server/services/clock";
import { clientMessage } from "@/server/api/errors";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  fx = await makeBookingFixture(db);
});
afterAll(() => setClockForTests(null));

const refused = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: TRPCError) => e,
  );

describe("request.start", () => {
  it("waits for the early-start time, or takes a reason; the profile sets the time", async () => {
    setClockForTests(NOW);
    const op = callerFor(db, fx.operator.id);
    const firm = callerFor(db, fx.firmUser.id);
    expect((await refused(op.facility.updateProfile({ earlyStartMinutes: -5 })))?.code).toBe(
      "BAD_REQUEST",
    );
    await op.facility.updateProfile({ earlyStartMinutes: 60 });
    const booked = await firm.request.submit(
      requestBody({
        equipmentId: fx.chamber.id,
        serviceType: "testing",
        preferredStart: at(1, 9),
        hours: 2,
      }),
    );
    expect(booked.status).toBe("confirmed");

    const before = tableCounts(db);
    const early = await refused(op.request.start({ id: booked.id }));
    expect(early?.code).toBe("PRECONDITION_FAILED");
    expect(clientMessage(early!)).toBe(
      `${booked.ref} is booked from 2027-01-05 09:00; work can start from 2027-01-05 08:00. ` +
        "To start earlier, give a reason.",
    );
    expect((await refused(op.request.start({ id: booked.id, earlyReason: "x" })))?.code).toBe(
      "BAD_REQUEST",
    );
    expect(
      (await refused(firm.request.start({ id: booked.id, earlyReason: "Why not" })))?.code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await refused(
          callerFor(db, fx.operatorB.id).request.start({ id: booked.id, earlyReason: "Why not" }),
        )
      )?.code,
    ).toBe("NOT_FOUND");
    const { audit_log: _a, ...now } = tableCounts(db);
    const { audit_log: _b, ...then } = before;
    expect(now).toEqual(then);

    await op.request.start({ id: booked.id, earlyReason: "Samples arrived a day early" });
    const page = await op.request.get({ id: booked.id });
    expect(page.request.status).toBe("in_progress");
    expect(page.events.at(-1)).toMatchObject({
      toStatus: "in_progress",
      noteCode: "startedEarly",
      noteParams: { reason: "Samples arrived a day early" },
    });

    const next = await firm.request.submit(
      requestBody({
        equipmentId: fx.chamber.id,
        serviceType: "testing",
        preferredStart: at(1, 12),
        hours: 2,
      }),
    );
    setClockForTests(at(1, 11));
    await op.request.start({ id: next.id });
    expect((await op.request.get({ id: next.id })).events.at(-1)?.noteCode ?? null).toBeNull();
  });
});

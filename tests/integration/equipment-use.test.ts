// Check-in and check-out: the facility records a booking's actual start, end and units; the page
// shows how they differ from the slot; a slot that ended with nothing recorded is a no-show; a use
// never takes more units at once than the equipment has; bad times are refused by field.
import { beforeAll, describe, expect, it } from "vitest";
import { setClockForTests } from "@/server/services/clock";
import { fieldRefusalsOf } from "@/server/api/errors";
import { outcome } from "../helpers/outcome";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
});

/** A confirmed booking of the reactor (1 unit) on `day` from `hour`, two hours long. */
async function booked(day: number, hour: number) {
  const firm = callerFor(db, fx.firmUser.id);
  const op = callerFor(db, fx.operator.id);
  const r = await firm.request.submit(requestBody({ facilityId: fx.lab.id, hours: 2 }));
  await op.request.quote({
    id: r.id,
    equipmentId: fx.reactor.id,
    start: at(day, hour),
    end: at(day, hour + 2),
    units: 1,
    amountFen: 100_000,
    validUntil: NOW + HOUR,
  });
  await firm.request.accept({ id: r.id });
  return r.id;
}

describe("check-in and check-out", () => {
  it("records the actual use and shows how it differs from the slot", async () => {
    const id = await booked(1, 9);
    const op = callerFor(db, fx.operator.id);
    setClockForTests(at(1, 9, 20));
    await op.equipmentUse.checkIn({ id, start: at(1, 9, 15) });
    const twice = await outcome(op.equipmentUse.checkIn({ id, start: at(1, 9, 16) }));
    expect(twice?.code).toBe("CONFLICT");
    setClockForTests(at(1, 12));
    const before = tableCounts(db);
    const backwards = await outcome(op.equipmentUse.checkOut({ id, end: at(1, 9) }));
    expect(fieldRefusalsOf(backwards!)).toHaveProperty("end");
    const ahead = await outcome(op.equipmentUse.checkOut({ id, end: at(1, 13) }));
    expect(fieldRefusalsOf(ahead!)).toHaveProperty("end");
    expect(tableCounts(db)).toEqual(before);
    await op.equipmentUse.checkOut({ id, end: at(1, 11, 45) });
    const seen = await callerFor(db, fx.firmUser.id).request.get({ id });
    // Began 15 min late, ran 2 h 30 min: 30 min longer than the 2 h slot.
    expect(seen.use.uses).toEqual([
      expect.objectContaining({ units: 1, startDeltaMin: 15, lengthDeltaMin: 30 }),
    ]);
    expect(seen.use.noShow).toBe(false);
    setClockForTests(NOW);
  });

  it("records a whole use at once, and never more units at a moment than the equipment has", async () => {
    const a = await booked(2, 9);
    const b = await booked(2, 13);
    const op = callerFor(db, fx.operator.id);
    setClockForTests(at(2, 20));
    await op.equipmentUse.checkIn({ id: a, start: at(2, 9), end: at(2, 11) });
    // The reactor has one unit: a use of b overlapping a's is refused, nothing written.
    const before = tableCounts(db);
    const clash = await outcome(
      op.equipmentUse.checkIn({ id: b, start: at(2, 10, 30), end: at(2, 13) }),
    );
    expect(fieldRefusalsOf(clash!)).toHaveProperty("start");
    const tooMany = await outcome(op.equipmentUse.checkIn({ id: b, start: at(2, 13), units: 2 }));
    expect(fieldRefusalsOf(tooMany!)).toHaveProperty("units");
    const backwards = await outcome(
      op.equipmentUse.checkIn({ id: b, start: at(2, 13), end: at(2, 12) }),
    );
    expect(fieldRefusalsOf(backwards!)).toHaveProperty("end");
    expect(tableCounts(db)).toEqual(before);
    // Back to back is fine: a ended at 11:00.
    await op.equipmentUse.checkIn({ id: b, start: at(2, 11), end: at(2, 15) });
    setClockForTests(NOW);
  });

  it("flags a booking whose slot ended with no use recorded as a no-show", async () => {
    const id = await booked(4, 9);
    setClockForTests(at(4, 12));
    const seen = await callerFor(db, fx.firmUser.id).request.get({ id });
    expect(seen.use.noShow).toBe(true);
    setClockForTests(NOW);
  });

  it("only the facility's own staff record use; others do not find the request", async () => {
    const id = await booked(7, 9);
    setClockForTests(at(7, 10));
    const call = (userId: number) =>
      outcome(callerFor(db, userId).equipmentUse.checkIn({ id, start: at(7, 9) }));
    expect((await call(fx.firmUser.id))?.code).toBe("FORBIDDEN");
    expect((await call(fx.admin.id))?.code).toBe("FORBIDDEN");
    expect((await call(fx.operatorB.id))?.code).toBe("NOT_FOUND");
    const early = await outcome(
      callerFor(db, fx.operator.id).equipmentUse.checkIn({ id, start: at(7, 11) }),
    );
    expect(fieldRefusalsOf(early!)).toHaveProperty("start");
    // A request without a booking has no use to record.
    const submitted = await callerFor(db, fx.firmUser.id).request.submit(
      requestBody({ facilityId: fx.lab.id }),
    );
    const none = await outcome(
      callerFor(db, fx.operator.id).equipmentUse.checkIn({ id: submitted.id, start: at(7, 9) }),
    );
    expect(none?.code).toBe("PRECONDITION_FAILED");
    setClockForTests(NOW);
  });

  it("records in-house use that blocks capacity, at any hour, but never over a booking", async () => {
    const op = callerFor(db, fx.operator.id);
    const inHouse = (o: Record<string, unknown> = {}) =>
      op.equipmentUse.recordInHouse({
        equipmentId: fx.reactor.id,
        start: at(8, 10),
        end: at(8, 12),
        units: 1,
        purpose: "method_development",
        person: "Dr Li Wei",
        ...o,
      });
    await inHouse();
    // A firm asking for that time on the reactor is refused: the in-house use blocks it.
    const firm = callerFor(db, fx.firmUser.id);
    const r = await firm.request.submit(requestBody({ facilityId: fx.lab.id, hours: 2 }));
    const quote = await outcome(
      op.request.quote({
        id: r.id,
        equipmentId: fx.reactor.id,
        start: at(8, 10),
        end: at(8, 12),
        units: 1,
        amountFen: 1,
        validUntil: NOW + HOUR,
      }),
    );
    expect(quote?.code).toBe("CONFLICT");
    // Last night, outside opening hours, recorded afterwards: fine.
    await inHouse({ start: at(-1, 22), end: at(0, 2), purpose: "research" });
    const before = tableCounts(db);
    // Over the booking of day 7, 09:00–11:00 (made above): refused by field, nothing written.
    const over = await outcome(inHouse({ start: at(7, 10), end: at(7, 12) }));
    expect(fieldRefusalsOf(over!)).toHaveProperty("start");
    const backwards = await outcome(inHouse({ start: at(9, 12), end: at(9, 10) }));
    expect(fieldRefusalsOf(backwards!)).toHaveProperty("end");
    const units = await outcome(inHouse({ start: at(9, 10), end: at(9, 11), units: 2 }));
    expect(fieldRefusalsOf(units!)).toHaveProperty("units");
    const purpose = await outcome(inHouse({ start: at(9, 10), purpose: "party" }));
    expect(fieldRefusalsOf(purpose!)).toHaveProperty("purpose");
    const nobody = await outcome(inHouse({ start: at(9, 10), person: " " }));
    expect(fieldRefusalsOf(nobody!)).toHaveProperty("person");
    expect(tableCounts(db)).toEqual(before);
    const other = await outcome(
      callerFor(db, fx.operatorB.id).equipmentUse.recordInHouse({
        equipmentId: fx.reactor.id,
        start: at(9, 10),
        end: at(9, 11),
        units: 1,
        purpose: "research",
        person: "Someone else",
      }),
    );
    expect(other?.code).toBe("NOT_FOUND");
    const asFirm = await outcome(
      firm.equipmentUse.recordInHouse({
        equipmentId: fx.reactor.id,
        start: at(9, 10),
        end: at(9, 11),
        units: 1,
        purpose: "research",
        person: "A firm user",
      }),
    );
    expect(asFirm?.code).toBe("FORBIDDEN");
  });
});

// Fault reports: the equipment goes down (not bookable, said on its public page), the affected
// bookings are listed with the facility's other slots and the hub's alternatives, the operator
// moves one and hands another to the hub, and closing the report records the repair time. Bad
// input, wrong roles and other facilities change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setClockForTests } from "@/server/services/clock";
import { fieldRefusalsOf } from "@/server/api/errors";
import {
  bookingRequests,
  equipment,
  notifications,
  reservations,
  serviceEquipment,
} from "@/db/schema";
import { outcome } from "../helpers/outcome";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
let chamber2: typeof equipment.$inferSelect;
beforeAll(async () => {
  fx = await makeBookingFixture(db);
  chamber2 = db
    .insert(equipment)
    .values({
      facilityId: fx.lab.id,
      name: "Climate chamber 2",
      category: "climate_chamber",
      units: 3,
      leadDays: 0,
      minHours: 1,
      maxHours: 9,
      hourlyRateFen: 50_000,
    })
    .returning()
    .get();
  db.insert(serviceEquipment).values({ serviceId: fx.testing.id, equipmentId: chamber2.id }).run();
  setClockForTests(NOW);
});

/** A confirmed two-hour climate test on the first chamber, `day` days ahead from `hour`. */
async function bookedTest(day: number, hour: number) {
  const firm = callerFor(db, fx.firmUser.id);
  const op = callerFor(db, fx.operator.id);
  const r = await firm.request.submit(
    requestBody({
      facilityId: fx.lab.id,
      serviceId: fx.testing.id,
      serviceType: "testing",
      title: "Climate test",
      hours: 2,
    }),
  );
  await op.request.quote({
    id: r.id,
    equipmentId: fx.chamber.id,
    start: at(day, hour),
    end: at(day, hour + 2),
    units: 1,
    amountFen: 100_000,
    validUntil: NOW + HOUR,
  });
  await firm.request.accept({ id: r.id });
  return r.id;
}

describe("fault reports", () => {
  it("refuses bad input by field and changes nothing", async () => {
    const op = callerFor(db, fx.operator.id);
    const retired = db
      .insert(equipment)
      .values({
        facilityId: fx.lab.id,
        name: "Old oven",
        category: "oven",
        status: "retired",
        hourlyRateFen: 1,
      })
      .returning()
      .get();
    const before = tableCounts(db);
    const short = await outcome(op.fault.report({ equipmentId: fx.chamber.id, description: "x" }));
    expect(fieldRefusalsOf(short!)).toHaveProperty("description");
    const past = await outcome(
      op.fault.report({
        equipmentId: fx.chamber.id,
        description: "Fan broken",
        expectedBackAt: NOW - HOUR,
      }),
    );
    expect(fieldRefusalsOf(past!)).toHaveProperty("expectedBackAt");
    const onRetired = await outcome(
      op.fault.report({ equipmentId: retired.id, description: "Broken" }),
    );
    expect(fieldRefusalsOf(onRetired!)).toEqual({ equipmentId: expect.any(Object) });
    expect(tableCounts(db)).toEqual(before);
  });

  it("is the facility's own: a firm is FORBIDDEN, another facility gets NOT_FOUND", async () => {
    const { audit_log: _a, ...before } = tableCounts(db);
    const firm = callerFor(db, fx.firmUser.id);
    expect(
      (await outcome(firm.fault.report({ equipmentId: fx.chamber.id, description: "Broken" })))!
        .code,
    ).toBe("FORBIDDEN");
    const other = callerFor(db, fx.operatorB.id);
    expect(
      (await outcome(other.fault.report({ equipmentId: fx.chamber.id, description: "Broken" })))!
        .code,
    ).toBe("NOT_FOUND");
    const { audit_log: _b, ...after } = tableCounts(db);
    expect(after).toEqual(before);
  });

  it("takes the equipment down, lists the affected bookings with alternatives, moves one, hands one to the hub and records the repair", async () => {
    const op = callerFor(db, fx.operator.id);
    const firm = callerFor(db, fx.firmUser.id);
    const moved = await bookedTest(2, 9);
    const handed = await bookedTest(3, 9);
    const fault = await op.fault.report({
      equipmentId: fx.chamber.id,
      description: "Compressor failed",
      expectedBackAt: at(20, 9),
    });
    // Down: not bookable, said publicly, and a second report is refused.
    const page = await callerFor(db, fx.firmUser.id).equipment.get({ id: fx.chamber.id });
    expect(page.status).toBe("down");
    expect(page.fault).toEqual({ since: NOW, expectedBackAt: at(20, 9) });
    expect(
      (await outcome(op.fault.report({ equipmentId: fx.chamber.id, description: "Again" })))!.code,
    ).toBe("CONFLICT");
    const editWhileDown = await outcome(
      op.equipment.update({ id: fx.chamber.id, status: "operational" }),
    );
    expect(editWhileDown!.code).toBe("PRECONDITION_FAILED");
    // Nothing runs on it: in-house use after the report is refused by field.
    const inHouseOnDown = await outcome(
      op.equipmentUse.recordInHouse({
        equipmentId: fx.chamber.id,
        start: at(5, 9),
        end: at(5, 11),
        units: 1,
        purpose: "research",
        person: "Dr Li Wei",
      }),
    );
    expect(fieldRefusalsOf(inHouseOnDown!)).toHaveProperty("start");
    const quoteOnDown = await outcome(
      firm.request.submit(
        requestBody({
          facilityId: fx.lab.id,
          equipmentId: fx.chamber.id,
          preferredStart: at(4, 9),
          hours: 2,
        }),
      ),
    );
    expect(quoteOnDown!.code).toBe("PRECONDITION_FAILED");

    const impact = await op.fault.impact({ id: fault.id });
    expect(impact.affected.map((a) => a.requestId)).toEqual([moved, handed]);
    const first = impact.affected[0];
    // The other chamber performs the service and is free at once; the same chamber once back.
    expect(first.facilityOptions.map((o) => o.equipmentId)).toEqual([chamber2.id, fx.chamber.id]);
    expect(first.facilityOptions[1].slot.start).toBeGreaterThanOrEqual(at(20, 9));
    expect(first.facilityOptions[0].slot.end - first.facilityOptions[0].slot.start).toBe(2 * HOUR);
    expect(Array.isArray(first.hubOptions)).toBe(true);

    // Move the first to the other chamber: the firm accepts the proposal.
    const option = first.facilityOptions[0];
    await op.request.proposeReschedule({
      id: moved,
      equipmentId: option.equipmentId,
      start: option.slot.start,
      end: option.slot.end,
      validUntil: option.slot.start,
    });
    await firm.request.acceptReschedule({ id: moved });
    expect(
      db.select().from(bookingRequests).where(eq(bookingRequests.id, moved)).get()!
        .quoteEquipmentId,
    ).toBe(chamber2.id);

    // The down chamber takes a proposal only from its expected return on.
    const onceBack = impact.affected[1].facilityOptions.find(
      (o) => o.equipmentId === fx.chamber.id,
    )!;
    const tooEarly = await outcome(
      op.request.proposeReschedule({
        id: handed,
        equipmentId: fx.chamber.id,
        start: at(4, 9),
        end: at(4, 11),
        validUntil: NOW + HOUR,
      }),
    );
    expect(tooEarly!.code).toBe("PRECONDITION_FAILED");
    await op.request.proposeReschedule({
      id: handed,
      equipmentId: fx.chamber.id,
      start: onceBack.slot.start,
      end: onceBack.slot.end,
      validUntil: NOW + HOUR,
    });

    // Hand the second to the hub: released, back to "submitted" with no facility, hub told.
    expect((await outcome(firm.fault.handToHub({ id: handed })))!.code).toBe("FORBIDDEN");
    expect(
      (await outcome(callerFor(db, fx.operatorB.id).fault.handToHub({ id: handed })))!.code,
    ).toBe("NOT_FOUND");
    const beforeNotes = db.select().from(notifications).all().length;
    await op.fault.handToHub({ id: handed });
    const r = db.select().from(bookingRequests).where(eq(bookingRequests.id, handed)).get()!;
    expect([r.status, r.facilityId, r.quoteStart, r.confirmedAt]).toEqual([
      "submitted",
      null,
      null,
      null,
    ]);
    expect(
      db
        .select()
        .from(reservations)
        .where(eq(reservations.requestId, handed))
        .all()
        .every((x) => x.releasedAt !== null),
    ).toBe(true);
    const told = db.select().from(notifications).all().slice(beforeNotes);
    expect(told.map((n) => n.userId).sort()).toEqual([fx.coordinator.id, fx.firmUser.id].sort());
    expect((await op.fault.impact({ id: fault.id })).affected).toEqual([]);
    // A request the fault does not affect cannot be handed over.
    const unaffected = await outcome(op.fault.handToHub({ id: moved }));
    expect(unaffected!.code).toBe("PRECONDITION_FAILED");

    // Closing records the repair time and makes the chamber bookable again.
    setClockForTests(NOW + 5 * HOUR);
    const closed = await op.fault.close({ id: fault.id, repairNote: "Compressor replaced" });
    expect(closed.repairMs).toBe(5 * HOUR);
    expect(db.select().from(equipment).where(eq(equipment.id, fx.chamber.id)).get()!.status).toBe(
      "operational",
    );
    expect((await outcome(op.fault.close({ id: fault.id })))!.code).toBe("PRECONDITION_FAILED");
    const list = await op.fault.list();
    expect(list[0]).toMatchObject({
      id: fault.id,
      closedAt: NOW + 5 * HOUR,
      repairNote: "Compressor replaced",
    });
    setClockForTests(NOW);
  });
});

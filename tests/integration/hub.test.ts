// The hub: matching with explanations, routing and reassigning.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import {
  accreditations,
  bookingRequests,
  emailOutbox,
  equipmentParams,
  notifications,
} from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { freshDb, callerFor } from "../helpers/test-db";
import { refusalChecker } from "../helpers/refusal";
import { makeBookingFixture, requestBody, at, NOW, DAY } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
const as = (u: { id: number } | null) => callerFor(db, u?.id ?? null);

beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
  db.insert(equipmentParams)
    .values([
      { equipmentId: fx.reactor.id, key: "volume", unit: "L", min: 50, max: 500 },
      { equipmentId: fx.chamber.id, key: "temperature", unit: "°C", min: -40, max: 150 },
    ])
    .run();
});
afterAll(() => setClockForTests(null));

const refused = refusalChecker(db);

const ask = (over: Record<string, unknown> = {}) => ({
  serviceType: "testing" as const,
  earliestStart: at(1, 0),
  deadline: at(10, 0),
  hours: 2,
  ...over,
});

describe("hub.matches", () => {
  it("suggests only equipment of the kind a need names, and says so", async () => {
    const pilot = ask({ hours: 2 });
    const any = await as(fx.coordinator).hub.matches(pilot);
    const kinds = await as(fx.coordinator).hub.matches({ ...pilot, category: "climate_chamber" });
    expect(any.candidates.length + any.nearMisses.length).toBeGreaterThan(0);
    for (const c of [...kinds.candidates, ...kinds.nearMisses]) {
      expect(c.equipment.id).toBe(fx.chamber.id);
      expect(c.checks[0]).toMatchObject({ requirement: "category", met: true });
    }
    expect(
      (await refused(() => as(fx.coordinator).hub.matches({ ...pilot, category: "Reactors!" })))
        .message,
    ).toMatch(/^category: choose a kind of equipment from the list/);
    const r = await as(fx.firmUser).request.submit(
      requestBody({ equipmentCategory: "jacketed_reactor" }),
    );
    expect((await as(fx.firmUser).request.get({ id: r.id })).request.equipmentCategory).toBe(
      "jacketed_reactor",
    );
  });

  it("ranks feasible equipment by earliest start and explains every requirement", async () => {
    const r = await as(fx.coordinator).hub.matches(
      ask({ requiredParams: [{ key: "temperature", max: -20, unit: "°C" }] }),
    );
    expect(r.candidates.map((c) => c.equipment.id)).toEqual([fx.chamber.id]);
    const c = r.candidates[0];
    expect(c.slot!.start).toBe(at(1, 8, 30));
    expect(c.checks.find((x) => x.requirement === "temperature")).toMatchObject({
      met: true,
      offered: "-40–150 °C",
    });
    expect(c.rankReason).toEqual({ code: "earliest" });
    expect(c.priceFen).toBe(50_000 * 2);
  });

  it("lists a candidate missing one requirement as a near miss", async () => {
    const r = await as(fx.firmUser).hub.matches(
      ask({ requiredParams: [{ key: "temperature", max: -60, unit: "°C" }] }),
    );
    expect(r.candidates).toEqual([]);
    expect(r.nearMisses.map((c) => c.equipment.id)).toContain(fx.chamber.id);
    for (const miss of r.nearMisses)
      expect(miss.rankReason).toEqual({ code: "misses", requirement: "temperature" });
  });

  it("needs valid accreditation when asked, and calibration through the slot", async () => {
    const { equipment } = await import("@/db/schema");
    db.update(equipment)
      .set({ calibrationDueAt: NOW + 300 * DAY })
      .where(eq(equipment.id, fx.chamber.id))
      .run();
    const none = await as(fx.coordinator).hub.matches(ask({ accreditation: "CNAS" }));
    expect(none.candidates).toEqual([]);
    expect(none.nearMisses[0].checks.find((c) => c.requirement === "accreditation")).toMatchObject({
      met: false,
    });
    db.insert(accreditations)
      .values({
        facilityId: fx.lab.id,
        type: "CNAS",
        certificateNo: "CNAS L9",
        validUntil: NOW + 400 * DAY,
      })
      .run();
    expect(
      (await as(fx.coordinator).hub.matches(ask({ accreditation: "CNAS" }))).candidates.map(
        (c) => c.equipment.id,
      ),
    ).toEqual([fx.chamber.id]);
    db.update(equipment)
      .set({ calibrationDueAt: at(1, 9) })
      .where(eq(equipment.id, fx.chamber.id))
      .run();
    const late = await as(fx.coordinator).hub.matches(ask({ accreditation: "CNAS" }));
    expect(late.candidates).toEqual([]);
    expect(late.nearMisses[0].checks.find((c) => c.requirement === "calibration")).toMatchObject({
      met: false,
    });
    db.update(equipment)
      .set({ calibrationDueAt: null })
      .where(eq(equipment.id, fx.chamber.id))
      .run();
  });

  it("is for coordinators and firms, with field-level errors", async () => {
    expect((await refused(() => as(fx.operator).hub.matches(ask()))).code).toBe("FORBIDDEN");
    expect(
      (await refused(() => as(fx.coordinator).hub.matches(ask({ deadline: at(1, 0) })))).message,
    ).toBe("deadline: must be after the earliest start");
    expect(
      (
        await refused(() =>
          as(fx.coordinator).hub.matches(
            ask({ requiredParams: [{ key: "colour", min: 1, unit: "L" }] }),
          ),
        )
      ).message,
    ).toMatch(/^requiredParams\.0\.key: unknown parameter/);
  });
});

describe("hub.route and hub.reassign", () => {
  it("routes an unrouted request; the facility's operators are told", async () => {
    const r = await as(fx.firmUser).request.submit(requestBody({ serviceType: "testing" }));
    const routed = await as(fx.coordinator).hub.route({ id: r.id, facilityId: fx.lab.id });
    expect(routed.facilityId).toBe(fx.lab.id);
    expect(
      db.select().from(bookingRequests).where(eq(bookingRequests.id, r.id)).get(),
    ).toMatchObject({ facilityId: fx.lab.id, status: "submitted" });
    expect(
      db
        .select()
        .from(notifications)
        .where(eq(notifications.requestId, r.id))
        .all()
        .some((n) => n.userId === fx.operator.id && n.kind === "request.routed"),
    ).toBe(true);
    // The firm hears what happened, by email with a link a mail client can open.
    const firmMail = db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, fx.firmUser.email))
      .orderBy(desc(emailOutbox.id))
      .get()!;
    expect(firmMail.subject).toBe(`${r.ref}: Your request was passed to a facility`);
    expect(firmMail.body).toContain(`http://localhost:3000/requests/${r.id}`);
    expect(
      (await refused(() => as(fx.coordinator).hub.route({ id: r.id, facilityId: fx.otherLab.id })))
        .message,
    ).toMatch(/not waiting for the hub/);
  });

  it("refuses other roles, a facility without the service, and unknown facilities", async () => {
    const r = await as(fx.firmUser).request.submit(requestBody({ serviceType: "testing" }));
    expect(
      (await refused(() => as(fx.operator).hub.route({ id: r.id, facilityId: fx.lab.id }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await refused(() => as(fx.coordinator).hub.route({ id: r.id, facilityId: fx.otherLab.id })))
        .message,
    ).toMatch(/offers no testing service/);
    expect(
      (await refused(() => as(fx.coordinator).hub.route({ id: r.id, facilityId: 99_999 }))).code,
    ).toBe("NOT_FOUND");
  });

  it("reassigns a request the facility rejected", async () => {
    const r = await as(fx.firmUser).request.submit(requestBody({ serviceType: "testing" }));
    await as(fx.coordinator).hub.route({ id: r.id, facilityId: fx.lab.id });
    await as(fx.operator).request.reject({ id: r.id, reason: "Fully booked" });
    db.insert(await import("@/db/schema").then((m) => m.services))
      .values({ facilityId: fx.otherLab.id, type: "testing", name: "Other testing" })
      .run();
    const moved = await as(fx.coordinator).hub.reassign({
      id: r.id,
      facilityId: fx.otherLab.id,
      reason: "Lab A is full",
    });
    expect(moved.facilityId).toBe(fx.otherLab.id);
    expect(
      db.select().from(bookingRequests).where(eq(bookingRequests.id, r.id)).get()!.status,
    ).toBe("submitted");
    expect(
      (
        await refused(() =>
          as(fx.coordinator).hub.reassign({ id: r.id, facilityId: fx.otherLab.id }),
        )
      ).message,
    ).toBe("facilityId: the request is already with this facility");
  });
});

// The sample register: samples received against a confirmed request get the facility's next ID of
// the year; moves, splits and the final step append to the chain of custody, which the firm reads
// too. A finished sample takes no further step, steps cannot be edited or deleted, and bad input,
// wrong roles and other tenants change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { loadActor } from "@/server/services/users/load-actor";
import { sampleLabelsPdf } from "@/server/services/samples/labels";
import { qrModules } from "@/server/services/pdf/qr";
import { setClockForTests } from "@/server/services/clock";
import { NETWORK_TIME_ZONE, parseLocal } from "@/db/local-time";
import { fieldRefusalsOf } from "@/server/api/errors";
import { outcome } from "../helpers/outcome";
import { textOf } from "../helpers/pdf-text";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
let confirmed: number;
let submitted: number;

const coupon = (overrides: Record<string, unknown> = {}) => ({
  description: "Alloy coupons, 50 × 25 mm",
  quantity: 6,
  unit: "pieces",
  condition: "sealed bag, no visible corrosion",
  location: "Cabinet 2, shelf A",
  hazard: "none" as const,
  retainDays: 90,
  ...overrides,
});

beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
  const firm = callerFor(db, fx.firmUser.id);
  const op = callerFor(db, fx.operator.id);
  const body = requestBody({
    facilityId: fx.lab.id,
    serviceId: fx.testing.id,
    serviceType: "testing",
    title: "Salt-spray test",
    hours: 2,
  });
  submitted = (await firm.request.submit(body)).id;
  confirmed = (await firm.request.submit(body)).id;
  await op.request.quote({
    id: confirmed,
    equipmentId: fx.chamber.id,
    start: at(2, 9),
    end: at(2, 11),
    units: 1,
    amountFen: 100_000,
    validUntil: NOW + HOUR,
  });
  await firm.request.accept({ id: confirmed });
});

const code = (seq: number) =>
  `P${String(fx.lab.id).padStart(3, "0")}-2027-${String(seq).padStart(5, "0")}`;

describe("sample register", () => {
  it("receives samples with the facility's next IDs and shows them to the firm with their custody", async () => {
    const op = callerFor(db, fx.operator.id);
    const received = await op.sample.receive({
      requestId: confirmed,
      samples: [coupon(), coupon({ description: "Reference coupon", quantity: 1 })],
    });
    expect(received.map((s) => s.code)).toEqual([code(1), code(2)]);
    expect(received[0]).toMatchObject({ status: "held", quantity: 6, hazard: "none" });
    // Retained 90 local days from receipt.
    expect(received[0].retainUntil).toBe(parseLocal("2027-04-04T09:00", NETWORK_TIME_ZONE));
    const seen = await callerFor(db, fx.firmUser.id).sample.ofRequest({ requestId: confirmed });
    expect(seen.map((s) => s.code)).toEqual([code(1), code(2)]);
    expect(seen[0].steps).toEqual([
      expect.objectContaining({ kind: "received", location: "Cabinet 2, shelf A", by: "operator" }),
    ]);
  });

  it("moves, splits and disposes: each step appended, the split's parts numbered next", async () => {
    const op = callerFor(db, fx.operator.id);
    const [first] = await op.sample.ofRequest({ requestId: confirmed });
    setClockForTests(NOW + HOUR);
    const moved = await op.sample.step({
      sampleId: first.id,
      kind: "moved",
      location: "Salt-spray chamber",
      note: "loaded for the test",
    });
    expect(moved.location).toBe("Salt-spray chamber");
    setClockForTests(NOW + 2 * HOUR);
    const split = await op.sample.step({
      sampleId: first.id,
      kind: "split",
      parts: [
        { description: "Coupons 1–3 (exposed)", quantity: 3, location: "Rack 1" },
        { description: "Coupons 4–6 (control)", quantity: 3, location: "Rack 2" },
      ],
    });
    expect(split.status).toBe("split");
    expect(split.children.map((c) => c.code)).toEqual([code(3), code(4)]);
    expect(split.children[0]).toMatchObject({ parentId: first.id, unit: "pieces", quantity: 3 });
    await op.sample.step({ sampleId: split.children[0].id, kind: "disposed", note: "as waste" });
    await op.sample.step({ sampleId: split.children[1].id, kind: "returned" });
    const list = await callerFor(db, fx.firmUser.id).sample.ofRequest({ requestId: confirmed });
    const byCode = new Map(list.map((s) => [s.code, s]));
    expect(byCode.get(code(1))!.steps.map((s) => s.kind)).toEqual(["received", "moved", "split"]);
    expect(byCode.get(code(1))!.steps.at(-1)!.note).toBe(`${code(3)}, ${code(4)}`);
    expect(byCode.get(code(3))!.steps.map((s) => [s.kind, s.note])).toEqual([
      ["split", code(1)],
      ["disposed", "as waste"],
    ]);
    expect(byCode.get(code(3))!.status).toBe("disposed");
    expect(byCode.get(code(4))!.status).toBe("returned");
  });

  it("refuses any step on a finished sample, and steps cannot be edited or deleted", async () => {
    const op = callerFor(db, fx.operator.id);
    const list = await op.sample.ofRequest({ requestId: confirmed });
    const before = tableCounts(db);
    for (const s of list.filter((x) => x.status !== "held")) {
      const e = await outcome(op.sample.step({ sampleId: s.id, kind: "moved", location: "Shelf" }));
      expect(e!.code).toBe("PRECONDITION_FAILED");
      expect(e!.message).toContain(s.code);
    }
    expect(tableCounts(db)).toEqual(before);
    expect(() => db.$client.prepare("UPDATE sample_steps SET note = 'edited'").run()).toThrow(
      /only append/,
    );
    expect(() => db.$client.prepare("DELETE FROM sample_steps").run()).toThrow(/only append/);
  });

  it("refuses bad input by field and changes nothing", async () => {
    const op = callerFor(db, fx.operator.id);
    const [, reference] = await op.sample.ofRequest({ requestId: confirmed });
    const before = tableCounts(db);
    const fields = async (p: Promise<unknown>) =>
      Object.keys(fieldRefusalsOf((await outcome(p))!)!);
    expect(await fields(op.sample.receive({ requestId: confirmed, samples: [] }))).toEqual([
      "samples",
    ]);
    expect(
      await fields(
        op.sample.receive({
          requestId: confirmed,
          samples: [coupon({ quantity: 0, hazard: "explosive", retainDays: 0, location: " " })],
        }),
      ),
    ).toEqual(
      expect.arrayContaining([
        "samples.0.quantity",
        "samples.0.hazard",
        "samples.0.retainDays",
        "samples.0.location",
      ]),
    );
    expect(
      await fields(op.sample.step({ sampleId: reference.id, kind: "moved", location: "" })),
    ).toEqual(["location"]);
    expect(
      await fields(
        op.sample.step({
          sampleId: reference.id,
          kind: "split",
          parts: [{ description: "Half", quantity: 1, location: "Rack" }],
        }),
      ),
    ).toEqual(["parts"]);
    const tooMuch = await outcome(
      op.sample.step({
        sampleId: reference.id,
        kind: "split",
        parts: [
          { description: "Half", quantity: 1, location: "Rack" },
          { description: "Other half", quantity: 1, location: "Rack" },
        ],
      }),
    );
    expect(fieldRefusalsOf(tooMuch!)).toEqual({ parts: expect.any(Object) });
    expect(await fields(op.sample.step({ sampleId: reference.id, kind: "lost" } as never))).toEqual(
      ["kind"],
    );
    expect(tableCounts(db)).toEqual(before);
  });

  it("takes samples only on confirmed work", async () => {
    const before = tableCounts(db);
    const e = await outcome(
      callerFor(db, fx.operator.id).sample.receive({ requestId: submitted, samples: [coupon()] }),
    );
    expect(e!.code).toBe("PRECONDITION_FAILED");
    expect(e!.message).toMatch(/submitted/);
    expect(tableCounts(db)).toEqual(before);
  });

  it("is the facility's: a firm is FORBIDDEN, another facility and another firm get NOT_FOUND", async () => {
    const [reference] = (
      await callerFor(db, fx.operator.id).sample.ofRequest({ requestId: confirmed })
    ).filter((s) => s.status === "held");
    const { audit_log: _a, ...before } = tableCounts(db);
    const firm = callerFor(db, fx.firmUser.id);
    expect(
      (await outcome(firm.sample.receive({ requestId: confirmed, samples: [coupon()] })))!.code,
    ).toBe("FORBIDDEN");
    expect(
      (await outcome(firm.sample.step({ sampleId: reference.id, kind: "disposed" })))!.code,
    ).toBe("FORBIDDEN");
    const other = callerFor(db, fx.operatorB.id);
    expect(
      (await outcome(other.sample.receive({ requestId: confirmed, samples: [coupon()] })))!.code,
    ).toBe("NOT_FOUND");
    expect(
      (await outcome(other.sample.step({ sampleId: reference.id, kind: "disposed" })))!.code,
    ).toBe("NOT_FOUND");
    expect((await outcome(other.sample.ofRequest({ requestId: confirmed })))!.code).toBe(
      "NOT_FOUND",
    );
    const otherFirm = callerFor(db, fx.firmUserB.id);
    expect((await outcome(otherFirm.sample.ofRequest({ requestId: confirmed })))!.code).toBe(
      "NOT_FOUND",
    );
    const { audit_log: _b, ...after } = tableCounts(db);
    expect(after).toEqual(before);
  });

  it("prints labels of the samples held: ID as text and QR code, what it is, keep-until", async () => {
    const op = callerFor(db, fx.operator.id);
    const list = await op.sample.ofRequest({ requestId: confirmed });
    const held = list.filter((s) => s.status === "held").map((s) => s.code);
    const finished = list.filter((s) => s.status !== "held").map((s) => s.code);
    expect(held.length).toBeGreaterThan(0);
    const pdf = await sampleLabelsPdf(db, loadActor(db, fx.operator.id)!, confirmed);
    const text = await textOf(pdf.bytes);
    for (const code of held) expect(text).toContain(code);
    for (const code of finished) expect(text).not.toContain(code);
    expect(text).toContain("Reference coupon");
    expect(text).toContain("Keep until 2027-04-04");
    // The QR code of an ID is a real code of the ID (version 1 or 2 holds 17 characters).
    expect([21, 25]).toContain(qrModules(held[0]).length);
    // In Chinese for a reader who reads Chinese.
    db.update(users).set({ locale: "zh" }).where(eq(users.id, fx.operator.id)).run();
    const zh = await textOf(
      (await sampleLabelsPdf(db, loadActor(db, fx.operator.id)!, confirmed)).bytes,
    );
    expect(zh).toContain("留样至 2027-04-04");
    db.update(users).set({ locale: "en" }).where(eq(users.id, fx.operator.id)).run();
    // Only the facility holding them prints them.
    await expect(
      sampleLabelsPdf(db, loadActor(db, fx.firmUser.id)!, confirmed),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      sampleLabelsPdf(db, loadActor(db, fx.operatorB.id)!, confirmed),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

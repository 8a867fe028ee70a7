// Itemised quotes: lines priced in fen with VAT per line at the facility's rate, versioned, shown
// to the firm and the facility only; the fee schedule a service publishes pre-fills them.
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

async function submitted(start: number) {
  const r = await callerFor(db, fx.firmUser.id).request.submit(
    requestBody({ equipmentId: fx.reactor.id, hours: 4, preferredStart: start }),
  );
  return r;
}
const slot = (id: number, day: number) => ({
  id,
  equipmentId: fx.reactor.id,
  start: at(day, 9),
  end: at(day, 13),
  units: 1,
  validUntil: NOW + 12 * HOUR,
});

describe("itemised quotes", () => {
  it("prices each line with VAT half up per line and shows the quote to both parties", async () => {
    const r = await submitted(at(1, 9));
    const op = callerFor(db, fx.operator.id);
    await op.request.quote({
      ...slot(r.id, 1),
      lines: [
        {
          kind: "machine_time",
          quantity: 4,
          unit: "h",
          unitPriceFen: 50_000,
          voucherEligible: true,
        },
        { kind: "consumables", description: "Nitrogen", quantity: 2.5, unitPriceFen: 3_333 },
        { kind: "discount", quantity: 1, unitPriceFen: 10_000 },
      ],
    });
    const page = await callerFor(db, fx.firmUser.id).request.get({ id: r.id });
    // 200,000 + 8,333 (2.5 × 3,333 = 8,332.5 → 8,333) − 10,000; VAT 12,000 + 500 − 600.
    expect(page.request).toMatchObject({
      quoteVersion: 1,
      quoteVatRateBp: 600,
      quoteVatFen: 11_900,
      quoteAmountFen: 198_333 + 11_900,
    });
    expect(page.quoteLines.map((l) => [l.kind, l.netFen, l.vatFen, l.voucherEligible])).toEqual([
      ["machine_time", 200_000, 12_000, true],
      ["consumables", 8_333, 500, false],
      ["discount", -10_000, -600, false],
    ]);
    const foreign = await outcome(callerFor(db, fx.firmUserB.id).request.get({ id: r.id }));
    expect(foreign?.code).toBe("NOT_FOUND");
  });

  it("revises an open quote as a new version, keeping the earlier one to compare", async () => {
    const r = await submitted(at(7, 9));
    const op = callerFor(db, fx.operator.id);
    await op.request.quote({ ...slot(r.id, 7), amountFen: 100_000 });
    // The same slot stays bookable: the earlier hold gives way to the revision's.
    await op.request.reviseQuote({
      ...slot(r.id, 7),
      lines: [
        { kind: "other", quantity: 1, unitPriceFen: 90_000 },
        { kind: "report", quantity: 1, unitPriceFen: 5_000 },
      ],
    });
    const page = await callerFor(db, fx.firmUser.id).request.get({ id: r.id });
    expect(page.request).toMatchObject({ status: "quoted", quoteVersion: 2 });
    expect(page.request.quoteAmountFen).toBe(95_000 + 5_700);
    expect(page.previousQuote?.map((l) => l.netFen)).toEqual([100_000]);
    expect(page.events.at(-1)).toMatchObject({ noteCode: "quoteRevised" });
    const holds = db.$client
      .prepare(
        `SELECT COUNT(*) n FROM reservations WHERE request_id = ? AND kind = 'hold' AND released_at IS NULL`,
      )
      .get(r.id) as { n: number };
    expect(holds.n).toBe(1);
    // Once accepted, the price is settled.
    await callerFor(db, fx.firmUser.id).request.accept({ id: r.id });
    const late = await outcome(op.request.reviseQuote({ ...slot(r.id, 7), amountFen: 1 }));
    expect(late?.code).toBe("PRECONDITION_FAILED");
  });

  it("charges the facility's own VAT rate, and a one-amount quote is one line", async () => {
    const op = callerFor(db, fx.operator.id);
    await op.facility.updateProfile({ vatRateBp: 300 });
    const r = await submitted(at(2, 9));
    await op.request.quote({ ...slot(r.id, 2), amountFen: 100_001 });
    const page = await op.request.get({ id: r.id });
    expect(page.quoteLines).toMatchObject([{ kind: "other", netFen: 100_001, vatFen: 3_000 }]);
    expect(page.request.quoteAmountFen).toBe(103_001);
    expect((await outcome(op.facility.updateProfile({ vatRateBp: 500 })))?.code).toBe(
      "BAD_REQUEST",
    );
    await op.facility.updateProfile({ vatRateBp: 600 });
  });

  it("refuses bad lines by field and changes nothing", async () => {
    const r = await submitted(at(4, 9));
    const op = callerFor(db, fx.operator.id);
    const before = tableCounts(db);
    const bad = await outcome(
      op.request.quote({
        ...slot(r.id, 4),
        lines: [
          { kind: "machine_time", quantity: 1.2345, unitPriceFen: 100 },
          { kind: "other", quantity: 1, unitPriceFen: -1 },
          { kind: "gift" as "other", quantity: 1, unitPriceFen: 1 },
        ],
      }),
    );
    expect(fieldRefusalsOf(bad!)).toMatchObject({
      "lines.0.quantity": { code: "field.threeDecimals" },
      "lines.1.unitPriceFen": { code: "field.notNegative" },
      "lines.2.kind": { code: "field.lineKind" },
    });
    const below = await outcome(
      op.request.quote({
        ...slot(r.id, 4),
        lines: [
          { kind: "other", quantity: 1, unitPriceFen: 100 },
          { kind: "discount", quantity: 1, unitPriceFen: 101 },
        ],
      }),
    );
    expect(fieldRefusalsOf(below!)).toMatchObject({ lines: { code: "field.totalBelowZero" } });
    const none = await outcome(op.request.quote({ ...slot(r.id, 4) }));
    expect(fieldRefusalsOf(none!)).toMatchObject({ lines: { code: "field.lineNeeded" } });
    expect(tableCounts(db)).toEqual(before);
  });

  it("is the routed facility's to quote: a firm is forbidden, another facility finds nothing", async () => {
    const r = await submitted(at(8, 9));
    const lines = [{ kind: "other" as const, quantity: 1, unitPriceFen: 1 }];
    const firm = await outcome(
      callerFor(db, fx.firmUser.id).request.quote({ ...slot(r.id, 8), lines }),
    );
    expect(firm?.code).toBe("FORBIDDEN");
    const other = await outcome(
      callerFor(db, fx.operatorB.id).request.quote({ ...slot(r.id, 8), lines }),
    );
    expect(other?.code).toBe("NOT_FOUND");
  });

  it("pre-fills the quote from the service's published fee schedule", async () => {
    const op = callerFor(db, fx.operator.id);
    await op.service.save({
      id: fx.testing.id,
      type: "testing",
      name: "Climate test",
      standards: ["GB/T 2423.1-2008"],
      priceBasis: "per_hour",
      priceFen: 40_000,
      minChargeFen: 100_000,
      hazardSurchargePct: 20,
      smallFirmDiscountPct: 10,
      equipmentIds: [fx.chamber.id],
    });
    const firm = callerFor(db, fx.firmUser.id);
    const r = await firm.request.submit(
      requestBody({
        serviceId: fx.testing.id,
        facilityId: fx.lab.id,
        serviceType: "testing",
        hours: 2,
        hazardClass: "Class 3 flammable",
      }),
    );
    const page = await op.request.get({ id: r.id });
    expect(page.suggestedLines).toEqual([
      expect.objectContaining({ kind: "other", unitPriceFen: 100_000, term: "minimum" }),
      expect.objectContaining({ kind: "surcharge", unitPriceFen: 20_000, term: "hazardous" }),
      // Firm A is a small firm.
      expect.objectContaining({ kind: "discount", unitPriceFen: 10_000, term: "smallFirm" }),
    ]);
    // The firm never sees the facility's working suggestions.
    expect((await firm.request.get({ id: r.id })).suggestedLines).toEqual([]);
    const bad = await outcome(
      op.service.save({
        id: fx.testing.id,
        type: "testing",
        name: "Climate test",
        priceBasis: "per_hour",
        priceFen: 40_000,
        urgentSurchargePct: 150,
      }),
    );
    expect(fieldRefusalsOf(bad!)).toMatchObject({ urgentSurchargePct: { code: "field.percent" } });
  });
});

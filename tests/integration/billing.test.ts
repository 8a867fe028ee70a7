// Invoices and payments: recorded by the facility once the work is complete, within what was
// quoted and what is owed; a part payment leaves a balance; an unpaid invoice can be voided.
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

/** A completed pilot run on the chamber on Tuesday, quoted ¥1,000 + 6 % VAT. */
async function completed(hour: number) {
  const firm = callerFor(db, fx.firmUser.id);
  const op = callerFor(db, fx.operator.id);
  const r = await firm.request.submit(requestBody({ facilityId: fx.lab.id, hours: 1 }));
  await op.request.quote({
    id: r.id,
    equipmentId: fx.chamber.id,
    start: at(1, hour),
    end: at(1, hour + 1),
    units: 1,
    amountFen: 100_000,
    validUntil: NOW + HOUR,
  });
  await firm.request.accept({ id: r.id });
  setClockForTests(at(1, hour));
  await op.request.start({ id: r.id });
  await op.request.complete({ id: r.id });
  setClockForTests(NOW);
  return r;
}

describe("billing", () => {
  it("records an invoice and part payments, leaving a balance both parties see", async () => {
    const r = await completed(9);
    const op = callerFor(db, fx.operator.id);
    const inv = await op.billing.recordInvoice({
      id: r.id,
      number: "51010026-00012345",
      issuedAt: NOW,
      amountFen: 106_000,
    });
    await op.billing.recordPayment({
      invoiceId: inv.id,
      paidAt: NOW,
      amountFen: 60_000,
      bankReference: "ICBC 2027010400001",
    });
    const seen = await callerFor(db, fx.firmUser.id).billing.get({ id: r.id });
    expect(seen).toMatchObject({
      quotedFen: 106_000,
      invoicedFen: 106_000,
      paidFen: 60_000,
      balanceFen: 46_000,
      uninvoicedFen: 0,
    });
    expect(seen.invoices[0]).toMatchObject({ number: "51010026-00012345", balanceFen: 46_000 });
    const admin = await callerFor(db, fx.admin.id).billing.get({ id: r.id });
    expect(admin.paidFen).toBe(60_000);
    expect((await outcome(callerFor(db, fx.firmUserB.id).billing.get({ id: r.id })))?.code).toBe(
      "NOT_FOUND",
    );

    const before = tableCounts(db);
    const over = await outcome(
      op.billing.recordPayment({
        invoiceId: inv.id,
        paidAt: NOW,
        amountFen: 46_001,
        bankReference: "ICBC 2027010400002",
      }),
    );
    expect(fieldRefusalsOf(over!)).toMatchObject({ amountFen: { code: "field.aboveBalance" } });
    const paid = await outcome(
      op.billing.voidInvoice({ invoiceId: inv.id, reason: "Wrong title" }),
    );
    expect(paid?.code).toBe("PRECONDITION_FAILED");
    expect(tableCounts(db)).toEqual(before);
  });

  it("refuses an invoice before completion, above what was quoted, or twice by number", async () => {
    const op = callerFor(db, fx.operator.id);
    const open = await callerFor(db, fx.firmUser.id).request.submit(
      requestBody({ facilityId: fx.lab.id }),
    );
    const early = await outcome(
      op.billing.recordInvoice({ id: open.id, number: "INV-000001", issuedAt: NOW, amountFen: 1 }),
    );
    expect(early?.code).toBe("PRECONDITION_FAILED");
    const r = await completed(11);
    const before = tableCounts(db);
    const bad = await outcome(
      op.billing.recordInvoice({
        id: r.id,
        number: "no",
        issuedAt: NOW + 3 * 86_400_000,
        amountFen: 0,
      }),
    );
    expect(fieldRefusalsOf(bad!)).toMatchObject({
      number: { code: "field.invoiceNumber" },
      amountFen: { code: "field.positive" },
    });
    const above = await outcome(
      op.billing.recordInvoice({
        id: r.id,
        number: "INV-000002",
        issuedAt: NOW,
        amountFen: 106_001,
      }),
    );
    expect(fieldRefusalsOf(above!)).toMatchObject({ amountFen: { code: "field.aboveUninvoiced" } });
    expect(tableCounts(db)).toEqual(before);
    const first = await op.billing.recordInvoice({
      id: r.id,
      number: "INV-000002",
      issuedAt: NOW,
      amountFen: 50_000,
    });
    const twice = await outcome(
      op.billing.recordInvoice({ id: r.id, number: "INV-000002", issuedAt: NOW, amountFen: 1 }),
    );
    expect(fieldRefusalsOf(twice!)).toMatchObject({ number: { code: "field.invoiceNumberUsed" } });
    // Voiding frees its amount to be invoiced again.
    await op.billing.voidInvoice({ invoiceId: first.id, reason: "Buyer's tax number was wrong" });
    await op.billing.recordInvoice({
      id: r.id,
      number: "INV-000003",
      issuedAt: NOW,
      amountFen: 106_000,
    });
    const b = await op.billing.get({ id: r.id });
    expect(b.invoices.map((i) => [i.number, i.status])).toEqual([
      ["INV-000002", "void"],
      ["INV-000003", "issued"],
    ]);
    expect(b.invoicedFen).toBe(106_000);
  });

  it("is the facility's to record: firms and admins are forbidden, others find nothing", async () => {
    const r = await completed(13);
    const body = { id: r.id, number: "INV-000009", issuedAt: NOW, amountFen: 1 };
    expect((await outcome(callerFor(db, fx.firmUser.id).billing.recordInvoice(body)))?.code).toBe(
      "FORBIDDEN",
    );
    expect((await outcome(callerFor(db, fx.admin.id).billing.recordInvoice(body)))?.code).toBe(
      "FORBIDDEN",
    );
    expect((await outcome(callerFor(db, fx.operatorB.id).billing.recordInvoice(body)))?.code).toBe(
      "NOT_FOUND",
    );
    const inv = await callerFor(db, fx.operator.id).billing.recordInvoice(body);
    const pay = { invoiceId: inv.id, paidAt: NOW, amountFen: 1, bankReference: "REF-0001" };
    expect((await outcome(callerFor(db, fx.operatorB.id).billing.recordPayment(pay)))?.code).toBe(
      "NOT_FOUND",
    );
    expect(
      (
        await outcome(
          callerFor(db, fx.operatorB.id).billing.voidInvoice({
            invoiceId: inv.id,
            reason: "Not mine",
          }),
        )
      )?.code,
    ).toBe("NOT_FOUND");
  });
});

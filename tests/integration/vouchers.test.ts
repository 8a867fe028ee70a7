// Innovation vouchers end to end: programmes, applications and grants, cover reserved at
// acceptance and released on cancellation, the firm's share and the claim that redeems the cover,
// exports, expiry, and the ledger that only appends.
import { beforeAll, describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { setClockForTests } from "@/server/services/clock";
import { fieldRefusalsOf } from "@/server/api/errors";
import { loadActor } from "@/server/services/users/load-actor";
import { exportClaims } from "@/server/services/vouchers/claims-export";
import { expireAllotments } from "@/server/services/vouchers/expire";
import { agreementPdf } from "@/server/services/money/agreement";
import { outcome } from "../helpers/outcome";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR, DAY } from "../helpers/booking-fixture";
import { programmeBody } from "../helpers/tenant-probe";
import { releaseReport } from "../helpers/report-release";

const { db, dir } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  process.env.DATA_DIR = dir;
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
});
const admin = () => callerFor(db, fx.admin.id);
const firm = () => callerFor(db, fx.firmUser.id);
const op = () => callerFor(db, fx.operator.id);
const ledger = () =>
  db.$client
    .prepare("SELECT kind, amount_fen AS fen, request_id AS req FROM voucher_ledger ORDER BY id")
    .all() as { kind: string; fen: number; req: number | null }[];

/** A testing request on the chamber, quoted with ¥1,000 of eligible machine time and ¥200 of
 * consumables (not eligible), 6 % VAT: eligible 106,000 fen. */
async function quoted(day: number, hour: number) {
  const r = await firm().request.submit(
    requestBody({ facilityId: fx.lab.id, serviceType: "testing", hours: 1 }),
  );
  await op().request.quote({
    id: r.id,
    equipmentId: fx.chamber.id,
    start: at(day, hour),
    end: at(day, hour + 1),
    units: 1,
    validUntil: NOW + 12 * HOUR,
    lines: [
      {
        kind: "machine_time",
        quantity: 1,
        unit: "h",
        unitPriceFen: 100_000,
        voucherEligible: true,
      },
      { kind: "consumables", quantity: 1, unitPriceFen: 20_000 },
    ],
  });
  return (await op().request.get({ id: r.id })).request;
}

let programmeId = 0;
let allotmentId = 0;

describe("voucher programmes and allotments", () => {
  it("refuses a bad programme field by field and changes nothing", async () => {
    const before = tableCounts(db);
    const e = await outcome(
      admin().voucher.createProgramme(
        programmeBody({
          firmCapFen: 20_000_000,
          budgetFen: 1_000_000,
          eligibleSizes: [],
          applyUntil: "2025-12-31",
          ratesBp: { ...programmeBody().ratesBp, testing: 12_000 },
        }),
      ),
    );
    expect(e?.code).toBe("BAD_REQUEST");
    expect(Object.keys(fieldRefusalsOf(e!) ?? {}).sort()).toEqual(
      ["applyUntil", "eligibleSizes", "firmCapFen", "ratesBp.testing"].sort(),
    );
    const cap = await outcome(
      admin().voucher.createProgramme(
        programmeBody({ firmCapFen: 20_000_000, budgetFen: 1_000_000 }),
      ),
    );
    expect(fieldRefusalsOf(cap!)).toHaveProperty("firmCapFen");
    expect(tableCounts(db)).toEqual(before);
    expect((await outcome(firm().voucher.createProgramme(programmeBody())))?.code).toBe(
      "FORBIDDEN",
    );
  });

  it("takes an application within the window and the cap, once per firm", async () => {
    const p = await admin().voucher.createProgramme(
      programmeBody({ budgetFen: 300_000, firmCapFen: 200_000 }),
    );
    programmeId = p.id;
    const above = await outcome(
      firm().voucher.applyForAllotment({
        programmeId,
        requestedFen: 200_001,
        purpose: "Testing of our new alloy parts",
      }),
    );
    expect(fieldRefusalsOf(above!)).toHaveProperty("requestedFen");
    const short = await outcome(
      firm().voucher.applyForAllotment({ programmeId, requestedFen: 1, purpose: "x" }),
    );
    expect(fieldRefusalsOf(short!)).toHaveProperty("purpose");
    const negative = await outcome(
      firm().voucher.applyForAllotment({
        programmeId,
        requestedFen: -5,
        purpose: "Testing of our new alloy parts",
      }),
    );
    expect(fieldRefusalsOf(negative!)).toHaveProperty("requestedFen");
    const a = await firm().voucher.applyForAllotment({
      programmeId,
      requestedFen: 150_000,
      purpose: "Testing of our new alloy parts",
    });
    allotmentId = a.id;
    const again = await outcome(
      firm().voucher.applyForAllotment({
        programmeId,
        requestedFen: 10_000,
        purpose: "Testing of our new alloy parts",
      }),
    );
    expect(again?.code).toBe("CONFLICT");
    // A programme for large firms only: firm A (small) is not eligible.
    const large = await admin().voucher.createProgramme(
      programmeBody({ eligibleSizes: ["large"], nameEn: "Large firms" }),
    );
    const ineligible = await outcome(
      firm().voucher.applyForAllotment({
        programmeId: large.id,
        requestedFen: 10_000,
        purpose: "Testing of our new alloy parts",
      }),
    );
    expect(ineligible?.code).toBe("FORBIDDEN");
    const closed = await admin().voucher.createProgramme(
      programmeBody({ applyFrom: "2027-02-01", applyUntil: "2027-03-01", nameEn: "Later" }),
    );
    const early = await outcome(
      firm().voucher.applyForAllotment({
        programmeId: closed.id,
        requestedFen: 10_000,
        purpose: "Testing of our new alloy parts",
      }),
    );
    expect(early?.code).toBe("PRECONDITION_FAILED");
  });

  it("grants within the request, the cap and the budget; the grant is the ledger's first entry", async () => {
    const before = tableCounts(db);
    const tooMuch = await outcome(
      admin().voucher.decideAllotment({
        id: allotmentId,
        decision: "approve",
        grantedFen: 150_001,
      }),
    );
    expect(fieldRefusalsOf(tooMuch!)).toHaveProperty("grantedFen");
    const noReason = await outcome(
      admin().voucher.decideAllotment({ id: allotmentId, decision: "refuse", reason: "" }),
    );
    expect(fieldRefusalsOf(noReason!)).toHaveProperty("reason");
    expect(tableCounts(db)).toEqual(before);
    expect(
      (
        await outcome(
          firm().voucher.decideAllotment({ id: allotmentId, decision: "approve", grantedFen: 1 }),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    await admin().voucher.decideAllotment({
      id: allotmentId,
      decision: "approve",
      grantedFen: 150_000,
    });
    const twice = await outcome(
      admin().voucher.decideAllotment({ id: allotmentId, decision: "approve", grantedFen: 1 }),
    );
    expect(twice?.code).toBe("PRECONDITION_FAILED");
    expect(ledger()).toEqual([{ kind: "allotted", fen: 150_000, req: null }]);
    const mine = await firm().voucher.mine();
    expect(mine.allotments[0]).toMatchObject({ availableFen: 150_000, reservedFen: 0 });
    const note = db.$client
      .prepare("SELECT title FROM notifications WHERE user_id = ? AND kind LIKE 'voucher.%'")
      .all(fx.firmUser.id);
    expect(note).toHaveLength(1);
    // Another firm's view has none of it.
    expect((await callerFor(db, fx.firmUserB.id).voucher.mine()).allotments).toEqual([]);
  });
});

describe("cover at acceptance", () => {
  let reqId = 0;
  it("offers 30 % of the eligible lines and refuses more, changing nothing", async () => {
    const r = await quoted(1, 9);
    reqId = r.id;
    const page = await firm().request.get({ id: r.id });
    // Eligible: 100,000 + 6,000 VAT; 30 % = 31,800.
    expect(page.voucherOffer).toMatchObject({ eligibleFen: 106_000, maxFen: 31_800, rateBp: 3000 });
    const before = tableCounts(db);
    const over = await outcome(
      firm().request.accept({ id: r.id, useVoucher: true, voucherFen: 31_801 }),
    );
    expect(fieldRefusalsOf(over!)).toHaveProperty("voucherFen");
    const fraction = await outcome(firm().request.accept({ id: r.id, voucherFen: 10.5 }));
    expect(fieldRefusalsOf(fraction!)).toHaveProperty("voucherFen");
    expect(tableCounts(db)).toEqual(before);
    const accepted = await firm().request.accept({ id: r.id, useVoucher: true });
    expect(accepted.voucherFen).toBe(31_800);
    const after = await firm().request.get({ id: r.id });
    expect(after.voucher).toMatchObject({ openFen: 31_800, redeemedFen: 0 });
    const pdf = await agreementPdf(db, loadActor(db, fx.firmUser.id)!, r.id);
    expect(pdf.bytes.length).toBeGreaterThan(1000);
  });

  it("a cancelled booking gives its cover back", async () => {
    const r = await quoted(2, 9);
    await firm().request.accept({ id: r.id, useVoucher: true, voucherFen: 20_000 });
    expect((await firm().voucher.mine()).allotments[0]).toMatchObject({
      availableFen: 150_000 - 31_800 - 20_000,
      reservedFen: 51_800,
    });
    await op().request.cancel({ id: r.id, reason: "Chamber fault" });
    expect((await firm().voucher.mine()).allotments[0]).toMatchObject({
      availableFen: 150_000 - 31_800,
      reservedFen: 31_800,
    });
    expect(ledger().slice(-2)).toEqual([
      { kind: "reserved", fen: 20_000, req: r.id },
      { kind: "released", fen: 20_000, req: r.id },
    ]);
  });

  it("accepting without the voucher reserves nothing", async () => {
    const r = await quoted(3, 9);
    const n = ledger().length;
    await firm().request.accept({ id: r.id });
    expect(ledger()).toHaveLength(n);
  });

  it("the firm pays its share; the facility claims the cover with every document", async () => {
    setClockForTests(at(1, 9));
    await op().request.start({ id: reqId });
    setClockForTests(at(1, 10));
    // A testing request completes only with its report, and a claim needs it released.
    await releaseReport(db, reqId, fx.operator.id);
    await op().request.complete({ id: reqId });
    setClockForTests(NOW + DAY);
    const missing = await outcome(op().voucher.fileClaim({ id: reqId }));
    expect(Object.keys(fieldRefusalsOf(missing!) ?? {})).toEqual(["invoice"]);
    // Total 127,200 (120,000 + 7,200 VAT); the voucher pays 31,800; the firm owes 95,400.
    const inv = await op().billing.recordInvoice({
      id: reqId,
      number: "51010026-77770001",
      issuedAt: NOW + DAY,
      amountFen: 127_200,
    });
    const billing = await firm().billing.get({ id: reqId });
    expect(billing).toMatchObject({ voucherFen: 31_800, balanceFen: 95_400 });
    const tooMuch = await outcome(
      op().billing.recordPayment({
        invoiceId: inv.id,
        paidAt: NOW + DAY,
        amountFen: 95_401,
        bankReference: "ICBC 1",
      }),
    );
    expect(fieldRefusalsOf(tooMuch!)).toHaveProperty("amountFen");
    await op().billing.recordPayment({
      invoiceId: inv.id,
      paidAt: NOW + DAY,
      amountFen: 50_000,
      bankReference: "ICBC 1",
    });
    const unpaid = await outcome(op().voucher.fileClaim({ id: reqId }));
    expect(Object.keys(fieldRefusalsOf(unpaid!) ?? {})).toEqual(["payment"]);
    await op().billing.recordPayment({
      invoiceId: inv.id,
      paidAt: NOW + DAY,
      amountFen: 45_400,
      bankReference: "ICBC 2",
    });
    // Another facility's operator does not find the request; the firm cannot file.
    expect(
      (await outcome(callerFor(db, fx.operatorB.id).voucher.fileClaim({ id: reqId })))?.code,
    ).toBe("NOT_FOUND");
    expect((await outcome(firm().voucher.fileClaim({ id: reqId })))?.code).toBe("FORBIDDEN");
    const claim = await op().voucher.fileClaim({ id: reqId });
    expect(claim).toMatchObject({ amountFen: 31_800, paidFen: 95_400, status: "filed" });
    expect((await outcome(op().voucher.fileClaim({ id: reqId })))?.code).toBe("CONFLICT");

    // Returned with a reason, filed again, then approved: the ledger records the redemption.
    const noReason = await outcome(
      admin().voucher.decideClaim({ id: claim.id, decision: "return", reason: "" }),
    );
    expect(fieldRefusalsOf(noReason!)).toHaveProperty("reason");
    await admin().voucher.decideClaim({
      id: claim.id,
      decision: "return",
      reason: "The fapiao PDF is missing",
    });
    const again = await op().voucher.fileClaim({ id: reqId });
    expect(
      (await outcome(op().voucher.decideClaim({ id: again.id, decision: "approve" })))?.code,
    ).toBe("FORBIDDEN");
    await admin().voucher.decideClaim({ id: again.id, decision: "approve" });
    expect(ledger().at(-1)).toEqual({ kind: "redeemed", fen: 31_800, req: reqId });
    expect((await firm().voucher.mine()).allotments[0]).toMatchObject({
      availableFen: 150_000 - 31_800,
      reservedFen: 0,
      redeemedFen: 31_800,
    });
    const seen = await firm().request.get({ id: reqId });
    expect(seen.voucher).toMatchObject({ openFen: 0, redeemedFen: 31_800 });
    expect(seen.voucher?.claims.map((c) => c.status)).toEqual(["approved", "returned"]);
    // Figures for the year: allotted, reserved (the one still open from day 3? none), redeemed.
    const figures = await admin().voucher.figures({ year: 2027, by: "facility" });
    expect(figures).toMatchObject({ allottedFen: 150_000, redeemedFen: 31_800, reservedFen: 0 });
    expect(figures.rows).toEqual([
      expect.objectContaining({ key: String(fx.lab.id), redeemedFen: 31_800 }),
    ]);
    const byPrefecture = await admin().voucher.figures({ year: 2027, by: "prefecture" });
    expect(byPrefecture.rows).toEqual([
      expect.objectContaining({ key: "chengdu", allottedFen: 150_000, firms: 1 }),
    ]);
  });

  it("exports the claims as CSV, XLSX and a ZIP of their documents", async () => {
    const actor = loadActor(db, fx.admin.id)!;
    const csv = await exportClaims(db, actor, "csv", {});
    const text = strFromU8(csv.bytes);
    expect(text).toContain("创新券兑付(元) Voucher claimed (CNY)");
    expect(text).toContain('"318"');
    const xlsx = unzipSync((await exportClaims(db, actor, "xlsx", {})).bytes);
    expect(strFromU8(xlsx["xl/worksheets/sheet1.xml"])).toContain("51010026-77770001");
    const zip = unzipSync((await exportClaims(db, actor, "zip", { status: "approved" })).bytes);
    const names = Object.keys(zip).sort();
    expect(names.some((n) => n.endsWith("/report.pdf"))).toBe(true);
    expect(names.some((n) => /\/agreement-SA-.*\.pdf$/.test(n))).toBe(true);
    expect(names.some((n) => n.endsWith("/payments.csv"))).toBe(true);
    expect(names).toContain("claims.csv");
    const refused = await outcome(admin().voucher.claims({ status: "lost" as "filed" }));
    expect(fieldRefusalsOf(refused!)).toHaveProperty("status");
  });

  it("what is left when the programme ends expires, and nothing more can be drawn", async () => {
    const left = (await firm().voucher.mine()).allotments[0].availableFen;
    expect(expireAllotments(db, Date.UTC(2028, 0, 1))).toBe(1);
    expect(expireAllotments(db, Date.UTC(2028, 0, 1))).toBe(0);
    expect(ledger().at(-1)).toEqual({ kind: "expired", fen: left, req: null });
    expect((await firm().voucher.mine()).allotments[0].availableFen).toBe(0);
  });

  it("the ledger only appends", () => {
    expect(() => db.$client.prepare("UPDATE voucher_ledger SET amount_fen = 1").run()).toThrow(
      /only appends/,
    );
    expect(() => db.$client.prepare("DELETE FROM voucher_ledger").run()).toThrow(/only appends/);
  });
});

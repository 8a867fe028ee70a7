// The voucher ledger against an in-memory model: random sequences of grants, acceptances with
// cover (valid and too large), cancellations, redemptions and expiry, run through the services;
// after every step every balance the app reads (allotment, request, programme, the year's figures)
// equals the model's, and no balance ever goes below zero.
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { setClockForTests } from "@/server/services/clock";
import { voucherFigures } from "@/server/services/vouchers/figures";
import { expireAllotments } from "@/server/services/vouchers/expire";
import {
  allotmentSums,
  availableOf,
  openOf,
  requestCover,
} from "@/server/services/vouchers/ledger";
import { createRng } from "@/db/seed/random";
import { voucherClaims } from "@/db/schema";
import { freshDb, callerFor } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR, DAY } from "../helpers/booking-fixture";
import { programmeBody } from "../helpers/tenant-probe";

const { db, dir } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  process.env.DATA_DIR = dir;
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
});

type Model = {
  allotted: number;
  available: number;
  open: Map<number, number>;
  redeemed: number;
  expired: number;
};

describe("the voucher ledger against a model", () => {
  it("agrees with the model after every one of 120 random steps", async () => {
    const rng = createRng(4242);
    const admin = callerFor(db, fx.admin.id);
    const firm = callerFor(db, fx.firmUser.id);
    const op = callerFor(db, fx.operator.id);
    const p = await admin.voucher.createProgramme(
      programmeBody({
        budgetFen: 400_000,
        firmCapFen: 300_000,
        applyUntil: "2027-01-10",
        validUntil: "2027-01-20",
      }),
    );
    const a = await firm.voucher.applyForAllotment({
      programmeId: p.id,
      requestedFen: 300_000,
      purpose: "Testing of our model parts",
    });
    const granted = rng.int(50_000, 300_000);
    await admin.voucher.decideAllotment({ id: a.id, decision: "approve", grantedFen: granted });
    const m: Model = {
      allotted: granted,
      available: granted,
      open: new Map(),
      redeemed: 0,
      expired: 0,
    };
    let slot = 0;
    let steps = 0;

    const check = () => {
      const s = allotmentSums(db, a.id);
      expect(availableOf(s)).toBe(m.available);
      expect(openOf(s)).toBe([...m.open.values()].reduce((x, y) => x + y, 0));
      expect(s.redeemed).toBe(m.redeemed);
      expect(s.expired).toBe(m.expired);
      for (const [id, fen] of m.open) expect(requestCover(db, id).openFen).toBe(fen);
      const f = voucherFigures(db, { year: 2027, by: "size" });
      expect(f.allottedFen).toBe(m.allotted - m.expired);
      expect(f.redeemedFen).toBe(m.redeemed);
      expect(m.available).toBeGreaterThanOrEqual(0);
    };

    for (; steps < 120; steps++) {
      const move = rng.pick(["accept", "accept", "accept", "cancel", "redeem", "expire"] as const);
      if (move === "accept") {
        // A quote of random size; the firm asks for all it can, a random part, or too much.
        slot++;
        const r = await firm.request.submit(
          requestBody({
            facilityId: fx.lab.id,
            serviceType: "testing",
            hours: 1,
            deadline: at(20, 0),
          }),
        );
        const price = rng.int(1_000, 30_000);
        await op.request.quote({
          id: r.id,
          equipmentId: fx.chamber.id,
          start: slotStart(slot),
          end: slotStart(slot) + HOUR,
          units: 1,
          validUntil: NOW + 2 * HOUR,
          lines: [
            { kind: "machine_time", quantity: 1, unitPriceFen: price, voucherEligible: true },
          ],
        });
        const page = await firm.request.get({ id: r.id });
        const max = page.voucherOffer?.maxFen ?? 0;
        const eligible = price + Math.floor((price * 6 + 50) / 100);
        expect(max).toBe(Math.min(Math.floor((eligible * 3000) / 10_000), m.available));
        const ask = rng.pick(["max", "part", "over"] as const);
        const voucherFen =
          ask === "max" ? undefined : ask === "part" ? rng.int(1, Math.max(1, max)) : max + 1;
        const result = await firm.request.accept({ id: r.id, useVoucher: true, voucherFen }).then(
          (ok) => ok,
          (e: TRPCError) => e,
        );
        if (max === 0 || ask === "over" || (ask === "part" && voucherFen! > max)) {
          expect(result).toBeInstanceOf(TRPCError);
        } else {
          const taken = voucherFen ?? max;
          expect(result).toMatchObject({ voucherFen: taken });
          m.available -= taken;
          m.open.set(r.id, taken);
        }
      } else if (move === "cancel" && m.open.size > 0) {
        const [id, fen] = rng.pick([...m.open]);
        await op.request.cancel({ id, reason: "Model cancel" });
        m.open.delete(id);
        m.available += fen;
      } else if (move === "redeem" && m.open.size > 0) {
        // Redemption through a claim the department approves (the claim's documents are the
        // claims test's business; here the claim row stands for them).
        const [id, fen] = rng.pick([...m.open]);
        const claim = db
          .insert(voucherClaims)
          .values({
            requestId: id,
            facilityId: fx.lab.id,
            programmeId: p.id,
            amountFen: fen,
            agreementNumber: "SA-MODEL",
            invoiceId: invoiceFor(id),
            reportAttachmentId: reportFor(id),
            paidFen: 0,
            filedBy: fx.operator.id,
            filedAt: NOW,
          })
          .returning()
          .get();
        await admin.voucher.decideClaim({ id: claim.id, decision: "approve" });
        m.open.delete(id);
        m.redeemed += fen;
      } else if (move === "expire") {
        // Before the end nothing expires; a sweep after it would take all that is available.
        expect(expireAllotments(db, NOW + DAY)).toBe(0);
      }
      check();
    }
    // The programme ends: what is available expires; what is open stays open.
    const left = m.available;
    expect(expireAllotments(db, Date.UTC(2027, 0, 21))).toBe(left > 0 ? 1 : 0);
    m.expired += left;
    m.available = 0;
    check();
    // A cancellation after the end gives cover back, which the next sweep expires.
    if (m.open.size > 0) {
      const [id, fen] = [...m.open][0];
      await op.request.cancel({ id, reason: "After the end" });
      m.open.delete(id);
      m.available += fen;
      check();
      expect(expireAllotments(db, Date.UTC(2027, 0, 22))).toBe(1);
      m.expired += fen;
      m.available = 0;
      check();
    }
    console.log(`ledger model: ${steps} steps, redeemed ${m.redeemed}, expired ${m.expired}`);
  }, 120_000);
});

/** Claims need an invoice and a report row to point at; the model makes placeholders. */
function invoiceFor(requestId: number): number {
  return db.$client
    .prepare(
      `INSERT INTO invoices (request_id, number, issued_at, amount_fen, created_by, created_at)
       VALUES (?, ?, ?, 1, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(requestId, `MODEL-${requestId}`, NOW, fx.operator.id, NOW) as number;
}
function reportFor(requestId: number): number {
  return db.$client
    .prepare(
      `INSERT INTO attachments (request_id, uploader_id, kind, file_name, mime_type, size, sha256,
         storage_path, created_at) VALUES (?, ?, 'report', 'r.pdf', 'application/pdf', 1, 'x', 'x', ?)
       RETURNING id`,
    )
    .pluck()
    .get(requestId, fx.operator.id, NOW) as number;
}

/** Hour slots from 09:00 to 17:00 on weekdays of the next two weeks. */
function slotStart(n: number): number {
  const days = [1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18];
  return at(days[Math.floor(n / 8)], 9) + (n % 8) * HOUR;
}

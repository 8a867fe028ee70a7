// Races that really race: several OS processes on one database file, each with its own
// connection, contending through BEGIN IMMEDIATE and busy_timeout.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { eq, isNull, and } from "drizzle-orm";
import {
  bookingRequests,
  equipment,
  facilities,
  firms,
  reports,
  reservations,
  samples,
  users,
} from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { makeCreditCode } from "@/db/seed/credit-codes";
import { submitRequest } from "@/server/services/booking/submit-request";
import { quoteRequest } from "@/server/services/booking/quote-request";
import { loadActor } from "@/server/services/users/load-actor";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { expectMonthFiguresKept } from "../helpers/month-figures";
import { freshDb } from "../helpers/test-db";
import { runTogether, runWorker } from "./spawn";
import { grantAllotment } from "../helpers/voucher-grant";
import { draftReport } from "@/server/services/reports/draft";
import { PdfWriter } from "@/server/services/pdf/pdf-writer";

const HOUR = 3_600_000;
const { db, file } = freshDb();
const ids = {
  firmUsers: [] as number[],
  operators: [] as number[],
  single: 0,
  triple: 0,
  manual: 0,
};
// Slots start tomorrow at a whole hour, so that lead time and opening hours never interfere.
const base = Math.ceil((Date.now() + 2 * 86_400_000) / HOUR) * HOUR;

beforeAll(() => {
  const facilityId = db
    .insert(facilities)
    .values({
      slug: "race-lab",
      nameEn: "Race lab",
      nameZh: "竞争实验室",
      prefecture: "chengdu",
      openingHours: openingHoursPresets.continuous,
    })
    .returning()
    .get().id;
  const firmId = db
    .insert(firms)
    .values({
      name: "Racing firm",
      creditCode: makeCreditCode("510100", "77770001"),
      size: "small",
      industry: "chemicals",
      prefecture: "chengdu",
    })
    .returning()
    .get().id;
  for (let i = 0; i < 5; i++)
    ids.firmUsers.push(
      db
        .insert(users)
        .values({
          email: `racer${i}@example.cn`,
          name: `Racer ${i}`,
          passwordHash: "x",
          role: "firm",
          firmId,
        })
        .returning()
        .get().id,
    );
  for (let i = 0; i < 2; i++)
    ids.operators.push(
      db
        .insert(users)
        .values({
          email: `op${i}@example.cn`,
          name: `Op ${i}`,
          passwordHash: "x",
          role: "operator",
          facilityId,
        })
        .returning()
        .get().id,
    );
  const eq1 = (name: string, units: number, autoApprove: boolean) =>
    db
      .insert(equipment)
      .values({
        facilityId,
        name,
        category: "climate_chamber",
        units,
        autoApprove,
        setupMinutes: 15,
        leadDays: 0,
        minHours: 1,
        maxHours: 24,
        hourlyRateFen: 100,
      })
      .returning()
      .get().id;
  ids.single = eq1("Single", 1, true);
  ids.triple = eq1("Triple", 3, true);
  ids.manual = eq1("Manual", 1, false);
});

/** Whether attempts of different processes were in flight at the same time. */
const inFlightTogether = (perProcess: { startedAt?: number; endedAt?: number }[][]) =>
  perProcess.some((a, i) =>
    perProcess.some(
      (b, j) =>
        i !== j &&
        a.some((x) => b.some((y) => x.startedAt! < y.endedAt! && y.startedAt! < x.endedAt!)),
    ),
  );

type Outcome = {
  ok: boolean;
  startedAt?: number;
  endedAt?: number;
  code?: string;
  message?: string;
  ref?: string;
  status?: string;
  id?: number;
};

/**
 * Each of `processes` processes submits one request per round for the same slot, every round at
 * the same instant in all of them: `processes` requests in flight at once, `rounds` times.
 */
async function submitRace(equipmentId: number, rounds: number, processes: number, offset: number) {
  const slots = Array.from({ length: rounds }, (_, r) => ({
    equipmentId,
    start: base + (offset + r * 6) * HOUR,
    hours: 2,
    units: 1,
    // After the common start; fifty processes on two cores take about 3 s a round, and each
    // round ends before the next begins.
    at: r * 6000,
  }));
  // Each process warms up on its own copy of the database (a win and a refusal), so that none
  // races cold and the warm-ups do not contend.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  const warmCopy = (p: number) => {
    const copy = `${file}.warm-${equipmentId}-${p}`;
    fs.copyFileSync(file, copy);
    return copy;
  };
  const results = await runTogether<Outcome>(
    Array.from({ length: processes }, (_, p) => ({
      kind: "submit",
      db: file,
      userId: ids.firmUsers[p % ids.firmUsers.length],
      warmup: { db: warmCopy(p), equipmentId, start: base + (1000 + p * 3) * HOUR },
      slots,
    })),
  );
  // Per round, how many of the attempts were in flight together: started before the first of
  // them ended.
  const overlap = slots.map((_, r) => {
    const round = results.map((lines) => lines[r]);
    const firstEnd = Math.min(...round.map((o) => o.endedAt!));
    return round.filter((o) => o.startedAt! < firstEnd).length;
  });
  const spans = slots.map((_, r) => {
    const round = results.map((lines) => lines[r]);
    return Math.round(
      Math.max(...round.map((o) => o.endedAt!)) - Math.min(...round.map((o) => o.startedAt!)),
    );
  });
  console.log(`round spans (ms): ${spans.join(", ")}`);
  return { outcomes: results.flat(), overlap };
}

function confirmedPerSlot(equipmentId: number) {
  const rows = db
    .select()
    .from(reservations)
    .where(and(eq(reservations.equipmentId, equipmentId), isNull(reservations.releasedAt)))
    .all();
  const bySlot = new Map<number, number>();
  for (const r of rows) bySlot.set(r.start, (bySlot.get(r.start) ?? 0) + r.units);
  return bySlot;
}

describe("races on one database file", () => {
  it("50 submits in flight at once from 50 processes for one auto-approve slot of a single unit: exactly 1 wins, 6 rounds", async () => {
    const { outcomes, overlap } = await submitRace(ids.single, 6, 50, 0);
    expect(outcomes).toHaveLength(300);
    const crashes = outcomes.filter((o) => !o.ok && o.code !== "CONFLICT");
    expect(crashes).toEqual([]);
    expect(outcomes.filter((o) => /SQLITE_BUSY/.test(o.message ?? ""))).toEqual([]);
    expect(outcomes.filter((o) => o.ok && o.status === "confirmed")).toHaveLength(6);
    expect(outcomes.filter((o) => !o.ok && o.code === "CONFLICT")).toHaveLength(294);
    // Every round really raced: several attempts had begun before the first one finished.
    console.log(`in flight together per round: ${overlap.join(", ")}`);
    for (const n of overlap) expect(n).toBeGreaterThanOrEqual(5);
    // the winners came from more than one process: the processes really interleaved
    const winners = db
      .select({ requesterId: bookingRequests.requesterId })
      .from(bookingRequests)
      .where(
        and(eq(bookingRequests.equipmentId, ids.single), eq(bookingRequests.status, "confirmed")),
      )
      .all();
    expect(new Set(winners.map((w) => w.requesterId)).size).toBeGreaterThan(1);
    const perSlot = confirmedPerSlot(ids.single);
    expect(perSlot.size).toBe(6);
    for (const n of perSlot.values()) expect(n).toBe(1);
    expect(findInvariantViolations(db)).toEqual([]);
    expectMonthFiguresKept(db);
  }, 180_000);

  it("the same on three units: exactly 3 win per round", async () => {
    const { outcomes, overlap } = await submitRace(ids.triple, 6, 50, 200);
    expect(outcomes.filter((o) => !o.ok && o.code !== "CONFLICT")).toEqual([]);
    expect(outcomes.filter((o) => o.ok && o.status === "confirmed")).toHaveLength(18);
    for (const n of overlap) expect(n).toBeGreaterThanOrEqual(5);
    for (const n of confirmedPerSlot(ids.triple).values()) expect(n).toBe(3);
    expect(findInvariantViolations(db)).toEqual([]);
    expectMonthFiguresKept(db);
  }, 180_000);

  it("two operators quoting one request at once: one wins", async () => {
    const firm = loadActor(db, ids.firmUsers[0])!;
    const requests = Array.from({ length: 20 }, (_, i) =>
      submitRequest(
        db,
        { ...firm, firmId: firm.firmId! },
        {
          title: `Quote race ${i}`,
          serviceType: "testing",
          equipmentId: ids.manual,
          earliestStart: base,
          deadline: base + 400 * HOUR,
          hours: 2,
        },
      ),
    );
    const goAt = Date.now() + 6000;
    const quotes = (slotOffset: number) =>
      requests.map((r, i) => ({
        id: r.id,
        equipmentId: ids.manual,
        start: base + (10 + i * 12 + slotOffset) * HOUR,
        end: base + (12 + i * 12 + slotOffset) * HOUR,
      }));
    const [a, b] = await Promise.all([
      runWorker<Outcome>({
        kind: "quote",
        db: file,
        userId: ids.operators[0],
        goAt,
        quotes: quotes(0),
      }),
      runWorker<Outcome>({
        kind: "quote",
        db: file,
        userId: ids.operators[1],
        goAt,
        quotes: quotes(5),
      }),
    ]);
    for (let i = 0; i < requests.length; i++) {
      const wins = [a[i], b[i]].filter((o) => o.ok);
      expect(wins, `request ${i}: ${JSON.stringify([a[i], b[i]])}`).toHaveLength(1);
      const loser = [a[i], b[i]].find((o) => !o.ok)!;
      expect(["INVALID_STATE", "CONFLICT"]).toContain(loser.code);
      const holds = db
        .select()
        .from(reservations)
        .where(and(eq(reservations.requestId, requests[i].id), isNull(reservations.releasedAt)))
        .all();
      expect(holds).toHaveLength(1);
    }
    expect(findInvariantViolations(db)).toEqual([]);
    expectMonthFiguresKept(db);
  }, 120_000);

  it("a firm accepting while the expiry sweep runs: each request ends as its expiry and the accept's time say", async () => {
    const firm = loadActor(db, ids.firmUsers[1])!;
    const operator = loadActor(db, ids.operators[0])!;
    const goAt = Date.now() + 6000;
    // Accepted in this order: 20 whose quotes run out a few milliseconds apart around the start,
    // 5 valid for another minute, 5 that ran out before the start (the sweep gets there first).
    const validity = [
      ...Array.from({ length: 20 }, (_, i) => ({ group: "racing", validUntil: goAt + 5 + i * 2 })),
      ...Array.from({ length: 5 }, () => ({ group: "valid", validUntil: goAt + 60_000 })),
      ...Array.from({ length: 5 }, () => ({ group: "lapsed", validUntil: goAt - 1000 })),
    ];
    const made = validity.map((v, i) => {
      const r = submitRequest(
        db,
        { ...firm, firmId: firm.firmId! },
        {
          title: `Sweep race ${i}`,
          serviceType: "testing",
          equipmentId: ids.manual,
          earliestStart: base,
          deadline: base + 900 * HOUR,
          hours: 1,
        },
      );
      const start = base + (500 + i * 3) * HOUR;
      quoteRequest(
        db,
        { ...operator, facilityId: operator.facilityId! },
        {
          id: r.id,
          equipmentId: ids.manual,
          start,
          end: start + HOUR,
          units: 1,
          amountFen: 1,
          validUntil: v.validUntil,
        },
      );
      return { ...v, id: r.id };
    });
    const [accepts, [sweep]] = await Promise.all([
      runWorker<Outcome>({
        kind: "accept",
        db: file,
        userId: firm.userId,
        goAt,
        ids: made.map((m) => m.id),
      }),
      // The sweep starts a little earlier, so the lapsed quotes are its to expire even when the
      // accepting process runs first on a busy machine; it keeps sweeping through the race.
      runWorker<{ swept: number }>({
        kind: "sweep",
        db: file,
        goAt: goAt - 300,
        untilMs: goAt + 1500,
      }),
    ]);
    const tally = { confirmed: 0, expired: 0 };
    for (const [i, o] of accepts.entries()) {
      const m = made[i];
      const row = db.select().from(bookingRequests).where(eq(bookingRequests.id, m.id)).get()!;
      const live = db
        .select()
        .from(reservations)
        .where(and(eq(reservations.requestId, row.id), isNull(reservations.releasedAt)))
        .all();
      if (o.ok) {
        tally.confirmed++;
        // confirmed only by an accept that began before the quote ran out
        expect(o.startedAt!).toBeLessThan(m.validUntil);
        expect(row.status).toBe("confirmed");
        expect(live).toMatchObject([{ kind: "booking" }]);
      } else {
        tally.expired++;
        // refused only once the quote had run out, by the accept itself or the sweep before it
        expect(o.code).toBe("INVALID_STATE");
        expect(o.endedAt!).toBeGreaterThanOrEqual(m.validUntil);
        expect(row.status).toBe("expired");
        expect(live).toEqual([]);
      }
      if (m.group === "valid") expect(o.ok).toBe(true);
      if (m.group === "lapsed") expect(o.ok).toBe(false);
    }
    expect(tally.confirmed + tally.expired).toBe(30);
    expect(tally.confirmed).toBeGreaterThanOrEqual(5);
    expect(tally.expired).toBeGreaterThanOrEqual(5);
    // the sweep ran during the accepts and expired at least the lapsed quotes itself
    expect(sweep.swept).toBeGreaterThanOrEqual(1);
    expect(findInvariantViolations(db)).toEqual([]);
    expectMonthFiguresKept(db);
  }, 120_000);
});

describe("voucher cover under concurrent acceptances", () => {
  it("30 acceptances from 3 processes drawing on one allotment never overspend it", async () => {
    const firm = loadActor(db, ids.firmUsers[2])!;
    const operator = loadActor(db, ids.operators[0])!;
    const at = Date.now();
    const { allotment } = grantAllotment(db, {
      firmId: firm.firmId!,
      userId: firm.userId,
      amountFen: 50_000,
      year: 2026,
      at,
    });
    // Each quote: ¥100 of eligible machine time + 6 % VAT = 10,600 fen; 30 % covers 3,180.
    const made = Array.from({ length: 30 }, (_, i) => {
      const r = submitRequest(
        db,
        { ...firm, firmId: firm.firmId! },
        {
          title: `Voucher race ${i}`,
          serviceType: "testing",
          equipmentId: ids.manual,
          earliestStart: base,
          deadline: base + 2000 * HOUR,
          hours: 1,
        },
      );
      const start = base + (1000 + i * 2) * HOUR;
      quoteRequest(
        db,
        { ...operator, facilityId: operator.facilityId! },
        {
          id: r.id,
          equipmentId: ids.manual,
          start,
          end: start + HOUR,
          units: 1,
          validUntil: Date.now() + 3_600_000,
          lines: [
            {
              kind: "machine_time",
              quantity: 1,
              unitPriceFen: 10_000,
              voucherEligible: true,
            },
          ],
        },
      );
      return r.id;
    });
    const groups = [0, 1, 2].map((k) => made.filter((_, i) => i % 3 === k));
    const results = (
      await runTogether<Outcome & { id: number }>(
        groups.map((g) => ({
          kind: "accept",
          db: file,
          userId: firm.userId,
          ids: g,
          useVoucher: true,
        })),
      )
    ).flat();
    expect(results).toHaveLength(30);
    expect(results.filter((o) => !o.ok && o.code !== "INVALID_STATE")).toEqual([]);
    const rows = db.$client
      .prepare(
        `SELECT kind, COUNT(*) AS n, SUM(amount_fen) AS fen FROM voucher_ledger
         WHERE allotment_id = ? GROUP BY kind ORDER BY kind`,
      )
      .all(allotment.id) as { kind: string; n: number; fen: number }[];
    const reserved = rows.find((r) => r.kind === "reserved")!;
    // Never overspent: exactly the allotment is drawn, 15 full covers and one partial.
    expect(reserved.fen).toBe(50_000);
    expect(reserved.n).toBe(16);
    const accepted = results.filter((o) => o.ok);
    expect(accepted).toHaveLength(16);
    // The acceptances that found nothing left were refused and left their quotes as they were.
    for (const o of results.filter((r) => !r.ok)) {
      expect(o.message).toMatch(/voucher/i);
      const row = db.select().from(bookingRequests).where(eq(bookingRequests.id, o.id)).get()!;
      expect(row.status).toBe("quoted");
    }
    // Each process won some: the acceptances really interleaved.
    const winners = new Set(accepted.map((o) => groups.findIndex((g) => g.includes(o.id))));
    expect(winners.size).toBeGreaterThan(1);
    expect(findInvariantViolations(db)).toEqual([]);
    expectMonthFiguresKept(db);
  }, 120_000);
});

describe("sample IDs under concurrent receipts", () => {
  it("40 samples received at once by 4 processes: IDs unique and gap-free per facility and year", async () => {
    const firm = loadActor(db, ids.firmUsers[3])!;
    // Forty confirmed requests (auto-approved) of the race lab, far from the other tests' slots.
    const made = Array.from(
      { length: 40 },
      (_, i) =>
        submitRequest(
          db,
          { ...firm, firmId: firm.firmId! },
          {
            title: `Sample race ${i}`,
            serviceType: "testing",
            equipmentId: ids.triple,
            earliestStart: base + (3000 + i * 2) * HOUR,
            deadline: base + (3100 + i * 2) * HOUR,
            preferredStart: base + (3000 + i * 2) * HOUR,
            hours: 1,
          },
        ).id,
    );
    const groups = [0, 1, 2, 3].map((k) => made.filter((_, i) => i % 4 === k));
    const perProcess = await runTogether<Outcome>(
      groups.map((g) => ({ kind: "receive", db: file, userId: ids.operators[0], requestIds: g })),
    );
    const results = perProcess.flat();
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const codes = results.map((r) => r.ref!).sort();
    expect(new Set(codes).size).toBe(40);
    const rows = db.select().from(samples).orderBy(samples.seq).all();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(rows.map((r) => r.code).sort()).toEqual(codes);
    // The processes really raced: receipts of different processes were in flight at once.
    expect(inFlightTogether(perProcess)).toBe(true);
  }, 120_000);
});

describe("report numbers under concurrent approvals", () => {
  it("16 reports approved at once by 4 processes: numbers unique and gap-free, each on its own file", async () => {
    const previousDataDir = process.env.DATA_DIR;
    process.env.DATA_DIR = fs.mkdtempSync("/tmp/race-reports-");
    try {
      const firm = loadActor(db, ids.firmUsers[4])!;
      const tester = loadActor(db, ids.operators[0])!;
      db.update(users).set({ signatory: true }).where(eq(users.id, ids.operators[1])).run();
      const made = Array.from(
        { length: 16 },
        (_, i) =>
          submitRequest(
            db,
            { ...firm, firmId: firm.firmId! },
            {
              title: `Report race ${i}`,
              serviceType: "testing",
              equipmentId: ids.triple,
              earliestStart: base + (4000 + i * 2) * HOUR,
              deadline: base + (4100 + i * 2) * HOUR,
              preferredStart: base + (4000 + i * 2) * HOUR,
              hours: 1,
            },
          ).id,
      );
      // The work is under way (set directly: starting is not what this test is about).
      for (const id of made)
        db.update(bookingRequests)
          .set({ status: "in_progress" })
          .where(eq(bookingRequests.id, id))
          .run();
      const reportIds: number[] = [];
      for (const [i, requestId] of made.entries()) {
        const pdf = await PdfWriter.create("Race report");
        await pdf.paragraph(`Race report ${i}`);
        const bytes = await pdf.save();
        reportIds.push(
          (
            await draftReport(
              db,
              tester,
              { requestId, title: `Race report ${i}` },
              {
                name: "r.pdf",
                bytes,
              },
            )
          ).id,
        );
      }
      const groups = [0, 1, 2, 3].map((k) => reportIds.filter((_, i) => i % 4 === k));
      const perProcess = await runTogether<Outcome>(
        groups.map((g) => ({ kind: "approve", db: file, userId: ids.operators[1], reportIds: g })),
      );
      const results = perProcess.flat();
      expect(results.filter((r) => !r.ok)).toEqual([]);
      const rows = db.select().from(reports).orderBy(reports.seq).all();
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.number)).size).toBe(16);
      expect(rows.map((r) => r.number).sort()).toEqual(results.map((r) => r.ref!).sort());
      // Each number is stamped on its own released file.
      expect(new Set(rows.map((r) => r.releasedSha256)).size).toBe(16);
      expect(inFlightTogether(perProcess)).toBe(true);
    } finally {
      process.env.DATA_DIR = previousDataDir;
    }
  }, 180_000);
});

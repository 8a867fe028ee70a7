// stats.use and stats.machineHours on a hand-computed fixture: a period of two days crossing a
// month's end (Jan 31 – Feb 1 2027, Asia/Shanghai) with a use that starts before the period, a
// use across the month end, in-house use, a use still checked in, a no-show, a closed and an open
// fault, a firm that is the facility's own operating entity (internal), invoices, a payment,
// voucher cover, ratings and quotes; and a month with in-house use only.
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { classifyUsesSql } from "@/db/use-kind";
import {
  bookingRequests,
  equipment,
  equipmentFaults,
  equipmentUse,
  facilities,
  feedback,
  firms,
  invoices,
  payments,
  reservations,
  users,
  voucherAllotments,
  voucherLedger,
  voucherProgrammes,
} from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { statsUse } from "@/server/services/stats/use-figures";
import { statsMachineHours } from "@/server/services/stats/utilisation";
import { setClockForTests } from "@/server/services/clock";
import { NETWORK_TIME_ZONE, parseLocal } from "@/server/services/scheduling/local-time";
import { freshDb, callerFor } from "../helpers/test-db";

const H = 3_600_000;
const JAN31 = parseLocal("2027-01-31T00:00", NETWORK_TIME_ZONE);
const FEB1 = JAN31 + 24 * H;
const DEC31 = parseLocal("2026-12-31T00:00", NETWORK_TIME_ZONE);
const NOW = FEB1 + 22 * H;
const period = { from: JAN31, to: JAN31 + 48 * H };
const { db } = freshDb();
const ids: Record<string, number> = {};

beforeAll(() => {
  setClockForTests(NOW);
  const fac = (slug: string, prefecture: string, fields: string[], creditCode: string | null) =>
    db
      .insert(facilities)
      .values({
        slug,
        nameEn: slug,
        nameZh: slug,
        prefecture,
        fields,
        creditCode,
        openingHours: openingHoursPresets.continuous,
      })
      .returning()
      .get().id;
  ids.a = fac("a", "chengdu", ["advanced_materials", "chemicals"], "HOST-A");
  ids.b = fac("b", "mianyang", ["ai"], null);
  const eq = (facilityId: number, name: string, units: number, originalValueFen: number) =>
    db
      .insert(equipment)
      .values({ facilityId, name, category: "c", units, hourlyRateFen: 1, originalValueFen })
      .returning()
      .get().id;
  ids.a1 = eq(ids.a, "A1", 2, 60_000_000); // large
  ids.a2 = eq(ids.a, "A2", 1, 10_000_000);
  ids.b1 = eq(ids.b, "B1", 1, 50_000_000); // large (exactly ¥500,000)
  const firm = (name: string, creditCode: string) =>
    db
      .insert(firms)
      .values({ name, creditCode, size: "small", industry: "chemicals", prefecture: "chengdu" })
      .returning()
      .get().id;
  ids.host = firm("Host of A", "HOST-A");
  ids.outside = firm("Outside", "OUT-1");
  ids.admin = db
    .insert(users)
    .values({ email: "admin@x.cn", name: "Admin", passwordHash: "x", role: "admin" })
    .returning()
    .get().id;
  ids.operator = db
    .insert(users)
    .values({
      email: "op@x.cn",
      name: "Op",
      passwordHash: "x",
      role: "operator",
      facilityId: ids.a,
    })
    .returning()
    .get().id;
  const requester = (firmId: number, email: string) =>
    db
      .insert(users)
      .values({ email, name: email, passwordHash: "x", role: "firm", firmId })
      .returning()
      .get().id;
  ids.hostUser = requester(ids.host, "h@x.cn");
  ids.outsideUser = requester(ids.outside, "o@x.cn");
  let n = 0;
  const request = (firmId: number, facilityId: number, equipmentId: number, quotedAfter: number) =>
    db
      .insert(bookingRequests)
      .values({
        ref: `R${++n}`,
        firmId,
        requesterId: firmId === ids.host ? ids.hostUser : ids.outsideUser,
        facilityId,
        serviceType: "testing",
        title: "t",
        earliestStart: DEC31,
        deadline: FEB1 + 99 * H,
        hours: 2,
        status: "completed",
        quoteEquipmentId: equipmentId,
        createdAt: JAN31 - 10 * H,
        quotedAt: JAN31 - 10 * H + quotedAfter,
      })
      .returning()
      .get().id;
  // Quoted before the period: no response time counts for them, except R6 (quoted in it).
  ids.r1 = request(ids.outside, ids.a, ids.a1, 2 * H);
  ids.r2 = request(ids.host, ids.a, ids.a1, 2 * H);
  ids.r3 = request(ids.outside, ids.b, ids.b1, 2 * H);
  ids.r4 = request(ids.host, ids.b, ids.b1, 2 * H);
  ids.r5 = request(ids.outside, ids.a, ids.a2, 2 * H);
  ids.r6 = request(ids.outside, ids.a, ids.a1, 16 * H); // quoted JAN31 06:00, 16 h after
  const use = (
    equipmentId: number,
    facilityId: number,
    requestId: number | null,
    start: number,
    end: number | null,
    units = 1,
  ) =>
    db
      .insert(equipmentUse)
      .values({
        facilityId,
        equipmentId,
        requestId,
        start,
        end,
        units,
        purpose: requestId === null ? "research" : null,
        recordedBy: ids.operator,
      })
      .run();
  use(ids.a1, ids.a, ids.r1, JAN31 - 2 * H, JAN31 + 3 * H, 2); // 3 h × 2 in the period, external
  use(ids.a1, ids.a, ids.r2, FEB1 - H, FEB1 + H); // across the month end, internal (the host)
  use(ids.a2, ids.a, null, JAN31 + 10 * H, JAN31 + 14 * H); // in-house 4 h
  use(ids.b1, ids.b, ids.r3, FEB1 + 2 * H, FEB1 + 5 * H); // external 3 h
  use(ids.b1, ids.b, ids.r4, FEB1 + 20 * H, null); // still checked in: 2 h to NOW, external at B
  use(ids.a2, ids.a, null, DEC31 + 10 * H, DEC31 + 12 * H); // December: in-house only
  db.run(sql.raw(classifyUsesSql("1 = 1")));
  // A booking of R5 that ended with nothing recorded: a no-show.
  db.insert(reservations)
    .values({
      facilityId: ids.a,
      equipmentId: ids.a2,
      requestId: ids.r5,
      kind: "booking",
      start: FEB1 + H,
      end: FEB1 + 3 * H,
    })
    .run();
  const fault = (equipmentId: number, facilityId: number, at: number, closedAt: number | null) =>
    db
      .insert(equipmentFaults)
      .values({
        facilityId,
        equipmentId,
        description: "x",
        reportedAt: at,
        reportedBy: ids.operator,
        closedAt,
      })
      .run();
  fault(ids.b1, ids.b, JAN31 + 20 * H, FEB1 + 2 * H); // 6 h
  fault(ids.a2, ids.a, FEB1 + 21 * H, null); // open: 1 h to NOW
  fault(ids.a1, ids.a, JAN31 - 5 * H, JAN31 - H); // before the period: nothing
  // Income: R1 invoiced ¥1,000, ¥600 paid; R3 ¥200 voucher cover redeemed; ratings 5 (R1), 3 (R3).
  const invoice = db
    .insert(invoices)
    .values({
      requestId: ids.r1,
      number: "INV-1",
      issuedAt: JAN31 + 5 * H,
      amountFen: 100_000,
      createdBy: ids.operator,
    })
    .returning()
    .get().id;
  db.insert(payments)
    .values({
      requestId: ids.r1,
      invoiceId: invoice,
      paidAt: FEB1 + H,
      amountFen: 60_000,
      bankReference: "P1",
      createdBy: ids.operator,
    })
    .run();
  const programme = db
    .insert(voucherProgrammes)
    .values({
      year: 2027,
      nameEn: "V",
      nameZh: "V",
      budgetFen: 1_000_000,
      firmCapFen: 1_000_000,
      ratesBp: {},
      eligibleSizes: [],
      eligiblePrefectures: [],
      applyFrom: DEC31,
      applyUntil: FEB1,
      validUntil: FEB1 + 99 * H,
      createdBy: ids.admin,
    })
    .returning()
    .get().id;
  const allotment = db
    .insert(voucherAllotments)
    .values({
      programmeId: programme,
      firmId: ids.outside,
      requestedFen: 20_000,
      purpose: "x",
      appliedBy: ids.outsideUser,
    })
    .returning()
    .get().id;
  db.insert(voucherLedger)
    .values({
      allotmentId: allotment,
      programmeId: programme,
      firmId: ids.outside,
      requestId: ids.r3,
      facilityId: ids.b,
      kind: "redeemed",
      amountFen: 20_000,
      at: FEB1 + 6 * H,
    })
    .run();
  const rate = (requestId: number, firmId: number, authorId: number, rating: number) =>
    db
      .insert(feedback)
      .values({ requestId, firmId, authorId, rating, createdAt: FEB1 + 8 * H })
      .run();
  rate(ids.r1, ids.outside, ids.outsideUser, 5);
  rate(ids.r3, ids.outside, ids.outsideUser, 3);
});

describe("stats.use", () => {
  it("sums recorded use, downtime, no-shows, income, users, ratings and response times", () => {
    const s = statsUse(db, period);
    // Effective: 6 + 2 + 4 + 3 + 2 = 17; external: 6 (A1, R1) + 3 + 2 (B1) = 11; in-house 4.
    expect(s.network).toEqual({
      equipmentCount: 3,
      effectiveHours: 17,
      externalHours: 11,
      inHouseHours: 4,
      downHours: 7,
      noShows: 1,
      sharingRate: 11 / 17,
      invoicedFen: 100_000,
      paidFen: 60_000,
      voucherFen: 20_000,
      externalUsers: 2, // the outside firm, and the host of A working at B
      averageRating: 4,
      averageResponseHours: 16,
    });
    const a = s.byFacility.find((f) => f.facilityId === ids.a)!.figure;
    expect(a).toMatchObject({
      effectiveHours: 12,
      externalHours: 6,
      inHouseHours: 4,
      downHours: 1,
      noShows: 1,
      sharingRate: 0.5,
      externalUsers: 1,
      averageRating: 5,
    });
    const b = s.byFacility.find((f) => f.facilityId === ids.b)!.figure;
    expect(b).toMatchObject({ effectiveHours: 5, externalHours: 5, sharingRate: 1, downHours: 6 });
    // A facility counts in each of its fields.
    expect(s.byField.map((g) => [g.field, g.figure.effectiveHours])).toEqual([
      ["advanced_materials", 12],
      ["chemicals", 12],
      ["ai", 5],
    ]);
    expect(s.byPrefecture.map((g) => [g.prefecture, g.figure.externalHours])).toEqual([
      ["chengdu", 6],
      ["mianyang", 5],
    ]);
    // By month: Jan 31 holds 6 (R1) + 1 (R2's first hour) + 4 in-house; Feb 1 the rest.
    expect(s.byMonth).toEqual([
      { month: "2027-01", effectiveHours: 11, externalHours: 6, inHouseHours: 4 },
      { month: "2027-02", effectiveHours: 6, externalHours: 5, inHouseHours: 0 },
    ]);
    expect(s.byEquipment).toEqual([]);
    const one = statsUse(db, { ...period, facilityId: ids.a });
    expect(one.byEquipment.map((e) => [e.name, e.figure.effectiveHours, e.figure.noShows])).toEqual(
      [
        ["A1", 8, 0],
        ["A2", 4, 1],
      ],
    );
  });

  it("counts a month with in-house use only", () => {
    const s = statsUse(db, { from: DEC31, to: JAN31 + 48 * H });
    expect(s.byMonth[0]).toEqual({
      month: "2026-12",
      effectiveHours: 2,
      externalHours: 0,
      inHouseHours: 2,
    });
    expect(s.network.inHouseHours).toBe(6);
  });

  it("is for admins only", async () => {
    await expect(callerFor(db, ids.operator).stats.use(period)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await callerFor(db, ids.admin).stats.use(period)).network.effectiveHours).toBe(17);
  });
});

describe("stats.machineHours", () => {
  it("lists the large instruments from recorded use per unit against the year's benchmark", () => {
    const m = statsMachineHours(db, period);
    // × 8760 / 48: A1 8 unit-h ÷ 2 units = 4 h → 730; B1 5 h → 912.5. A2 is not large.
    expect(m.equipment.map((e) => [e.name, e.hours, e.hoursPerYear, e.belowBenchmark])).toEqual([
      ["A1", 4, 730, true],
      ["B1", 5, 912.5, true],
    ]);
    expect(m).toMatchObject({
      benchmark: 1400,
      benchmarkSet: false,
      equipmentCount: 2,
      belowCount: 2,
    });
  });
});

describe("the annual evaluation of a small network, by hand", () => {
  // Year 2027 up to NOW (Feb 1 22:00): 766 h elapsed of 8,760. Large instruments count: A1 (2
  // units, ¥600,000) at A, B1 (¥500,000) at B; A2 (¥100,000) does not.
  // A: A1 10 unit-h external (R1, 5 h × 2 from Jan 30 22:00) + 2 internal = 12; down 4 h (the
  //    fault before the period is in the year); users 1; income ¥1,000 / ¥600,000; rating 5.
  // B: B1 3 + 2 external = 5; down 6 h; users 2; voucher ¥200 / ¥500,000; rating 3.
  const expectedA = {
    "score.effectiveHours": 4.9, // 12 / 2 × 8760 / 766 = 68.62 h ÷ 1400
    "score.sharingRate": 83.33, // 10 / 12
    "score.externalUsers": 50, // 1 of the best 2
    "score.income": 100,
    "score.rating": 100,
    "score.availability": 99.48, // 1 − 4 / 766
  };
  const expectedB = {
    "score.effectiveHours": 4.08, // 5 × 8760 / 766 = 57.18 h ÷ 1400
    "score.sharingRate": 100,
    "score.externalUsers": 100,
    "score.income": 24, // 0.0004 ÷ 0.0016667
    "score.rating": 60,
    "score.availability": 99.22, // 1 − 6 / 766
  };

  it("refuses bad settings by field and changes nothing", async () => {
    const admin = callerFor(db, ids.admin);
    const body = {
      year: 2027,
      benchmarkHours: 1400,
      scope: "large" as const,
      weights: {
        effectiveHours: 35,
        sharingRate: 20,
        externalUsers: 15,
        income: 10,
        rating: 10,
        availability: 9,
      },
    };
    await expect(admin.evaluation.saveSettings(body)).rejects.toMatchObject({
      message: expect.stringContaining("weights"),
    });
    await expect(
      admin.evaluation.saveSettings({
        ...body,
        benchmarkHours: 0,
        weights: { ...body.weights, availability: 10 },
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("benchmarkHours") });
    expect((await admin.evaluation.ranking({ year: 2027 })).settings.saved).toBe(false);
    await expect(callerFor(db, ids.operator).evaluation.run({ year: 2027 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(db, ids.hostUser).evaluation.mine()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("scores every facility indicator by indicator, ranks them, and shows each facility its own", async () => {
    const admin = callerFor(db, ids.admin);
    await admin.evaluation.run({ year: 2027 });
    const { results } = await admin.evaluation.ranking({ year: 2027 });
    expect(results!.map((r) => [r.slug, r.rank, r.score])).toEqual([
      ["a", 1, 55.83], // 0.35 × 4.90 + 0.2 × 83.33 + 0.15 × 50 + 10 + 10 + 0.1 × 99.48
      ["b", 2, 54.75], // 0.35 × 4.08 + 20 + 15 + 0.1 × 24 + 6 + 0.1 × 99.22
    ]);
    expect(results![0].figures).toMatchObject({ ...expectedA, effectiveHours: 12, downHours: 4 });
    expect(results![1].figures).toMatchObject({
      ...expectedB,
      effectiveHours: 5,
      externalUsers: 2,
    });
    // The operator of A sees A's result only.
    const mine = await callerFor(db, ids.operator).evaluation.mine();
    expect(mine.map((m) => [m.year, m.rank, m.score, m.ranked])).toEqual([[2027, 1, 55.83, 2]]);
    // Leaving A1 out leaves A unranked at the next run.
    await admin.evaluation.setExcluded({ year: 2027, equipmentId: ids.a1, excluded: true });
    await admin.evaluation.run({ year: 2027 });
    const again = (await admin.evaluation.ranking({ year: 2027 })).results!;
    expect(again.map((r) => [r.slug, r.rank])).toEqual([
      ["b", 1],
      ["a", null],
    ]);
    const detail = await admin.evaluation.facility({ year: 2027, facilityId: ids.a });
    expect(detail.equipment.map((e) => [e.name, e.large, e.excluded, e.counted])).toEqual([
      ["A1", true, true, false],
      ["A2", false, false, false],
    ]);
    await admin.evaluation.setExcluded({ year: 2027, equipmentId: ids.a1, excluded: false });
    await admin.evaluation.run({ year: 2027 });
  });

  it("exports the evaluation and the instrument records with bilingual column names", async () => {
    const { exportEvaluation } = await import("@/server/services/evaluation/export");
    const ranking = new TextDecoder().decode(exportEvaluation(db, 2027, "ranking", "csv").bytes);
    const [head, first] = ranking.split(/\r?\n/);
    expect(head).toContain("排名 Rank");
    expect(head).toContain("共享率(%) Sharing rate (%)");
    expect(first).toMatch(/^"2027","1","a a","chengdu","55.83","1","12",/);
    const records = new TextDecoder().decode(
      exportEvaluation(db, 2027, "instruments", "csv").bytes,
    );
    expect(records.split(/\r?\n/)[0]).toContain("资产编号 Asset number");
    expect(records).toContain("A1");
    expect(records).not.toContain("A2"); // not large, not counted
    const xlsx = exportEvaluation(db, 2027, "instruments", "xlsx");
    expect(xlsx.fileName).toBe("instruments-2027.xlsx");
    expect([...xlsx.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a ZIP container
  });
});

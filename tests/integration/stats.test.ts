// Headline figures on a small hand-computed fixture, an empty period, and admin-only access.
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import {
  bookingRequests,
  equipment,
  facilities,
  firms,
  invoices,
  payments,
  reservations,
  users,
} from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { statsOverview } from "@/server/services/stats/overview";
import { equipmentRequests } from "@/server/services/stats/equipment-requests";
import { freshDb, callerFor } from "../helpers/test-db";

const H = 3_600_000;
const MON = Date.UTC(2027, 0, 3, 16); // Monday 00:00 in Shanghai
const { db } = freshDb();
const ids: Record<string, number> = {};

beforeAll(() => {
  const fac = (slug: string, prefecture: string) =>
    db
      .insert(facilities)
      .values({
        slug,
        nameEn: slug,
        nameZh: slug,
        prefecture,
        fields: ["advanced_materials"],
        openingHours: openingHoursPresets.continuous,
      })
      .returning()
      .get().id;
  ids.chengdu = fac("cd", "chengdu");
  ids.mianyang = fac("my", "mianyang");
  ids.eq = db
    .insert(equipment)
    .values({
      facilityId: ids.chengdu,
      name: "E",
      category: "c",
      units: 1,
      hourlyRateFen: 1,
      originalValueFen: 100_000,
    })
    .returning()
    .get().id;
  const firmId = db
    .insert(firms)
    .values({
      name: "A",
      creditCode: "A",
      size: "small",
      industry: "chemicals",
      prefecture: "chengdu",
    })
    .returning()
    .get().id;
  const requester = db
    .insert(users)
    .values({ email: "a@x.cn", name: "A", passwordHash: "x", role: "firm", firmId })
    .returning()
    .get().id;
  ids.admin = db
    .insert(users)
    .values({ email: "admin@x.cn", name: "Admin", passwordHash: "x", role: "admin" })
    .returning()
    .get().id;
  ids.firmUser = requester;
  const base = {
    firmId,
    requesterId: requester,
    serviceType: "testing" as const,
    title: "t",
    earliestStart: MON,
    deadline: MON + 99 * H,
    hours: 2,
    createdAt: MON + H,
  };
  const r1 = db
    .insert(bookingRequests)
    .values({
      ...base,
      ref: "R1",
      facilityId: ids.chengdu,
      status: "completed",
      quotedAt: MON + 3 * H,
      confirmedAt: MON + 4 * H,
      startedAt: MON + 11 * H,
      completedAt: MON + 13 * H,
      closedAt: MON + 13 * H,
      quoteAmountFen: 1000,
    })
    .returning()
    .get().id;
  // Its fapiao the next morning, half of it paid that afternoon, and a voided one that counts not.
  const inv = (number: string, status: "issued" | "void") =>
    db
      .insert(invoices)
      .values({
        requestId: r1,
        number,
        issuedAt: MON + 14 * H,
        amountFen: 1000,
        status,
        createdBy: requester,
      })
      .returning()
      .get().id;
  inv("VOID-0001", "void");
  db.insert(payments)
    .values({
      requestId: r1,
      invoiceId: inv("INV-0001", "issued"),
      paidAt: MON + 15 * H,
      amountFen: 500,
      bankReference: "REF-0001",
      createdBy: requester,
    })
    .run();
  db.insert(bookingRequests)
    .values({
      ...base,
      ref: "R2",
      facilityId: ids.chengdu,
      status: "rejected",
      reason: "No capacity",
      closedAt: MON + 5 * H,
    })
    .run();
  db.insert(bookingRequests)
    .values({
      ...base,
      ref: "R3",
      facilityId: ids.mianyang,
      status: "submitted",
      routedAt: MON + 7 * H,
    })
    .run();
  // A booking from Sunday 23:00 to Monday 11:00 crosses the period's start: 11 h of it count.
  db.insert(reservations)
    .values({
      facilityId: ids.chengdu,
      equipmentId: ids.eq,
      requestId: r1,
      kind: "booking",
      start: MON - H,
      end: MON + 11 * H,
      units: 1,
    })
    .run();
});

describe("stats.overview", () => {
  it("computes every headline figure on the fixture", () => {
    const s = statsOverview(db, { from: MON, to: MON + 24 * H });
    expect(s.utilisation).toEqual({ bookedUnitHours: 11, availableUnitHours: 24, ratio: 11 / 24 });
    expect(s.requestsByStatus).toEqual([
      { status: "completed", n: 1 },
      { status: "rejected", n: 1 },
      { status: "submitted", n: 1 },
    ]);
    expect(s.funnel).toEqual({ submitted: 3, quoted: 1, confirmed: 1, completed: 1 });
    expect(s.medianHoursToQuote).toBe(2);
    expect(s.medianHoursToStart).toBe(10);
    expect(s.completionRate).toBe(0.5);
    expect(s.rejectionRate).toBe(0.5);
    expect(s.rejectionReasons).toEqual([{ code: null, reason: "No capacity", n: 1 }]);
    expect(s.firmsServed).toEqual({
      distinct: 1,
      repeatShare: 0,
      bySize: [{ key: "small", n: 1 }],
      byIndustry: [{ key: "chemicals", n: 1 }],
      byPrefecture: [{ key: "chengdu", n: 1 }],
    });
    expect(s.revenueFen).toBe(1000);
    expect(s.paidFen).toBe(500);
    expect(s.revenuePerEquipmentValue).toBe(0.01);
    expect(s.hub).toEqual({ routed: 1, medianHoursToRoute: 6, crossPrefectureShare: 1 });
  });

  it("filters by prefecture", () => {
    const s = statsOverview(db, { from: MON, to: MON + 24 * H, prefecture: "mianyang" });
    expect(s.funnel.submitted).toBe(1);
    expect(s.revenueFen).toBe(0);
    expect(s.utilisation.ratio).toBeNull(); // no equipment there
  });

  it("shows an empty period as zeros and null ratios, never a division by zero", () => {
    const s = statsOverview(db, { from: MON + 100 * 24 * H, to: MON + 101 * 24 * H });
    expect(s.funnel).toEqual({ submitted: 0, quoted: 0, confirmed: 0, completed: 0 });
    expect([
      s.completionRate,
      s.rejectionRate,
      s.medianHoursToQuote,
      s.firmsServed.repeatShare,
      s.hub.crossPrefectureShare,
      s.hub.medianHoursToRoute,
    ]).toEqual([null, null, null, null, null, null]);
  });

  it("is for admins only, with field-level errors", async () => {
    await expect(
      callerFor(db, ids.firmUser).stats.overview({ from: MON, to: MON + H }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(db, null).stats.overview({ from: MON, to: MON + H }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const err = await callerFor(db, ids.admin)
      .stats.overview({ from: MON + H, to: MON })
      .catch((e: TRPCError) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect(
      (await callerFor(db, ids.admin).stats.overview({ from: MON, to: MON + 24 * H })).funnel
        .submitted,
    ).toBe(3);
  });

  it("drills down to one equipment's requests in the period", async () => {
    const d = equipmentRequests(db, { equipmentId: ids.eq, from: MON, to: MON + 24 * H });
    expect(d.equipment).toMatchObject({ name: "E", prefecture: "chengdu" });
    expect(d.utilisation).toMatchObject({ bookedUnitHours: 11, availableUnitHours: 24 });
    expect(d.requests.map((r) => [r.ref, r.status, r.firm])).toEqual([["R1", "completed", "A"]]);
    expect(
      equipmentRequests(db, {
        equipmentId: ids.eq,
        from: MON + 100 * 24 * H,
        to: MON + 101 * 24 * H,
      }).requests,
    ).toEqual([]);
    await expect(
      callerFor(db, ids.admin).stats.equipmentRequests({
        equipmentId: 9999,
        from: MON,
        to: MON + H,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerFor(db, ids.firmUser).stats.equipmentRequests({
        equipmentId: ids.eq,
        from: MON,
        to: MON + H,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(db, ids.admin).stats.equipmentRequests({
        equipmentId: ids.eq,
        from: MON,
        to: MON - H,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

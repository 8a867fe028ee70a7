// Freed capacity and the waitlist under real contention. Half the frees are cancellations (each
// offers what it freed in its own transaction), half are holds running out (no write frees them:
// the waitlist job does). One process cancels, two run the waitlist job back to back, and one
// firm tries again and again to book the freed slots. The scheduling invariant holds, every
// waiting firm is offered at most once, every offer holds its slot, and once the dust settles
// no capacity is left idle that a waiting firm's need fits.
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import {
  bookingRequests,
  equipment,
  facilities,
  firms,
  reservations,
  users,
  waitlistEntries,
} from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { makeCreditCode } from "@/db/seed/credit-codes";
import { submitRequest } from "@/server/services/booking/submit-request";
import { quoteRequest } from "@/server/services/booking/quote-request";
import { joinWaitlist } from "@/server/services/waitlist/join";
import { fitOf, runWaitlist } from "@/server/services/waitlist/offer";
import { loadActor } from "@/server/services/users/load-actor";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { freshDb } from "../helpers/test-db";
import { runTogether } from "./spawn";

const HOUR = 3_600_000;
const { db, file } = freshDb();
const BOOKINGS = 8;
// Whole hours from the day after tomorrow, so that lead time and the offer notice never interfere.
const base = Math.ceil((Date.now() + 2 * 86_400_000) / HOUR) * HOUR;
const slotStart = (i: number) => base + i * 4 * HOUR;
const ids = {
  equipment: 0,
  operator: 0,
  blocker: 0,
  grabber: 0,
  waiters: [] as number[],
  /** Confirmed bookings, cancelled in the race. */
  booked: [] as number[],
  /** Requests whose quotes' holds run out during the race. */
  held: [] as number[],
};
/** Blocks 0–3 are booked, 4–7 held. */
const HELD_FROM = 4;
const waiting: number[] = [];

function firmWithUser(n: number) {
  const firmId = db
    .insert(firms)
    .values({
      name: `Waiting firm ${n}`,
      creditCode: makeCreditCode("510100", String(88880000 + n)),
      size: "small",
      industry: "chemicals",
      prefecture: "chengdu",
    })
    .returning()
    .get().id;
  return db
    .insert(users)
    .values({
      email: `waiter${n}@example.cn`,
      name: `Waiter ${n}`,
      passwordHash: "x",
      role: "firm",
      firmId,
      firmRole: "manager",
    })
    .returning()
    .get().id;
}

const firmActor = (id: number) => {
  const a = loadActor(db, id)!;
  return { ...a, firmId: a.firmId! };
};

beforeAll(() => {
  const facilityId = db
    .insert(facilities)
    .values({
      slug: "waitlist-lab",
      nameEn: "Waitlist lab",
      nameZh: "候补实验室",
      prefecture: "chengdu",
      openingHours: openingHoursPresets.continuous,
    })
    .returning()
    .get().id;
  ids.equipment = db
    .insert(equipment)
    .values({
      facilityId,
      name: "Pair",
      category: "climate_chamber",
      units: 2,
      autoApprove: true,
      setupMinutes: 15,
      leadDays: 0,
      minHours: 1,
      maxHours: 24,
      hourlyRateFen: 100,
    })
    .returning()
    .get().id;
  ids.operator = db
    .insert(users)
    .values({
      email: "waitlist-op@example.cn",
      name: "Operator",
      passwordHash: "x",
      role: "operator",
      facilityId,
    })
    .returning()
    .get().id;
  ids.blocker = firmWithUser(0);
  ids.grabber = firmWithUser(1);
  for (let i = 0; i < BOOKINGS; i++) ids.waiters.push(firmWithUser(10 + i));
  // Both units taken for 3 h of every 4: the 1 h gaps, less setup, hold no 2 h need.
  for (let i = 0; i < HELD_FROM; i++)
    ids.booked.push(
      submitRequest(db, firmActor(ids.blocker), {
        title: "Block",
        serviceType: "testing",
        equipmentId: ids.equipment,
        earliestStart: slotStart(i),
        deadline: slotStart(i) + 48 * HOUR,
        preferredStart: slotStart(i),
        hours: 3,
        units: 2,
      }).id,
    );
  for (let i = HELD_FROM; i < BOOKINGS; i++)
    ids.held.push(
      submitRequest(db, firmActor(ids.blocker), {
        title: "Held",
        serviceType: "testing",
        equipmentId: ids.equipment,
        earliestStart: slotStart(i),
        deadline: slotStart(i) + 48 * HOUR,
        hours: 3,
        units: 2,
      }).id,
    );
  // The holds run out a few seconds from now: during the race on any machine that starts its
  // processes in time, and at its start otherwise (a race all the same).
  const operator = loadActor(db, ids.operator)!;
  const soon = Date.now() + 5000;
  ids.held.forEach((id, k) =>
    quoteRequest(
      db,
      { ...operator, facilityId: operator.facilityId! },
      {
        id,
        equipmentId: ids.equipment,
        start: slotStart(HELD_FROM + k),
        end: slotStart(HELD_FROM + k) + 3 * HOUR,
        units: 2,
        amountFen: 1000,
        validUntil: soon + k * 200,
      },
    ),
  );
  const windowEnd = slotStart(BOOKINGS);
  for (const userId of ids.waiters) {
    const r = submitRequest(db, firmActor(userId), {
      title: "Waiting",
      serviceType: "testing",
      equipmentId: ids.equipment,
      earliestStart: base,
      deadline: windowEnd,
      hours: 2,
      units: 2,
    });
    joinWaitlist(db, firmActor(userId), {
      requestId: r.id,
      windowStart: base,
      windowEnd,
      hours: 2,
      units: 2,
    });
    waiting.push(r.id);
  }
});

type Attempt = { ok?: boolean; code?: string; startedAt: number; endedAt: number };
type Grabs = { won: { slot: number }[]; refusals: Record<string, number> };

describe("the waitlist under concurrent frees, offers and bookings", () => {
  it("keeps the invariant, offers each waiting firm at most once, and leaves no fitting capacity idle", async () => {
    expect(
      db
        .select()
        .from(waitlistEntries)
        .all()
        .every((e) => e.status === "waiting"),
    ).toBe(true);
    const results = await runTogether<
      Attempt & Partial<Grabs> & { offers?: number; runs?: number }
    >([
      { kind: "cancel", db: file, userId: ids.blocker, ids: ids.booked, gapMs: 30 },
      // both jobs run through the cancels and the holds running out
      { kind: "waitlist", db: file, durationMs: 7000 },
      { kind: "waitlist", db: file, durationMs: 7000 },
      {
        kind: "grab",
        db: file,
        userId: ids.grabber,
        durationMs: 7000,
        slots: Array.from({ length: BOOKINGS }, (_, i) => ({
          equipmentId: ids.equipment,
          start: slotStart(i),
          hours: 2,
          units: 1,
        })),
      },
    ]);
    const [cancels, [jobA], [jobB], [grabs]] = results;
    expect(cancels.filter((c) => !c.ok)).toEqual([]);
    console.log(
      `waitlist race: grabbed blocks ${JSON.stringify(grabs.won!.map((w) => w.slot))}, ` +
        `refusals ${JSON.stringify(grabs.refusals)}; offers by the jobs ${jobA.offers} + ` +
        `${jobB.offers} in ${jobA.runs} + ${jobB.runs} runs`,
    );
    // the jobs overlapped each other and the cancels
    expect(jobA.startedAt).toBeLessThan(jobB.endedAt);
    expect(jobB.startedAt).toBeLessThan(jobA.endedAt);
    expect(Math.min(...cancels.map((c) => c.startedAt))).toBeLessThan(jobA.endedAt);
    // a refused grab was refused for capacity, never a crash
    expect(Object.keys(grabs.refusals!).filter((c) => c !== "CONFLICT")).toEqual([]);

    runWaitlist(db);
    expect(findInvariantViolations(db, Date.now())).toEqual([]);
    const entries = db.select().from(waitlistEntries).all();
    for (const requestId of waiting) {
      const holds = db
        .select()
        .from(reservations)
        .where(and(eq(reservations.requestId, requestId), eq(reservations.kind, "hold")))
        .all();
      // offered at most once, and an offered entry holds its slot
      expect(holds.length).toBeLessThanOrEqual(1);
      const entry = entries.find((e) => e.requestId === requestId)!;
      if (entry.status === "offered") {
        expect(holds).toHaveLength(1);
        expect(holds[0]).toMatchObject({ start: entry.offerStart, end: entry.offerEnd });
      } else expect(entry.status).toBe("waiting");
    }
    // nobody is left waiting whose need the capacity left now fits (the first fitting got it)
    const offered = entries.filter((e) => e.status === "offered");
    for (const e of entries.filter((x) => x.status === "waiting")) {
      const r = db.select().from(bookingRequests).where(eq(bookingRequests.id, e.requestId)).get()!;
      expect(fitOf(db, e, r, Date.now())).toBeNull();
    }
    // no two offers share a slot start (two freed slots never went to one firm, nor one to two)
    expect(new Set(offered.map((e) => e.offerStart)).size).toBe(offered.length);
    const live = db
      .select()
      .from(reservations)
      .where(and(eq(reservations.equipmentId, ids.equipment), isNull(reservations.releasedAt)))
      .all();
    expect(live.filter((r) => r.kind === "hold" && waiting.includes(r.requestId!))).toHaveLength(
      offered.length,
    );
  });
});

// Races that really race: several OS processes on one database file, each with its own
// connection, contending through BEGIN IMMEDIATE and busy_timeout.
import { beforeAll, describe, expect, it } from "vitest";
import { eq, isNull, and } from "drizzle-orm";
import { bookingRequests, equipment, facilities, firms, reservations, users } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { makeCreditCode } from "@/db/seed/credit-codes";
import { submitRequest } from "@/server/services/booking/submit-request";
import { quoteRequest } from "@/server/services/booking/quote-request";
import { loadActor } from "@/server/services/users/load-actor";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { freshDb } from "../helpers/test-db";
import { runWorker } from "./spawn";

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

type Outcome = {
  ok: boolean;
  code?: string;
  message?: string;
  ref?: string;
  status?: string;
  id?: number;
};

async function submitRace(
  equipmentId: number,
  rounds: number,
  processes: number,
  perProcess: number,
  offsetHours: number,
) {
  // Far enough ahead for every process to start and wait; the workers prove they were ready in
  // time.
  const goAt = Date.now() + 6000;
  const slots = (p: number) =>
    Array.from({ length: rounds }, (_, r) =>
      Array.from({ length: perProcess }, () => ({
        equipmentId,
        start: base + (offsetHours + r * 6) * HOUR,
        hours: 2,
        units: 1,
        at: goAt + r * 100,
      })),
    )
      .flat()
      .map((s) => ({ ...s, p }));
  const results = await Promise.all(
    Array.from({ length: processes }, (_, p) =>
      runWorker<Outcome>({
        kind: "submit",
        db: file,
        userId: ids.firmUsers[p],
        goAt,
        slots: slots(p),
      }),
    ),
  );
  return results.flat();
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
  it("50 parallel submits from 5 processes for one auto-approve slot of a single unit: exactly 1 wins, 20 rounds", async () => {
    const outcomes = await submitRace(ids.single, 20, 5, 10, 0);
    expect(outcomes).toHaveLength(1000);
    const crashes = outcomes.filter((o) => !o.ok && o.code !== "CONFLICT");
    expect(crashes).toEqual([]);
    expect(outcomes.filter((o) => /SQLITE_BUSY/.test(o.message ?? ""))).toEqual([]);
    expect(outcomes.filter((o) => o.ok && o.status === "confirmed")).toHaveLength(20);
    expect(outcomes.filter((o) => !o.ok && o.code === "CONFLICT")).toHaveLength(980);
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
    expect(perSlot.size).toBe(20);
    for (const n of perSlot.values()) expect(n).toBe(1);
    expect(findInvariantViolations(db)).toEqual([]);
  }, 120_000);

  it("the same on three units: exactly 3 win per round", async () => {
    const outcomes = await submitRace(ids.triple, 20, 5, 10, 200);
    expect(outcomes.filter((o) => !o.ok && o.code !== "CONFLICT")).toEqual([]);
    expect(outcomes.filter((o) => o.ok && o.status === "confirmed")).toHaveLength(60);
    for (const n of confirmedPerSlot(ids.triple).values()) expect(n).toBe(3);
    expect(findInvariantViolations(db)).toEqual([]);
  }, 120_000);

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
  }, 120_000);

  it("a firm accepting while the expiry sweep runs: every request ends consistent", async () => {
    const firm = loadActor(db, ids.firmUsers[1])!;
    const operator = loadActor(db, ids.operators[0])!;
    const goAt = Date.now() + 6000;
    const made = Array.from({ length: 30 }, (_, i) => {
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
      // Quotes run out a few milliseconds apart around the moment the firm accepts them.
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
          validUntil: goAt + 5 + i * 2,
        },
      );
      return r.id;
    });
    const [accepts] = await Promise.all([
      runWorker<Outcome>({ kind: "accept", db: file, userId: firm.userId, goAt, ids: made }),
      runWorker({ kind: "sweep", db: file, goAt, untilMs: goAt + 1500 }),
    ]);
    let confirmed = 0;
    let expired = 0;
    for (const o of accepts) {
      const row = db.select().from(bookingRequests).where(eq(bookingRequests.id, o.id!)).get()!;
      const live = db
        .select()
        .from(reservations)
        .where(and(eq(reservations.requestId, row.id), isNull(reservations.releasedAt)))
        .all();
      if (o.ok) {
        confirmed++;
        expect(row.status).toBe("confirmed");
        expect(live).toMatchObject([{ kind: "booking" }]);
      } else {
        expired++;
        expect(o.code).toBe("INVALID_STATE");
        expect(row.status).toBe("expired");
        expect(live).toEqual([]);
      }
    }
    expect(confirmed + expired).toBe(30);
    console.log(`accept vs sweep: ${confirmed} confirmed, ${expired} expired`);
    expect(findInvariantViolations(db)).toEqual([]);
  }, 120_000);
});

// Model-based test: thousands of random operations on the booking path, compared after each one
// with a small in-memory reference model of statuses and capacity; the invariant checker finds
// nothing at the end of every run.
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { and, eq, isNull } from "drizzle-orm";
import { bookingRequests, equipment, facilities, firms, reservations, users } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { setClockForTests } from "@/server/services/clock";
import { DomainError } from "@/server/services/errors";
import { loadActor } from "@/server/services/users/load-actor";
import { submitRequest } from "@/server/services/booking/submit-request";
import { quoteRequest } from "@/server/services/booking/quote-request";
import { acceptQuote } from "@/server/services/booking/accept-quote";
import {
  withdrawRequest,
  startRequest,
  completeRequest,
  cancelRequest,
} from "@/server/services/booking/simple-moves";
import { expireQuotes } from "@/server/services/booking/expire-quotes";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import type { DB } from "@/db/client";
import { freshDb } from "../helpers/test-db";

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2027, 0, 4, 1);
const slotAt = (k: number) => T0 + 24 * HOUR + k * HOUR;

type Op =
  | { op: "auto"; k: number; h: number; u: number }
  | { op: "manual" }
  | { op: "quote"; i: number; k: number; h: number; validMin: number }
  | { op: "accept" | "withdraw" | "cancel" | "start" | "complete"; i: number }
  | { op: "advance"; minutes: number }
  | { op: "sweep" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("auto" as const),
    k: fc.integer({ min: 0, max: 10 }),
    h: fc.integer({ min: 1, max: 3 }),
    u: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({ op: fc.constant("manual" as const) }),
  fc.record({
    op: fc.constant("quote" as const),
    i: fc.nat(40),
    k: fc.integer({ min: 0, max: 10 }),
    h: fc.integer({ min: 1, max: 3 }),
    validMin: fc.integer({ min: 1, max: 180 }),
  }),
  fc.record({
    op: fc.constantFrom(
      "accept" as const,
      "withdraw" as const,
      "cancel" as const,
      "start" as const,
      "complete" as const,
    ),
    i: fc.nat(40),
  }),
  fc.record({ op: fc.constant("advance" as const), minutes: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ op: fc.constant("sweep" as const) }),
);

type ModelRes = {
  eq: "auto" | "manual";
  start: number;
  end: number;
  units: number;
  kind: "hold" | "booking";
  expiresAt: number | null;
  released: boolean;
};
type ModelReq = { id: number; status: string; validUntil: number | null; res: ModelRes | null };

function setup(): { db: DB; autoId: number; manualId: number; firm: number; operator: number } {
  const { db } = freshDb();
  const facilityId = db
    .insert(facilities)
    .values({
      slug: "m",
      nameEn: "M",
      nameZh: "M",
      prefecture: "chengdu",
      openingHours: openingHoursPresets.continuous,
    })
    .returning()
    .get().id;
  const firmId = db
    .insert(firms)
    .values({
      name: "F",
      creditCode: "X",
      size: "small",
      industry: "chemicals",
      prefecture: "chengdu",
    })
    .returning()
    .get().id;
  const firm = db
    .insert(users)
    .values({ email: "f@x.cn", name: "F", passwordHash: "x", role: "firm", firmId })
    .returning()
    .get().id;
  const operator = db
    .insert(users)
    .values({ email: "o@x.cn", name: "O", passwordHash: "x", role: "operator", facilityId })
    .returning()
    .get().id;
  const mk = (autoApprove: boolean, units: number) =>
    db
      .insert(equipment)
      .values({
        facilityId,
        name: "E",
        category: "c",
        units,
        autoApprove,
        setupMinutes: 0,
        leadDays: 0,
        minHours: 1,
        maxHours: 24,
        hourlyRateFen: 100,
      })
      .returning()
      .get().id;
  return { db, autoId: mk(true, 2), manualId: mk(false, 1), firm, operator };
}

afterAll(() => setClockForTests(null));

describe("booking path against a reference model", () => {
  it("agrees on every status and reservation over 10,000+ random operations", () => {
    let total = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 20, maxLength: 70 }), (ops) => {
        const { db, autoId, manualId, firm, operator } = setup();
        const firmActor = { ...loadActor(db, firm)!, firmId: loadActor(db, firm)!.firmId! };
        const opActor = {
          ...loadActor(db, operator)!,
          facilityId: loadActor(db, operator)!.facilityId!,
        };
        let now = T0;
        setClockForTests(now);
        const model: ModelReq[] = [];
        const capacity = { auto: 2, manual: 1 };
        const live = (r: ModelRes) =>
          !r.released && (r.kind === "booking" || (r.expiresAt ?? 0) > now);
        const fits = (eqName: "auto" | "manual", start: number, end: number, units: number) => {
          const others = model
            .map((m) => m.res)
            .filter((r): r is ModelRes => !!r && r.eq === eqName && live(r));
          const points = [start, ...others.map((r) => r.start).filter((p) => p > start && p < end)];
          return points.every(
            (p) =>
              others.filter((r) => r.start <= p && p < r.end).reduce((s, r) => s + r.units, 0) +
                units <=
              capacity[eqName],
          );
        };
        const expire = (m: ModelReq) => {
          m.status = "expired";
          if (m.res) m.res.released = true;
        };
        const attempt = (fn: () => unknown): string => {
          try {
            fn();
            return "ok";
          } catch (e) {
            if (e instanceof DomainError) return e.code;
            throw e;
          }
        };
        for (const o of ops) {
          total++;
          const target = "i" in o && model.length ? model[o.i % model.length] : undefined;
          let expected: string;
          let got: string;
          switch (o.op) {
            case "auto": {
              const start = slotAt(o.k);
              const end = start + o.h * HOUR;
              expected = fits("auto", start, end, o.u) ? "ok" : "CONFLICT";
              let id = 0;
              got = attempt(() => {
                id = submitRequest(db, firmActor, {
                  title: "Auto",
                  serviceType: "pilot_production",
                  equipmentId: autoId,
                  earliestStart: start,
                  deadline: end + HOUR,
                  preferredStart: start,
                  hours: o.h,
                  units: o.u,
                }).id;
              });
              if (got === "ok")
                model.push({
                  id,
                  status: "confirmed",
                  validUntil: now,
                  res: {
                    eq: "auto",
                    start,
                    end,
                    units: o.u,
                    kind: "booking",
                    expiresAt: null,
                    released: false,
                  },
                });
              break;
            }
            case "manual": {
              expected = "ok";
              let id = 0;
              got = attempt(() => {
                id = submitRequest(db, firmActor, {
                  title: "Manual",
                  serviceType: "pilot_production",
                  equipmentId: manualId,
                  earliestStart: slotAt(0),
                  deadline: slotAt(40),
                  hours: 1,
                }).id;
              });
              model.push({ id, status: "submitted", validUntil: null, res: null });
              break;
            }
            case "quote": {
              if (!target) continue;
              const start = slotAt(o.k);
              const end = start + o.h * HOUR;
              const validUntil = Math.min(now + o.validMin * MIN, start);
              expected =
                target.status !== "submitted"
                  ? "INVALID_STATE"
                  : validUntil <= now
                    ? "VALIDATION"
                    : fits("manual", start, end, 1)
                      ? "ok"
                      : "CONFLICT";
              got = attempt(() =>
                quoteRequest(db, opActor, {
                  id: target.id,
                  equipmentId: manualId,
                  start,
                  end,
                  units: 1,
                  amountFen: 1,
                  validUntil,
                }),
              );
              if (got === "ok")
                Object.assign(target, {
                  status: "quoted",
                  validUntil,
                  res: {
                    eq: "manual",
                    start,
                    end,
                    units: 1,
                    kind: "hold",
                    expiresAt: validUntil,
                    released: false,
                  },
                });
              break;
            }
            case "accept": {
              if (!target) continue;
              expected =
                target.status !== "quoted"
                  ? "INVALID_STATE"
                  : (target.validUntil ?? 0) > now
                    ? "ok"
                    : "INVALID_STATE";
              got = attempt(() => acceptQuote(db, firmActor, { id: target.id }));
              if (target.status === "quoted") {
                if (got === "ok") {
                  target.status = "confirmed";
                  if (target.res) Object.assign(target.res, { kind: "booking", expiresAt: null });
                } else expire(target);
              }
              break;
            }
            case "withdraw":
            case "cancel":
            case "start":
            case "complete": {
              if (!target) continue;
              const from = {
                withdraw: ["submitted", "quoted"],
                cancel: ["confirmed"],
                start: ["confirmed"],
                complete: ["in_progress"],
              }[o.op];
              const to = {
                withdraw: "withdrawn",
                cancel: "cancelled",
                start: "in_progress",
                complete: "completed",
              }[o.op];
              expected = from.includes(target.status) ? "ok" : "INVALID_STATE";
              got = attempt(() => {
                if (o.op === "withdraw") withdrawRequest(db, firmActor, { id: target.id });
                else if (o.op === "cancel")
                  cancelRequest(db, firmActor, { id: target.id, reason: "Model says so" });
                else if (o.op === "start") startRequest(db, opActor, { id: target.id });
                else completeRequest(db, opActor, { id: target.id });
              });
              if (got === "ok") {
                target.status = to;
                if ((to === "withdrawn" || to === "cancelled") && target.res)
                  target.res.released = true;
              }
              break;
            }
            case "advance":
              now += o.minutes * MIN;
              setClockForTests(now);
              continue;
            case "sweep":
              expireQuotes(db);
              for (const m of model)
                if (m.status === "quoted" && (m.validUntil ?? 0) <= now) expire(m);
              continue;
          }
          expect(got, `${JSON.stringify(o)} on ${JSON.stringify(target)}`).toBe(expected);
          for (const m of model) {
            const row = db
              .select()
              .from(bookingRequests)
              .where(eq(bookingRequests.id, m.id))
              .get()!;
            expect(row.status, `request ${m.id} after ${JSON.stringify(o)}`).toBe(m.status);
            const liveRows = db
              .select()
              .from(reservations)
              .where(and(eq(reservations.requestId, m.id), isNull(reservations.releasedAt)))
              .all();
            const modelLive =
              m.res && !m.res.released
                ? [{ start: m.res.start, end: m.res.end, kind: m.res.kind, units: m.res.units }]
                : [];
            expect(
              liveRows.map((r) => ({ start: r.start, end: r.end, kind: r.kind, units: r.units })),
            ).toEqual(modelLive);
          }
        }
        expect(findInvariantViolations(db, now)).toEqual([]);
        db.$client.close();
      }),
      { numRuns: 320 },
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
  }, 300_000);
});

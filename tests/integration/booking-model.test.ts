// Model-based test: thousands of random operations on the booking path, compared after each one
// with a small in-memory reference model of statuses and capacity that states the README's rules
// on its own (setup between uses, lead days, opening hours, maintenance, holds until expiry); the
// invariant checker finds nothing at the end of every run. Operations include rejects,
// reschedules (proposed, accepted, declined) and stale versions.
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq } from "drizzle-orm";
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
  rejectRequest,
} from "@/server/services/booking/simple-moves";
import { answerReschedule, proposeReschedule } from "@/server/services/booking/reschedule";
import { expireQuotes } from "@/server/services/booking/expire-quotes";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { freshDb } from "../helpers/test-db";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2027, 0, 4, 1); // Monday 2027-01-04 09:00 in Shanghai
/** Candidate starts: the half hours 09:00–17:30 of Tuesday to Thursday (k = 0 … 53). */
const slotAt = (k: number) => T0 + DAY * (1 + Math.floor(k / 18)) + (k % 18) * 30 * MIN;

// The rules of the two equipment items and their facility, as the model knows them.
const RULES = {
  auto: { units: 2, setup: 30, lead: 1, minHours: 1, maxHours: 9 },
  manual: { units: 1, setup: 60, lead: 1, minHours: 2, maxHours: 9 },
} as const;
type EqName = keyof typeof RULES;
/** Office hours: Monday to Friday, 08:30–17:30 on the Shanghai wall clock. */
const wall = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Shanghai",
  weekday: "short",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});
function isOpen(t: number): boolean {
  const p = Object.fromEntries(wall.formatToParts(t).map((x) => [x.type, x.value]));
  const minute = Number(p.hour) * 60 + Number(p.minute);
  return !["Sat", "Sun"].includes(p.weekday) && minute >= 8 * 60 + 30 && minute < 17 * 60 + 30;
}
// Maintenance: the manual equipment Tuesday 15:00–16:00, the whole facility Wednesday 10:00–11:00.
const MAINTENANCE = {
  manual: [{ start: T0 + DAY + 6 * HOUR, end: T0 + DAY + 7 * HOUR }],
  facility: [{ start: T0 + 2 * DAY + HOUR, end: T0 + 2 * DAY + 2 * HOUR }],
};

type Op =
  | { op: "auto"; k: number; h: number; u: number }
  | { op: "manual" }
  | { op: "quote"; i: number; k: number; h: number; validMin: number; stale: boolean }
  | { op: "propose"; i: number; k: number; validMin: number; stale: boolean }
  | { op: "acceptMove" | "declineMove"; i: number }
  | {
      op: "accept" | "withdraw" | "cancel" | "start" | "complete" | "reject";
      i: number;
      stale: boolean;
    }
  | { op: "advance"; minutes: number }
  | { op: "sweep" };

/** Mostly one of the latest requests, sometimes any. */
const target = fc.oneof(fc.nat(2), fc.nat(2), fc.nat(40));
const stale = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("auto" as const),
    k: fc.integer({ min: 0, max: 53 }),
    h: fc.integer({ min: 1, max: 10 }),
    u: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({ op: fc.constant("manual" as const) }),
  fc.record({
    op: fc.constant("quote" as const),
    i: target,
    k: fc.integer({ min: 0, max: 53 }),
    h: fc.integer({ min: 1, max: 5 }),
    validMin: fc.integer({ min: 1, max: 180 }),
    stale,
  }),
  fc.record({
    op: fc.constant("propose" as const),
    i: target,
    k: fc.integer({ min: 0, max: 53 }),
    validMin: fc.integer({ min: 1, max: 180 }),
    stale,
  }),
  fc.record({ op: fc.constantFrom("acceptMove" as const, "declineMove" as const), i: target }),
  fc.record({
    op: fc.constantFrom(
      "accept" as const,
      "withdraw" as const,
      "cancel" as const,
      "start" as const,
      "complete" as const,
      "reject" as const,
    ),
    i: target,
    stale,
  }),
  fc.record({ op: fc.constant("advance" as const), minutes: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ op: fc.constant("sweep" as const) }),
);

type ModelRes = {
  eq: EqName;
  start: number;
  end: number;
  units: number;
  kind: "hold" | "booking";
  expiresAt: number | null;
  released: boolean;
};
type ModelReq = {
  id: number;
  status: string;
  validUntil: number | null;
  res: ModelRes | null;
  /** Reschedule proposals: holds on the confirmed request, live until they expire. */
  proposals: ModelRes[];
};

function setup() {
  const { db } = freshDb();
  const facilityId = db
    .insert(facilities)
    .values({
      slug: "m",
      nameEn: "M",
      nameZh: "M",
      prefecture: "chengdu",
      openingHours: openingHoursPresets.office,
      timeZone: "Asia/Shanghai",
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
  const mk = (name: EqName) =>
    db
      .insert(equipment)
      .values({
        facilityId,
        name,
        category: "c",
        units: RULES[name].units,
        autoApprove: name === "auto",
        setupMinutes: RULES[name].setup,
        leadDays: RULES[name].lead,
        minHours: RULES[name].minHours,
        maxHours: RULES[name].maxHours,
        hourlyRateFen: 100,
      })
      .returning()
      .get().id;
  const ids = { auto: mk("auto"), manual: mk("manual") };
  for (const w of MAINTENANCE.manual)
    db.insert(reservations)
      .values({ facilityId, equipmentId: ids.manual, kind: "maintenance", ...w, units: 0 })
      .run();
  for (const w of MAINTENANCE.facility)
    db.insert(reservations)
      .values({ facilityId, equipmentId: null, kind: "maintenance", ...w, units: 0 })
      .run();
  return { db, ids, firm, operator };
}

afterAll(() => setClockForTests(null));

describe("booking path against a reference model", () => {
  it("agrees on every status and reservation over 10,000+ random operations", () => {
    let performed = 0;
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 30, maxLength: 80 }), (ops) => {
        const { db, ids, firm, operator } = setup();
        const firmActor = { ...loadActor(db, firm)!, firmId: loadActor(db, firm)!.firmId! };
        const opActor = {
          ...loadActor(db, operator)!,
          facilityId: loadActor(db, operator)!.facilityId!,
        };
        let now = T0;
        setClockForTests(now);
        const model: ModelReq[] = [];
        const uses = () =>
          model.flatMap((m) => [m.res, ...m.proposals]).filter((r): r is ModelRes => r !== null);
        const live = (r: ModelRes) =>
          !r.released && (r.kind === "booking" || (r.expiresAt ?? 0) > now);
        /** Whether [start, end) of `units` may be booked now, by the README's rules. */
        const fits = (eq: EqName, start: number, end: number, units: number) => {
          const rule = RULES[eq];
          const S = rule.setup * MIN;
          const hours = (end - start) / HOUR;
          if (hours < rule.minHours || hours > rule.maxHours) return false;
          if (start < now + rule.lead * DAY) return false;
          for (let t = start; t < end; t += 30 * MIN) if (!isOpen(t)) return false;
          const maintenance = [
            ...(eq === "manual" ? MAINTENANCE.manual : []),
            ...MAINTENANCE.facility,
          ];
          if (maintenance.some((m) => !(end + S <= m.start || m.end + S <= start))) return false;
          // Each use holds its units until one setup time after its end; so does the new one.
          const held = uses().filter((r) => r.eq === eq && live(r));
          const points = [
            start,
            ...held.map((r) => r.start).filter((p) => p > start && p < end + S),
          ];
          return points.every(
            (p) =>
              held.filter((r) => r.start <= p && p < r.end + S).reduce((n, r) => n + r.units, 0) +
                units <=
              rule.units,
          );
        };
        const expire = (m: ModelReq) => {
          m.status = "expired";
          if (m.res) m.res.released = true;
        };
        const attempt = (fn: () => unknown): string => {
          performed++;
          try {
            fn();
            return "ok";
          } catch (e) {
            if (e instanceof DomainError) return e.code;
            throw e;
          }
        };
        const versionOf = (m: ModelReq, isStale: boolean) => {
          const v = db.select().from(bookingRequests).where(eq(bookingRequests.id, m.id)).get()!
            .version;
          return isStale ? (v > 1 ? v - 1 : v + 1) : v;
        };
        for (const o of ops) {
          const target =
            "i" in o && model.length ? model[model.length - 1 - (o.i % model.length)] : undefined;
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
                  equipmentId: ids.auto,
                  earliestStart: start,
                  deadline: end + HOUR,
                  preferredStart: start,
                  hours: o.h,
                  units: o.u,
                }).id;
              });
              if (got === "ok") {
                const res: ModelRes = {
                  eq: "auto",
                  start,
                  end,
                  units: o.u,
                  kind: "booking",
                  expiresAt: null,
                  released: false,
                };
                model.push({ id, status: "confirmed", validUntil: now, res, proposals: [] });
              }
              break;
            }
            case "manual": {
              expected = "ok";
              let id = 0;
              got = attempt(() => {
                id = submitRequest(db, firmActor, {
                  title: "Manual",
                  serviceType: "pilot_production",
                  equipmentId: ids.manual,
                  earliestStart: slotAt(0),
                  deadline: slotAt(53) + 9 * HOUR,
                  hours: 2,
                }).id;
              });
              model.push({ id, status: "submitted", validUntil: null, res: null, proposals: [] });
              break;
            }
            case "quote": {
              if (!target) continue;
              const start = slotAt(o.k);
              const end = start + o.h * HOUR;
              const validUntil = Math.min(now + o.validMin * MIN, start);
              expected = o.stale
                ? "CONFLICT"
                : target.status !== "submitted"
                  ? "INVALID_STATE"
                  : validUntil <= now
                    ? "VALIDATION"
                    : fits("manual", start, end, 1)
                      ? "ok"
                      : "CONFLICT";
              const version = versionOf(target, o.stale);
              got = attempt(() =>
                quoteRequest(db, opActor, {
                  id: target.id,
                  version,
                  equipmentId: ids.manual,
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
            case "propose": {
              if (!target) continue;
              const res = target.res;
              const start = slotAt(o.k);
              const end = res ? start + (res.end - res.start) : start + 2 * HOUR;
              const validUntil = Math.min(now + o.validMin * MIN, start);
              const pending = target.proposals.some(live);
              expected = o.stale
                ? "CONFLICT"
                : target.status !== "confirmed" || !res
                  ? "INVALID_STATE"
                  : pending
                    ? "CONFLICT"
                    : validUntil <= now
                      ? "VALIDATION"
                      : fits(res.eq, start, end, res.units)
                        ? "ok"
                        : "CONFLICT";
              const version = versionOf(target, o.stale);
              got = attempt(() =>
                proposeReschedule(db, opActor, {
                  id: target.id,
                  version,
                  equipmentId: ids[res?.eq ?? "manual"],
                  start,
                  end,
                  validUntil,
                }),
              );
              if (got === "ok")
                target.proposals.push({
                  ...res!,
                  start,
                  end,
                  kind: "hold",
                  expiresAt: validUntil,
                  released: false,
                });
              break;
            }
            case "acceptMove":
            case "declineMove": {
              if (!target) continue;
              const proposal = target.proposals.find(live);
              expected = target.status === "confirmed" && proposal ? "ok" : "INVALID_STATE";
              got = attempt(() =>
                answerReschedule(db, firmActor, { id: target.id }, o.op === "acceptMove"),
              );
              if (got === "ok" && proposal) {
                target.proposals = target.proposals.filter((x) => x !== proposal);
                if (o.op === "acceptMove") {
                  target.res!.released = true;
                  target.res = { ...proposal, kind: "booking", expiresAt: null };
                } else target.proposals.push({ ...proposal, released: true });
              }
              break;
            }
            case "accept": {
              if (!target) continue;
              expected = o.stale
                ? "CONFLICT"
                : target.status !== "quoted"
                  ? "INVALID_STATE"
                  : (target.validUntil ?? 0) > now
                    ? "ok"
                    : "INVALID_STATE";
              const version = versionOf(target, o.stale);
              got = attempt(() => acceptQuote(db, firmActor, { id: target.id, version }));
              if (target.status === "quoted" && !o.stale) {
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
            case "complete":
            case "reject": {
              if (!target) continue;
              const from = {
                withdraw: ["submitted", "quoted"],
                cancel: ["confirmed"],
                start: ["confirmed"],
                complete: ["in_progress"],
                reject: ["submitted"],
              }[o.op];
              const to = {
                withdraw: "withdrawn",
                cancel: "cancelled",
                start: "in_progress",
                complete: "completed",
                reject: "rejected",
              }[o.op];
              expected = o.stale
                ? "CONFLICT"
                : from.includes(target.status)
                  ? "ok"
                  : "INVALID_STATE";
              const version = versionOf(target, o.stale);
              got = attempt(() => {
                const input = { id: target.id, version };
                if (o.op === "withdraw") withdrawRequest(db, firmActor, input);
                else if (o.op === "cancel")
                  cancelRequest(db, firmActor, { ...input, reason: "Model says so" });
                else if (o.op === "reject")
                  rejectRequest(db, opActor, { ...input, reason: "No capacity" });
                else if (o.op === "start")
                  startRequest(db, opActor, { ...input, earlyReason: "Model run" });
                else completeRequest(db, opActor, input);
              });
              if (got === "ok") {
                target.status = to;
                const ends = to === "withdrawn" || to === "cancelled" || to === "rejected";
                if (ends && target.res) target.res.released = true;
                if (ends || to === "in_progress")
                  for (const x of target.proposals) x.released = true;
              }
              break;
            }
            case "advance":
              now += o.minutes * MIN;
              setClockForTests(now);
              continue;
            case "sweep":
              performed++;
              expireQuotes(db);
              for (const m of model)
                if (m.status === "quoted" && (m.validUntil ?? 0) <= now) expire(m);
              continue;
          }
          outcomes.set(`${o.op} ${got}`, (outcomes.get(`${o.op} ${got}`) ?? 0) + 1);
          expect(got, `${JSON.stringify(o)} on ${JSON.stringify(target)}`).toBe(expected);
          // Every request's status and live reservations, read in two queries.
          const statuses = new Map(
            (
              db.$client.prepare(`SELECT id, status FROM booking_requests`).all() as {
                id: number;
                status: string;
              }[]
            ).map((r) => [r.id, r.status]),
          );
          const liveRows = db.$client
            .prepare(
              `SELECT request_id AS requestId, start, "end", kind, units FROM reservations
               WHERE released_at IS NULL AND request_id IS NOT NULL ORDER BY start, kind`,
            )
            .all() as {
            requestId: number;
            start: number;
            end: number;
            kind: string;
            units: number;
          }[];
          for (const m of model) {
            expect(statuses.get(m.id), `request ${m.id} after ${JSON.stringify(o)}`).toBe(m.status);
            const modelLive = [m.res, ...m.proposals]
              .filter((r): r is ModelRes => r !== null && !r.released)
              .map((r) => ({ start: r.start, end: r.end, kind: r.kind, units: r.units }))
              .sort((x, y) => x.start - y.start || x.kind.localeCompare(y.kind));
            expect(
              liveRows
                .filter((r) => r.requestId === m.id)
                .map(({ start, end, kind, units }) => ({ start, end, kind, units })),
              `reservations of request ${m.id} after ${JSON.stringify(o)}`,
            ).toEqual(modelLive);
          }
        }
        expect(findInvariantViolations(db, now)).toEqual([]);
        db.$client.close();
      }),
      { numRuns: 350 },
    );
    console.log(
      `booking model: ${performed} operations performed;`,
      [...outcomes]
        .sort()
        .map(([k, n]) => `${k} ${n}`)
        .join(", "),
    );
    expect(performed).toBeGreaterThanOrEqual(10_000);
    // every kind of operation succeeded somewhere, and the refusals were exercised
    for (const op of ["auto", "quote", "propose", "acceptMove", "declineMove", "accept", "reject"])
      expect(outcomes.get(`${op} ok`) ?? 0, op).toBeGreaterThan(0);
    for (const code of ["auto CONFLICT", "quote CONFLICT", "propose CONFLICT", "accept CONFLICT"])
      expect(outcomes.get(code) ?? 0, code).toBeGreaterThan(0);
  }, 600_000);
});

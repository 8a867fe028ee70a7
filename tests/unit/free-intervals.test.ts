// The availability core against a brute-force oracle that looks at every minute.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { OpeningHours } from "@/db/schema/registry";
import {
  computeFreeIntervals,
  firstSlot,
  type Busy,
  type CapacityRules,
} from "@/server/services/scheduling/free-intervals";

const MIN = 60_000;
const DAY = 1440 * MIN;
const BASE = Date.UTC(2027, 0, 3, 16); // Monday 2027-01-04 00:00 in Shanghai
const SHANGHAI = 8 * 60 * MIN;

type Case = {
  rules: CapacityRules;
  busy: Busy[];
  maintenance: { start: number; end: number }[];
  from: number;
  to: number;
  now: number;
};

/** Free units a one-minute booking at minute m would find, by definition, or 0. */
function oracle(c: Case): Map<number, number> {
  const S = c.rules.setupMinutes;
  const fromM = (c.from - BASE) / MIN;
  const toM = (c.to - BASE) / MIN;
  const lo = fromM - S;
  const load = new Array(toM - fromM + 2 * S + 1).fill(0);
  for (let x = lo; x <= toM + S; x++)
    for (const b of c.busy) {
      const bs = (b.start - BASE) / MIN - S;
      const be = (b.end - BASE) / MIN + S;
      if (b.end > b.start && bs <= x && x < be) load[x - lo] += b.units;
    }
  const out = new Map<number, number>();
  if (!c.rules.bookable) return out;
  for (let m = fromM; m < toM; m++) {
    const t = BASE + m * MIN;
    if (t < c.now + c.rules.leadDays * DAY) continue;
    const local = new Date(t + SHANGHAI);
    const weekday = String((local.getUTCDay() + 6) % 7) as keyof OpeningHours;
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
    if (
      !c.rules.openingHours[weekday].some(
        ([a, b]) => minute >= toMinutes(a) && minute < toMinutes(b),
      )
    )
      continue;
    if (c.maintenance.some((w) => t >= w.start - S * MIN && t < w.end + S * MIN)) continue;
    let peak = 0;
    for (let x = m - S; x <= m + S; x++) peak = Math.max(peak, load[x - lo]);
    const free = c.rules.units - peak;
    if (free > 0) out.set(m, free);
  }
  return out;
}

function expand(
  intervals: { start: number; end: number; freeUnits: number }[],
): Map<number, number> {
  const out = new Map<number, number>();
  for (const i of intervals)
    for (let t = i.start; t < i.end; t += MIN) out.set((t - BASE) / MIN, i.freeUnits);
  return out;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const daySpans = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 })), {
    maxLength: 2,
  })
  .map((pairs) =>
    pairs.map(([a, b]) => [hhmm(Math.min(a, b)), hhmm(Math.max(a, b))] as [string, string]),
  );
const openingHours = fc
  .tuple(daySpans, daySpans, daySpans, daySpans, daySpans, daySpans, daySpans)
  .map((d) => Object.fromEntries(d.map((spans, i) => [String(i), spans])) as OpeningHours);

const caseArb = fc
  .record({
    units: fc.integer({ min: 1, max: 4 }),
    setupMinutes: fc.integer({ min: 0, max: 120 }),
    leadDays: fc.integer({ min: 0, max: 1 }),
    bookable: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    openingHours,
    fromMinute: fc.integer({ min: 0, max: 3 * 1440 }),
    lengthMinutes: fc.integer({ min: 1, max: 2 * 1440 }),
    nowMinute: fc.integer({ min: -1440, max: 3 * 1440 }),
    busy: fc.array(
      fc.record({
        at: fc.integer({ min: -1440, max: 6 * 1440 }),
        length: fc.integer({ min: 0, max: 720 }),
        units: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 8 },
    ),
    maintenance: fc.array(
      fc.record({
        at: fc.integer({ min: -1440, max: 6 * 1440 }),
        length: fc.integer({ min: 1, max: 1440 }),
      }),
      { maxLength: 3 },
    ),
  })
  .map((r): Case => ({
    rules: {
      units: r.units,
      setupMinutes: r.setupMinutes,
      leadDays: r.leadDays,
      bookable: r.bookable,
      openingHours: r.openingHours,
      timeZone: "Asia/Shanghai",
    },
    busy: r.busy.map((b) => ({
      start: BASE + b.at * MIN,
      end: BASE + (b.at + b.length) * MIN,
      units: b.units,
    })),
    maintenance: r.maintenance.map((m) => ({
      start: BASE + m.at * MIN,
      end: BASE + (m.at + m.length) * MIN,
    })),
    from: BASE + r.fromMinute * MIN,
    to: BASE + (r.fromMinute + r.lengthMinutes) * MIN,
    now: BASE + r.nowMinute * MIN,
  }));

describe("computeFreeIntervals", () => {
  it("equals the minute-by-minute oracle on random schedules", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const got = computeFreeIntervals(c.rules, c.busy, c.maintenance, c.from, c.to, c.now);
        expect(expand(got)).toEqual(oracle(c));
        // well-formed: sorted, non-overlapping, inside the window, adjacent pieces differ
        for (let i = 0; i < got.length; i++) {
          expect(got[i].start).toBeLessThan(got[i].end);
          expect(got[i].start).toBeGreaterThanOrEqual(c.from);
          expect(got[i].end).toBeLessThanOrEqual(c.to);
          if (i > 0) {
            expect(got[i].start).toBeGreaterThanOrEqual(got[i - 1].end);
            if (got[i].start === got[i - 1].end)
              expect(got[i].freeUnits).not.toBe(got[i - 1].freeUnits);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  const allWeek: OpeningHours = {
    "0": [["00:00", "24:00"]],
    "1": [["00:00", "24:00"]],
    "2": [["00:00", "24:00"]],
    "3": [["00:00", "24:00"]],
    "4": [["00:00", "24:00"]],
    "5": [["00:00", "24:00"]],
    "6": [["00:00", "24:00"]],
  };
  const rules = (units: number, setupMinutes: number): CapacityRules => ({
    units,
    setupMinutes,
    leadDays: 0,
    bookable: true,
    openingHours: allWeek,
    timeZone: "Asia/Shanghai",
  });

  it("keeps boundaries half-open: a booking ending at 10:00 leaves 10:00 free when there is no setup", () => {
    const h = 60 * MIN;
    const got = computeFreeIntervals(
      rules(1, 0),
      [{ start: BASE + 8 * h, end: BASE + 10 * h, units: 1 }],
      [],
      BASE,
      BASE + DAY,
      BASE - DAY,
    );
    expect(got).toEqual([
      { start: BASE, end: BASE + 8 * h, freeUnits: 1 },
      { start: BASE + 10 * h, end: BASE + DAY, freeUnits: 1 },
    ]);
  });

  it("keeps twice the setup time clear between bookings on one unit", () => {
    const h = 60 * MIN;
    const got = computeFreeIntervals(
      rules(1, 30),
      [{ start: BASE + 8 * h, end: BASE + 10 * h, units: 1 }],
      [],
      BASE,
      BASE + DAY,
      BASE - DAY,
    );
    expect(got).toEqual([
      { start: BASE, end: BASE + 7 * h, freeUnits: 1 },
      { start: BASE + 11 * h, end: BASE + DAY, freeUnits: 1 },
    ]);
  });

  it("finds the first slot long enough for the units asked", () => {
    const h = 60 * MIN;
    const free = [
      { start: BASE, end: BASE + 2 * h, freeUnits: 2 },
      { start: BASE + 2 * h, end: BASE + 3 * h, freeUnits: 1 },
      { start: BASE + 5 * h, end: BASE + 9 * h, freeUnits: 2 },
    ];
    expect(firstSlot(free, 3, 1)).toEqual({ start: BASE, end: BASE + 3 * h });
    expect(firstSlot(free, 3, 2)).toEqual({ start: BASE + 5 * h, end: BASE + 8 * h });
    expect(firstSlot(free, 5, 1)).toBeNull();
  });
});

describe("candidateSlots", () => {
  it("lists starts on the half hour that fit inside runs of enough free units", async () => {
    const { candidateSlots } = await import("@/server/services/scheduling/free-intervals");
    const h = 3_600_000;
    const free = [
      { start: BASE + 10 * MIN, end: BASE + 2 * h, freeUnits: 2 },
      { start: BASE + 2 * h, end: BASE + 3 * h, freeUnits: 1 },
    ];
    expect(candidateSlots(free, 2, 1)).toEqual([
      { start: BASE + 30 * MIN, end: BASE + 150 * MIN },
      { start: BASE + 60 * MIN, end: BASE + 180 * MIN },
    ]);
    expect(candidateSlots(free, 1, 2)).toEqual([
      { start: BASE + 30 * MIN, end: BASE + 90 * MIN },
      { start: BASE + 60 * MIN, end: BASE + 120 * MIN },
    ]);
    expect(candidateSlots(free, 4, 1)).toEqual([]);
  });
});

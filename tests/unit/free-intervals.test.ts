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
import { openIntervals } from "@/server/services/scheduling/opening-hours";

const MIN = 60_000;
const DAY = 1440 * MIN;
const BASE = Date.UTC(2027, 0, 3, 16); // Monday 2027-01-04 00:00 in Shanghai
// Random cases start from one of these: a plain week, and the weeks in which New York (14 March)
// and Berlin (28 March) move their clocks forward, and Berlin back (31 October).
const BASES = [BASE, Date.UTC(2027, 2, 12), Date.UTC(2027, 2, 26), Date.UTC(2027, 9, 29)];
const ZONES = ["Asia/Shanghai", "Europe/Berlin", "America/New_York"];

const clocks = new Map(
  ZONES.map((timeZone) => [
    timeZone,
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    }),
  ]),
);
/** Weekday (0 = Monday) and minute of the day on the wall clock of `timeZone`. */
function wallClock(t: number, timeZone: string) {
  const parts = Object.fromEntries(
    clocks
      .get(timeZone)!
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday);
  return { weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

type Case = {
  rules: CapacityRules;
  busy: Busy[];
  maintenance: { start: number; end: number }[];
  from: number;
  to: number;
  now: number;
  base: number;
};

/**
 * Free units a one-minute booking at minute m would find, or 0, from the README's rules: a use
 * holds its units from its start until one setup time after its end (so a one-minute booking at m
 * needs them for minutes m … m + setup); maintenance takes every unit and needs one setup time
 * clear on each side; the booking itself lies in opening hours on the facility's wall clock,
 * after the lead days.
 */
function oracle(c: Case): Map<number, number> {
  const S = c.rules.setupMinutes;
  const minuteOf = (t: number) => (t - c.base) / MIN;
  const heldAt = (x: number) =>
    c.busy
      .filter((b) => b.end > b.start && minuteOf(b.start) <= x && x < minuteOf(b.end) + S)
      .reduce((n, b) => n + b.units, 0);
  const out = new Map<number, number>();
  if (!c.rules.bookable) return out;
  const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  for (let m = minuteOf(c.from); m < minuteOf(c.to); m++) {
    const t = c.base + m * MIN;
    if (t < c.now + c.rules.leadDays * DAY) continue;
    const { weekday, minute } = wallClock(t, c.rules.timeZone);
    const spans = c.rules.openingHours[String(weekday) as keyof OpeningHours];
    if (!spans.some(([a, b]) => minute >= toMinutes(a) && minute < toMinutes(b))) continue;
    if (c.maintenance.some((w) => m + 1 + S > minuteOf(w.start) && minuteOf(w.end) + S > m))
      continue;
    let peak = 0;
    for (let x = m; x <= m + S; x++) peak = Math.max(peak, heldAt(x));
    const free = c.rules.units - peak;
    if (free > 0) out.set(m, free);
  }
  return out;
}

function expand(
  intervals: { start: number; end: number; freeUnits: number }[],
  base: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const i of intervals)
    for (let t = i.start; t < i.end; t += MIN) out.set((t - base) / MIN, i.freeUnits);
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
    base: fc.constantFrom(...BASES),
    timeZone: fc.constantFrom(...ZONES),
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
      timeZone: r.timeZone,
    },
    busy: r.busy.map((b) => ({
      start: r.base + b.at * MIN,
      end: r.base + (b.at + b.length) * MIN,
      units: b.units,
    })),
    maintenance: r.maintenance.map((m) => ({
      start: r.base + m.at * MIN,
      end: r.base + (m.at + m.length) * MIN,
    })),
    from: r.base + r.fromMinute * MIN,
    to: r.base + (r.fromMinute + r.lengthMinutes) * MIN,
    now: r.base + r.nowMinute * MIN,
    base: r.base,
  }));

describe("computeFreeIntervals", () => {
  it("equals the minute-by-minute oracle on random schedules", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const got = computeFreeIntervals(c.rules, c.busy, c.maintenance, c.from, c.to, c.now);
        expect(expand(got, c.base)).toEqual(oracle(c));
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
      { numRuns: 1000 },
    );
  }, 60_000);

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

  it("keeps one setup time, not two, between uses of one unit", () => {
    const h = 60 * MIN;
    const got = computeFreeIntervals(
      rules(1, 30),
      [{ start: BASE + 8 * h, end: BASE + 10 * h, units: 1 }],
      [],
      BASE,
      BASE + DAY,
      BASE - DAY,
    );
    // A booking may end by 07:30 and start from 10:30.
    expect(got).toEqual([
      { start: BASE, end: BASE + 7.5 * h, freeUnits: 1 },
      { start: BASE + 10.5 * h, end: BASE + DAY, freeUnits: 1 },
    ]);
    // The README's example: 90 min setup, open 08:00–20:00, booked 10:30–15:30.
    const day = rules(1, 90);
    day.openingHours = Object.fromEntries(
      Object.keys(allWeek).map((d) => [d, [["08:00", "20:00"]]]),
    ) as OpeningHours;
    expect(
      computeFreeIntervals(
        day,
        [{ start: BASE + 10.5 * h, end: BASE + 15.5 * h, units: 1 }],
        [],
        BASE,
        BASE + DAY,
        BASE - DAY,
      ),
    ).toEqual([
      { start: BASE + 8 * h, end: BASE + 9 * h, freeUnits: 1 },
      { start: BASE + 17 * h, end: BASE + 20 * h, freeUnits: 1 },
    ]);
  });

  it("lets two units overlap a changeover: the second unit is free while the first resets", () => {
    const h = 60 * MIN;
    const got = computeFreeIntervals(
      rules(2, 60),
      [
        { start: BASE + 8 * h, end: BASE + 10 * h, units: 1 },
        { start: BASE + 10 * h, end: BASE + 12 * h, units: 1 },
      ],
      [],
      BASE,
      BASE + DAY,
      BASE - DAY,
    );
    // 08:00–11:00 one unit is held, 10:00–13:00 the other: both from 10:00 to 11:00.
    expect(got).toEqual([
      { start: BASE, end: BASE + 7 * h, freeUnits: 2 },
      { start: BASE + 7 * h, end: BASE + 9 * h, freeUnits: 1 },
      { start: BASE + 11 * h, end: BASE + 13 * h, freeUnits: 1 },
      { start: BASE + 13 * h, end: BASE + DAY, freeUnits: 2 },
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

describe("openIntervals' kept answers", () => {
  it("hands out copies, and keys on the hours themselves", () => {
    const weekdays = { 0: [["09:00", "17:00"]], 1: [["09:00", "17:00"]] } as OpeningHours;
    const first = openIntervals(weekdays, "Asia/Shanghai", BASE, BASE + 7 * DAY);
    first[0].start = 0;
    first.pop();
    const again = openIntervals(weekdays, "Asia/Shanghai", BASE, BASE + 7 * DAY);
    expect(again).toEqual([
      { start: BASE + 9 * 60 * MIN, end: BASE + 17 * 60 * MIN },
      { start: BASE + DAY + 9 * 60 * MIN, end: BASE + DAY + 17 * 60 * MIN },
    ]);
    const longer = { ...weekdays, 1: [["09:00", "18:00"]] } as OpeningHours;
    expect(openIntervals(longer, "Asia/Shanghai", BASE, BASE + 7 * DAY)[1].end).toBe(
      BASE + DAY + 18 * 60 * MIN,
    );
  });
});

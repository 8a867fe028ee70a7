// The pure core of availability: given an equipment's capacity rules and what is already booked,
// the intervals in which a new booking could run, with how many units are free there.
//
// Setup is a changeover: a unit used over [a, b) can next be used from b + setup. So every use
// holds its units over [a, b + setup), and a new booking [s, e) of u units fits exactly when that
// load leaves u units free throughout [s, e + setup): for every instant t of the booking, the
// peak load in [t, t + setup]. Maintenance takes every unit, with one setup time on each side.
import type { OpeningHours } from "@/db/schema/registry";
import { openIntervals } from "./opening-hours";
import { subtractIntervals, type Interval } from "./intervals";

export const DAY_MS = 86_400_000;

/** New bookings start on whole minutes: the earliest start from instant `t`. */
export const nextMinute = (t: number) => Math.ceil(t / 60_000) * 60_000;

export type CapacityRules = {
  units: number;
  setupMinutes: number;
  leadDays: number;
  /** False for equipment in maintenance or retired, or at a suspended facility. */
  bookable: boolean;
  openingHours: OpeningHours;
  timeZone: string;
};
export type Busy = { start: number; end: number; units: number };
export type FreeInterval = { start: number; end: number; freeUnits: number };

/**
 * The instants a new booking may cover, before capacity: open, after the lead time, clear of
 * maintenance.
 */
export function bookableWindow(
  rules: CapacityRules,
  maintenance: Interval[],
  from: number,
  to: number,
  now: number,
): Interval[] {
  if (!rules.bookable) return [];
  const setup = rules.setupMinutes * 60_000;
  const start = Math.max(from, now + rules.leadDays * DAY_MS);
  if (start >= to) return [];
  const open = openIntervals(rules.openingHours, rules.timeZone, start, to);
  return subtractIntervals(
    open,
    maintenance.map((m) => ({ start: m.start - setup, end: m.end + setup })),
  );
}

/** Each use's units held over [start, end + setup): the load a new booking must fit beside. */
export function heldLoad(busy: Busy[], setupMinutes: number): Busy[] {
  const setup = setupMinutes * 60_000;
  return busy
    .filter((b) => b.end > b.start && b.units > 0)
    .map((b) => ({ start: b.start, end: b.end + setup, units: b.units }));
}

/**
 * The uses that together hold more than `units` at some instant (each holding its units until one
 * setup time after its end): what the capacity invariant forbids.
 */
export function overloadedUses<T extends Busy>(
  uses: T[],
  units: number,
  setupMinutes: number,
): T[] {
  const setup = setupMinutes * 60_000;
  const out = new Set<T>();
  // The load only rises at a use's start, so checking every start finds every peak.
  for (const r of uses) {
    const over = uses.filter((s) => s.start <= r.start && r.start < s.end + setup);
    if (over.reduce((n, s) => n + s.units, 0) > units) over.forEach((s) => out.add(s));
  }
  return [...out];
}

export function computeFreeIntervals(
  rules: CapacityRules,
  busy: Busy[],
  maintenance: Interval[],
  from: number,
  to: number,
  now: number,
): FreeInterval[] {
  const window = bookableWindow(rules, maintenance, from, to, now);
  if (!window.length) return [];
  const setup = rules.setupMinutes * 60_000;
  const held = heldLoad(busy, rules.setupMinutes);
  const loadAt = (x: number) => {
    let sum = 0;
    for (const b of held) if (b.start <= x && x < b.end) sum += b.units;
    return sum;
  };
  const steps = sortedUnique(held.flatMap((b) => [b.start, b.end]));
  // Between consecutive cuts (a step p, or p - setup) the load a booking covering t meets in
  // [t, t + setup] is constant: its value at the midpoint is the value of the whole piece.
  const peakFrom = (t: number) => {
    let peak = loadAt(t);
    for (const p of steps) {
      if (p >= t + setup) break;
      if (p > t) peak = Math.max(peak, loadAt(p));
    }
    return peak;
  };
  const cuts = setup === 0 ? steps : sortedUnique(steps.flatMap((p) => [p - setup, p]));

  const out: FreeInterval[] = [];
  let next = 0; // the first cut not before the current window's start (windows come in order)
  for (const w of window) {
    while (next < cuts.length && cuts[next] <= w.start) next++;
    let edge = w.start;
    for (let c = next; edge < w.end; c++) {
      const end = c < cuts.length && cuts[c] < w.end ? cuts[c] : w.end;
      const freeUnits = rules.units - peakFrom((edge + end) / 2);
      if (freeUnits > 0) {
        const last = out[out.length - 1];
        if (last && last.end === edge && last.freeUnits === freeUnits) last.end = end;
        else out.push({ start: edge, end, freeUnits });
      }
      edge = end;
    }
  }
  return out;
}

/** The numbers in ascending order, each once. */
function sortedUnique(xs: number[]): number[] {
  xs.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (i === 0 || xs[i] !== xs[n - 1]) xs[n++] = xs[i];
  xs.length = n;
  return xs;
}

/** The earliest [start, start + hours) with at least `units` free throughout, or null. */
export function firstSlot(
  intervals: FreeInterval[],
  hours: number,
  units = 1,
): { start: number; end: number } | null {
  const need = hours * 3_600_000;
  let runStart: number | null = null;
  let runEnd = 0;
  for (const i of intervals) {
    if (i.freeUnits < units) {
      runStart = null;
      continue;
    }
    if (runStart === null || i.start !== runEnd) runStart = i.start;
    runEnd = i.end;
    if (runEnd - runStart >= need) return { start: runStart, end: runStart + need };
  }
  return null;
}

/** Stretches where at least `units` units are free throughout (adjacent intervals joined). */
export function freeRuns(intervals: FreeInterval[], units = 1): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (const i of intervals) {
    if (i.freeUnits < units) continue;
    const last = runs[runs.length - 1];
    if (last && last.end === i.start) last.end = i.end;
    else runs.push({ start: i.start, end: i.end });
  }
  return runs;
}

/** Whether [start, end) lies within one free run of `units` units. */
export function slotIsFree(
  intervals: FreeInterval[],
  slot: { start: number; end: number },
  units = 1,
): boolean {
  return freeRuns(intervals, units).some((r) => r.start <= slot.start && slot.end <= r.end);
}

/**
 * Feasible starts for `hours` of `units`, every `stepMinutes` inside the free runs, earliest first.
 */
export function candidateSlots(
  intervals: FreeInterval[],
  hours: number,
  units = 1,
  limit = 40,
  stepMinutes = 30,
): { start: number; end: number }[] {
  const need = hours * 3_600_000;
  const step = stepMinutes * 60_000;
  const out: { start: number; end: number }[] = [];
  for (const run of freeRuns(intervals, units)) {
    const first = Math.ceil(run.start / step) * step;
    for (let s = first; s + need <= run.end && out.length < limit; s += step)
      out.push({ start: s, end: s + need });
    if (out.length >= limit) break;
  }
  return out;
}

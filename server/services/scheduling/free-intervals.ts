// The pure core of availability: given an equipment's capacity rules and what is already booked,
// the intervals in which a new booking could run, with how many units are free there.
//
// A new booking [s, e) of u units is feasible exactly when every instant of it has at least u
// free units here: the invariant widens every booking by the setup time on both sides, so the
// load that matters for instant t is the highest load anywhere in [t - setup, t + setup].
import type { OpeningHours } from "@/db/schema/registry";
import { openIntervals } from "./opening-hours";
import { subtractIntervals, type Interval } from "./intervals";

export const DAY_MS = 86_400_000;

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
  const widened = busy
    .filter((b) => b.end > b.start && b.units > 0)
    .map((b) => ({ start: b.start - setup, end: b.end + setup, units: b.units }));
  const loadAt = (x: number) =>
    widened.reduce((sum, b) => (b.start <= x && x < b.end ? sum + b.units : sum), 0);
  const loadPoints = [...new Set(widened.flatMap((b) => [b.start, b.end]))].sort((a, b) => a - b);
  // Highest load that a booking starting at t (for any length) meets in [t - setup, t + setup]:
  // the load is a right-continuous step function, so its peak there is at t - setup or at a step.
  const peakAround = (t: number) => {
    let peak = loadAt(t - setup);
    for (const p of loadPoints)
      if (p > t - setup && p <= t + setup) peak = Math.max(peak, loadAt(p));
    return peak;
  };
  const cuts = [
    ...new Set(loadPoints.flatMap((p) => (setup === 0 ? [p] : [p - setup, p + setup]))),
  ].sort((a, b) => a - b);

  const out: FreeInterval[] = [];
  for (const w of window) {
    const edges = [w.start, ...cuts.filter((c) => c > w.start && c < w.end), w.end];
    for (let i = 0; i < edges.length - 1; i++) {
      const freeUnits = rules.units - peakAround(edges[i]);
      if (freeUnits <= 0) continue;
      const last = out[out.length - 1];
      if (last && last.end === edges[i] && last.freeUnits === freeUnits) last.end = edges[i + 1];
      else out.push({ start: edges[i], end: edges[i + 1], freeUnits });
    }
  }
  return out;
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
  const runs: { start: number; end: number }[] = [];
  for (const i of intervals) {
    if (i.freeUnits < units) continue;
    const last = runs[runs.length - 1];
    if (last && last.end === i.start) last.end = i.end;
    else runs.push({ start: i.start, end: i.end });
  }
  const out: { start: number; end: number }[] = [];
  for (const run of runs) {
    const first = Math.ceil(run.start / step) * step;
    for (let s = first; s + need <= run.end && out.length < limit; s += step)
      out.push({ start: s, end: s + need });
    if (out.length >= limit) break;
  }
  return out;
}

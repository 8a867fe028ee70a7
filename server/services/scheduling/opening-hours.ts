// Expands a facility's weekly opening hours into UTC intervals.
import type { OpeningHours } from "@/db/schema/registry";
import { localDays, offsetSegments } from "./local-time";
import { mergeIntervals, type Interval } from "./intervals";

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/**
 * Open intervals inside [from, to), merged across midnight: exactly the instants whose wall clock
 * in the zone lies inside a span of their local day (on a daylight-saving night, an hour the clock
 * skips is never open and an hour it repeats is open both times if its span covers it).
 *
 * A pure function of its arguments, asked again and again with the same ones (every equipment of
 * a facility, every candidate of a match over the same window): the answers are kept, a bounded
 * number of them, and handed out as copies.
 */
export function openIntervals(
  hours: OpeningHours,
  timeZone: string,
  from: number,
  to: number,
): Interval[] {
  const key = `${timeZone}|${from}|${to}|${JSON.stringify(hours)}`;
  let found = remembered.get(key);
  if (!found) {
    found = expand(hours, timeZone, from, to);
    if (remembered.size >= REMEMBERED) remembered.clear();
    remembered.set(key, found);
  }
  return found.map((i) => ({ start: i.start, end: i.end }));
}

const REMEMBERED = 512;
const remembered = new Map<string, Interval[]>();

function expand(hours: OpeningHours, timeZone: string, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const day of localDays(from, to, timeZone)) {
    const spans = hours[String(day.weekday) as keyof OpeningHours] ?? [];
    if (!spans.length) continue;
    const wallMidnight = Date.UTC(day.year, day.month - 1, day.day);
    for (const piece of offsetSegments(day.start, day.end, timeZone))
      for (const [open, close] of spans) {
        const start = Math.max(piece.start, wallMidnight + minutesOf(open) * 60_000 - piece.offset);
        const end = Math.min(piece.end, wallMidnight + minutesOf(close) * 60_000 - piece.offset);
        if (end > start) out.push({ start: Math.max(start, from), end: Math.min(end, to) });
      }
  }
  return mergeIntervals(out);
}

// Expands a facility's weekly opening hours into UTC intervals.
import type { OpeningHours } from "@/db/schema/registry";
import { localDays, localToUtc } from "./local-time";
import { mergeIntervals, type Interval } from "./intervals";

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/** Open intervals inside [from, to), merged across midnight. */
export function openIntervals(
  hours: OpeningHours,
  timeZone: string,
  from: number,
  to: number,
): Interval[] {
  const out: Interval[] = [];
  for (const day of localDays(from, to, timeZone)) {
    for (const [open, close] of hours[String(day.weekday) as keyof OpeningHours] ?? []) {
      const start = localToUtc(day.year, day.month, day.day, minutesOf(open), timeZone);
      const end = localToUtc(day.year, day.month, day.day, minutesOf(close), timeZone);
      if (end > start) out.push({ start: Math.max(start, from), end: Math.min(end, to) });
    }
  }
  return mergeIntervals(out);
}

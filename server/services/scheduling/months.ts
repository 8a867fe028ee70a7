// The calendar months (in Asia/Shanghai) that a period overlaps, each clipped to the period.
import { localParts, localToUtc, NETWORK_TIME_ZONE } from "./local-time";

export type MonthBucket = { key: string; start: number; end: number };

export function monthBuckets(
  from: number,
  to: number,
  timeZone = NETWORK_TIME_ZONE,
): MonthBucket[] {
  const out: MonthBucket[] = [];
  let { year, month } = localParts(from, timeZone);
  for (;;) {
    const start = localToUtc(year, month, 1, 0, timeZone);
    if (start >= to) break;
    const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
    const end = localToUtc(next.year, next.month, 1, 0, timeZone);
    out.push({
      key: `${year}-${String(month).padStart(2, "0")}`,
      start: Math.max(start, from),
      end: Math.min(end, to),
    });
    ({ year, month } = next);
  }
  return out;
}

/** The index of the bucket holding the instant `t`, −1 if none does. */
export const monthIndexOf = (months: MonthBucket[], t: number) =>
  months.findIndex((m) => m.start <= t && t < m.end);

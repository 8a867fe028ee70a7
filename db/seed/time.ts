// Time arithmetic for the seed, in the network's time zone through the one local-time module.
import { NETWORK_TIME_ZONE, addLocalDays, localDays, localParts, localToUtc } from "../local-time";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Midnight (network time zone) of the day containing `ms`, as UTC ms. */
export function shanghaiMidnight(ms: number): number {
  return localDays(ms, ms + 1, NETWORK_TIME_ZONE)[0].start;
}

// The seed asks about the same few hundred days hundreds of thousands of times.
const partsByMinute = new Map<number, ReturnType<typeof localParts>>();
function parts(ms: number) {
  const key = Math.floor(ms / MINUTE);
  let p = partsByMinute.get(key);
  if (!p) partsByMinute.set(key, (p = localParts(key * MINUTE, NETWORK_TIME_ZONE)));
  return p;
}

/** 0 = Monday … 6 = Sunday, for the local day containing `ms`. */
export function shanghaiWeekday(ms: number): number {
  return parts(ms).weekday;
}

export function shanghaiYear(ms: number): number {
  return parts(ms).year;
}

export function hhmmToMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/** The instant of wall-clock `hhmm` on the local day `days` after the one at `midnight`. */
export function localDayAt(midnight: number, days: number, hhmm: string): number {
  const p = localParts(addLocalDays(midnight, days, NETWORK_TIME_ZONE), NETWORK_TIME_ZONE);
  return localToUtc(p.year, p.month, p.day, hhmmToMinutes(hhmm), NETWORK_TIME_ZONE);
}

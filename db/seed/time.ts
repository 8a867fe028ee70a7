// Time arithmetic for the seed. Asia/Shanghai has no daylight saving: local = UTC + 8 h.
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const SHANGHAI_OFFSET = 8 * HOUR;

/** Midnight (Asia/Shanghai) of the day containing `ms`, as UTC ms. */
export function shanghaiMidnight(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
}

/** 0 = Monday … 6 = Sunday, for the Shanghai day that starts at `midnight`. */
export function shanghaiWeekday(midnight: number): number {
  const d = new Date(midnight + SHANGHAI_OFFSET).getUTCDay(); // 0 = Sunday
  return (d + 6) % 7;
}

export function shanghaiYear(ms: number): number {
  return new Date(ms + SHANGHAI_OFFSET).getUTCFullYear();
}

export function hhmmToMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

// How long a request has waited, in working days (Monday to Friday, Asia/Shanghai).
const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;

export function workingDaysBetween(from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  let cursor = from;
  while (cursor < to) {
    const dayStart = Math.floor((cursor + OFFSET) / DAY) * DAY - OFFSET;
    const dayEnd = Math.min(dayStart + DAY, to);
    const weekday = new Date(dayStart + OFFSET).getUTCDay();
    if (weekday !== 0 && weekday !== 6) total += (dayEnd - cursor) / DAY;
    cursor = dayStart + DAY;
  }
  return total;
}

// How long a request has waited, in working days (Monday to Friday of the network's time zone).
import { localDays, NETWORK_TIME_ZONE } from "../scheduling/local-time";

const DAY = 86_400_000;

export function workingDaysBetween(from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  for (const day of localDays(from, to, NETWORK_TIME_ZONE))
    if (day.weekday < 5) total += (Math.min(day.end, to) - Math.max(day.start, from)) / DAY;
  return total;
}

import { now } from "@/server/services/clock";
import { localParts, NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";

/** The evaluation year a page asks for (2020–2099), else the last full year. */
export function evaluationYear(raw: string | undefined): number {
  const y = Number(raw);
  return Number.isInteger(y) && y >= 2020 && y <= 2099
    ? y
    : localParts(now(), NETWORK_TIME_ZONE).year - 1;
}

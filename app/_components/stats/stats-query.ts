// The dashboard's period and filters as they appear in the URL, shared by the page, its
// drill-down links and the CSV downloads: ?period=month|quarter|year (ending today) or
// ?from=YYYY-MM-DD&to=YYYY-MM-DD (days of the network's time zone, inclusive), plus the filters.
import type { StatsInput } from "@/server/services/stats/input";
import {
  addDays,
  localDateKey,
  NETWORK_TIME_ZONE,
  parseLocal,
} from "@/server/services/scheduling/local-time";
import { first, type SearchParams } from "../search-params";

export const FILTER_KEYS = [
  "period",
  "from",
  "to",
  "prefecture",
  "field",
  "facilityId",
  "serviceType",
] as const;

const isDay = (v?: string): v is string => v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The start of a "YYYY-MM-DD" day of the network's time zone, or NaN. */
export const dayStart = (v?: string) => (isDay(v) ? parseLocal(v, NETWORK_TIME_ZONE) : NaN);

export type StatsQuery = {
  from: number;
  to: number;
  period: "month" | "quarter" | "year" | "custom";
  prefecture?: string;
  field?: string;
  facilityId?: number;
  serviceType?: string;
};

export function statsQueryOf(sp: SearchParams, nowMs = Date.now()): StatsQuery {
  const filters = {
    prefecture: first(sp, "prefecture"),
    field: first(sp, "field"),
    facilityId: first(sp, "facilityId") === undefined ? undefined : Number(first(sp, "facilityId")),
    serviceType: first(sp, "serviceType"),
  };
  const from = dayStart(first(sp, "from"));
  const lastDay = first(sp, "to");
  const to = isDay(lastDay) ? dayStart(addDays(lastDay, 1)) : NaN;
  if (!Number.isNaN(from) && !Number.isNaN(to)) return { from, to, period: "custom", ...filters };
  const p = first(sp, "period");
  const period = p === "month" || p === "quarter" ? p : "year"; // Whole days: the period ends at the end of today.
  const today = localDateKey(nowMs, NETWORK_TIME_ZONE);
  const days = period === "month" ? 30 : period === "quarter" ? 91 : 365;
  return {
    from: dayStart(addDays(today, 1 - days)),
    to: dayStart(addDays(today, 1)),
    period,
    ...filters,
  };
}

/** The stats procedures' input for the query; the procedures validate the filters. */
export function statsInputOf(q: StatsQuery): StatsInput {
  return {
    from: q.from,
    to: q.to,
    prefecture: q.prefecture,
    field: q.field,
    facilityId: q.facilityId,
    serviceType: q.serviceType,
  } as StatsInput;
}

/**
 * The query string that keeps the period and filters, with some replaced or added (undefined
 * removes).
 */
export function statsHref(
  path: string,
  sp: SearchParams,
  changes: Record<string, string | number | undefined> = {},
): string {
  const out = new URLSearchParams();
  for (const k of new Set<string>([...FILTER_KEYS, ...Object.keys(changes)])) {
    const v = k in changes ? changes[k] : first(sp, k);
    if (v !== undefined && v !== "") out.set(k, String(v));
  }
  const s = out.toString();
  return s ? `${path}?${s}` : path;
}

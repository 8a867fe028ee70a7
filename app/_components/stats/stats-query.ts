// The dashboard's period and filters as they appear in the URL, shared by the page, its
// drill-down links and the CSV downloads: ?period=month|quarter|year (ending today) or
// ?from=YYYY-MM-DD&to=YYYY-MM-DD (days in Asia/Shanghai, inclusive), plus the filters.
import type { StatsInput } from "@/server/services/stats/input";
import { first, type SearchParams } from "../search-params";

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
export const FILTER_KEYS = [
  "period",
  "from",
  "to",
  "prefecture",
  "field",
  "facilityId",
  "serviceType",
] as const;

/** The start of a "YYYY-MM-DD" day in Asia/Shanghai, or NaN. */
export const dayStart = (v?: string) =>
  v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00+08:00`) : NaN;

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
  const to = dayStart(first(sp, "to"));
  if (!Number.isNaN(from) && !Number.isNaN(to))
    return { from, to: to + DAY, period: "custom", ...filters };
  const p = first(sp, "period");
  const period = p === "month" || p === "quarter" ? p : "year";
  // Whole days: the period ends at the end of today in Shanghai.
  const end = Math.floor((nowMs + SHANGHAI) / DAY) * DAY - SHANGHAI + DAY;
  const days = period === "month" ? 30 : period === "quarter" ? 91 : 365;
  return { from: end - days * DAY, to: end, period, ...filters };
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

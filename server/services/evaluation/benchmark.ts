// The benchmark hours of a year: the department's evaluation setting, or the default.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { evaluations } from "@/db/schema";
import { DEFAULT_BENCHMARK_HOURS } from "@/db/reference/evaluation-defaults";
import { localDateKey, NETWORK_TIME_ZONE } from "../scheduling/local-time";

export function benchmarkFor(db: DbOrTx, year: number): { hours: number; set: boolean } {
  const row = db
    .select({ hours: evaluations.benchmarkHours })
    .from(evaluations)
    .where(eq(evaluations.year, year))
    .get();
  return row ? { hours: row.hours, set: true } : { hours: DEFAULT_BENCHMARK_HOURS, set: false };
}

/** The network's calendar year of an instant. */
export const yearOf = (ms: number) => Number(localDateKey(ms, NETWORK_TIME_ZONE).slice(0, 4));

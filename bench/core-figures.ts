// The figures the issue sets goals for, each measured the same way by the full bench and by the
// growth table: one equipment's availability, a registry search, hub matching, the monitoring
// dashboard and overview for the calendar year 2026.
import type { DB } from "@/db/client";
import { searchEquipment } from "@/server/services/registry/search-equipment";
import { equipmentAvailability } from "@/server/services/scheduling/availability";
import { findMatches } from "@/server/services/hub/find-matches";
import { statsOverview } from "@/server/services/stats/overview";
import { statsMachineHours, statsUtilisation } from "@/server/services/stats/utilisation";
import { clearCubeCache } from "@/server/services/stats/cube-cache";
import { statsUse } from "@/server/services/stats/use-figures";
import { NETWORK_TIME_ZONE, parseLocal } from "@/server/services/scheduling/local-time";
import { measure } from "./harness";

const DAY = 86_400_000;

/** The calendar year 2026 in the network's time zone. */
export const BENCH_YEAR = {
  from: parseLocal("2026-01-01", NETWORK_TIME_ZONE),
  to: parseLocal("2027-01-01", NETWORK_TIME_ZONE),
};

/** Equipment ids 1, 2, … in turn, so runs spread over the whole registry. */
export function equipmentCycle(db: DB): () => number {
  const count = (db.$client.prepare(`SELECT COUNT(*) AS n FROM equipment`).get() as { n: number })
    .n;
  let i = 0;
  return () => (i++ % count) + 1;
}

export function measureAvailability(db: DB, now: number, runs = 500) {
  const nextId = equipmentCycle(db);
  return measure(
    "equipment.availability: 1 equipment × 90 days",
    () => equipmentAvailability(db, nextId(), { from: now, to: now + 90 * DAY }),
    runs,
  );
}

export function measureSearch(db: DB, runs = 50) {
  return measure(
    "equipment.search: text + range + 8 h next slot",
    () =>
      searchEquipment(db, {
        q: "reactor",
        params: [{ key: "volume", min: 0.5, unit: "m³" }],
        durationHours: 8,
      }),
    runs,
  );
}

export function measureHubMatches(db: DB, now: number, runs = 30) {
  return measure(
    "hub.matches: testing, volume ≥ 500 L, 8 h in 30 days (5,000 equipment)",
    () =>
      findMatches(
        db,
        {
          serviceType: "testing",
          requiredParams: [{ key: "volume", min: 500, unit: "L" }],
          earliestStart: now + DAY,
          deadline: now + 31 * DAY,
          hours: 8,
        },
        now,
      ),
    runs,
  );
}

/** The dashboard as the page asks for it, the shared utilisation cube computed once. */
export function dashboardOnce(db: DB, filters: object = {}) {
  clearCubeCache();
  const input = { ...BENCH_YEAR, ...filters };
  return [
    statsOverview(db, input),
    statsUtilisation(db, input),
    statsUse(db, input),
    statsMachineHours(db, input),
  ];
}

// 30 runs after 5 warm-up runs: the first few dashboards of a process run code the JIT is still
// optimising (about 1.5× slower), which a server running for a while does not.
export function measureDashboard(db: DB, filters: object = {}, name = "no filter") {
  return measure(`dashboard total, 1 year, ${name}`, () => dashboardOnce(db, filters), 30, 5);
}

export function measureOverview(db: DB) {
  return measure(
    "stats.overview, 1 year (with utilisation)",
    () => (clearCubeCache(), statsOverview(db, BENCH_YEAR)),
    20,
    2,
  );
}

// The monitoring dashboard on the scale dataset: each stats procedure on its own (the shared
// utilisation cube cleared before every run, so each pays for it), then the dashboard as the page
// asks for it (overview, utilisation, recorded use and machine-hours of one period, the cube
// computed once), for one calendar year with no filter and with a prefecture filter, and the annual
// evaluation of every facility. The baseline is a COUNT(*) over all reservations in the same run.
import { sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { statsOverview } from "@/server/services/stats/overview";
import { statsMachineHours, statsUtilisation } from "@/server/services/stats/utilisation";
import { equipmentRequests } from "@/server/services/stats/equipment-requests";
import { clearCubeCache } from "@/server/services/stats/cube-cache";
import { statsUse } from "@/server/services/stats/use-figures";
import { evaluationSettings } from "@/server/services/evaluation/settings";
import { scoreYear } from "@/server/services/evaluation/score";
import { measure, report } from "./harness";

export function benchStats(db: DB) {
  const year = {
    from: Date.parse("2026-01-01T00:00:00+08:00"),
    to: Date.parse("2027-01-01T00:00:00+08:00"),
  };
  const busiest = db.get<{ id: number }>(
    sql`SELECT equipment_id AS id FROM reservations WHERE kind = 'booking' GROUP BY equipment_id ORDER BY COUNT(*) DESC LIMIT 1`,
  )!.id;
  const cold =
    <T>(fn: () => T) =>
    () => (clearCubeCache(), fn());
  const dashboard = (filters: object) => () => {
    clearCubeCache();
    const input = { ...year, ...filters };
    return [
      statsOverview(db, input),
      statsUtilisation(db, input),
      statsUse(db, input),
      statsMachineHours(db, input),
    ];
  };
  const baseline = measure(
    "baseline: COUNT(*) over reservations",
    () => db.get(sql`SELECT COUNT(*) FROM reservations`),
    30,
    3,
  );
  const rows = [
    measure(
      "stats.overview, 1 year (with utilisation)",
      cold(() => statsOverview(db, year)),
      20,
      2,
    ),
    measure(
      "stats.utilisation, 1 year (5 breakdowns + 12 months)",
      cold(() => statsUtilisation(db, year)),
      20,
      2,
    ),
    measure(
      "stats.machineHours, 1 year (5,000 equipment)",
      cold(() => statsMachineHours(db, year)),
      20,
      2,
    ),
    measure(
      "stats.use, 1 year (recorded use, 5 breakdowns)",
      cold(() => statsUse(db, year)),
      20,
      2,
    ),
    measure(
      "stats.equipmentRequests, busiest equipment, 1 year",
      () => equipmentRequests(db, { equipmentId: busiest, ...year }),
      20,
      2,
    ),
    // 30 runs after 5 warm-up runs: the first few dashboards of a process run code the JIT is
    // still optimising (about 1.5× slower), which a server running for a while does not.
    measure("dashboard total, 1 year, no filter", dashboard({}), 30, 5),
    measure(
      "dashboard total, 1 year, prefecture = chengdu",
      dashboard({ prefecture: "chengdu" }),
      30,
      5,
    ),
  ];
  console.log("\nMonitoring figures for one year (goal: dashboard total ≤ 300 ms p95):");
  report(baseline, rows);
  const evaluation = measure(
    "annual evaluation of every facility, 2026",
    cold(() => scoreYear(db, evaluationSettings(db, 2026))),
    10,
    1,
  );
  console.log("\nAnnual evaluation (goal: ≤ 2 s):");
  report(baseline, [evaluation]);
}

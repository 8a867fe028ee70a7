// The monitoring dashboard on the scale dataset: each stats procedure on its own (the shared
// utilisation cube cleared before every run, so each pays for it), then the dashboard as the page
// asks for it (overview, utilisation, recorded use and machine-hours of one period, the cube
// computed once), for one calendar year with no filter and with a prefecture filter, and the annual
// evaluation of every facility. The baseline is a COUNT(*) over all reservations in the same run.
import { sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { statsMachineHours, statsUtilisation } from "@/server/services/stats/utilisation";
import { equipmentRequests } from "@/server/services/stats/equipment-requests";
import { clearCubeCache } from "@/server/services/stats/cube-cache";
import { statsUse } from "@/server/services/stats/use-figures";
import { evaluationSettings } from "@/server/services/evaluation/settings";
import { scoreYear } from "@/server/services/evaluation/score";
import { measure, report } from "./harness";
import { BENCH_YEAR, measureDashboard, measureOverview } from "./core-figures";

export function benchStats(db: DB) {
  const year = BENCH_YEAR;
  const busiest = db.get<{ id: number }>(
    sql`SELECT equipment_id AS id FROM reservations WHERE kind = 'booking' GROUP BY equipment_id ORDER BY COUNT(*) DESC LIMIT 1`,
  )!.id;
  const cold =
    <T>(fn: () => T) =>
    () => (clearCubeCache(), fn());
  const baseline = measure(
    "baseline: COUNT(*) over reservations",
    () => db.get(sql`SELECT COUNT(*) FROM reservations`),
    30,
    3,
  );
  const rows = [
    measureOverview(db),
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
    measureDashboard(db),
    measureDashboard(db, { prefecture: "chengdu" }, "prefecture = chengdu"),
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

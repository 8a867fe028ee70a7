// `npm run bench`: benchmarks on the --scale dataset, each as a median and a ratio to a trivial
// indexed point query measured in the same run; then the JavaScript each registry page sends.
// Builds the dataset first when it is missing. `-- --growth` prints how the goal figures grow
// from 250,000 to 4,000,000 reservations instead (bench/growth.ts).
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { openDatabase, migrateDatabase } from "@/db/client";
import { dataDir } from "@/db/paths";
import { networkOverview } from "@/server/services/registry/network-overview";
import { listFacilities } from "@/server/services/registry/list-facilities";
import { searchEquipment } from "@/server/services/registry/search-equipment";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { scheduleBoard } from "@/server/services/operations/schedule-board";
import { findMatches } from "@/server/services/hub/find-matches";
import { loadActor } from "@/server/services/users/load-actor";
import { measure, report } from "./harness";
import { measureAvailability, measureHubMatches, measureSearch } from "./core-figures";
import { explainAvailability } from "./explain";
import { measurePageWeight } from "./page-weight";
import { benchBookingPath } from "./booking-path";
import { benchAcceptance, benchVoucherFigures } from "./acceptance";
import { benchHttpSubmit } from "./http-submit";
import { benchStats } from "./stats";
import { benchGrowth } from "./growth";
import os from "node:os";

if (process.argv.includes("--growth")) {
  await benchGrowth();
  process.exit(0);
}

const file = process.env.DATABASE_PATH ?? path.join(dataDir(), "scale.db");
if (!fs.existsSync(file)) {
  console.log(`No benchmark dataset at ${file}: building it (npm run db:seed -- --scale) …`);
  const seeded = spawnSync(
    path.resolve("node_modules/.bin/tsx"),
    ["server/cli/seed.ts", "--scale"],
    { stdio: "inherit", env: { ...process.env, DATABASE_PATH: file } },
  );
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);
}
const db = openDatabase(file);
migrateDatabase(db);
const point = db.$client.prepare(`SELECT id, name FROM equipment WHERE id = ?`);
const equipmentCount = (
  db.$client.prepare(`SELECT COUNT(*) AS n FROM equipment`).get() as { n: number }
).n;
const reservationCount = (
  db.$client.prepare(`SELECT COUNT(*) AS n FROM reservations`).get() as { n: number }
).n;
console.log(`Dataset: ${file}: ${equipmentCount} equipment, ${reservationCount} reservations\n`);

// The schedule board of the facility with the most equipment, as its operator sees it.
const busiest = db.$client
  .prepare(
    `SELECT facility_id AS id, COUNT(*) AS n FROM equipment GROUP BY facility_id ORDER BY n DESC LIMIT 1`,
  )
  .get() as { id: number; n: number };
const boardOperator = db.$client
  .prepare(
    `SELECT id FROM users WHERE facility_id = ? AND role IN ('operator', 'coordinator') LIMIT 1`,
  )
  .get(busiest.id) as { id: number };
const boardActor = { ...loadActor(db, boardOperator.id)!, facilityId: busiest.id };
let i = 0;
const nextId = () => (i++ % equipmentCount) + 1;
const now = Date.now();
const baseline = measure(
  "baseline: equipment by id (indexed point query)",
  () => point.get(nextId()),
  2000,
  100,
);
report(baseline, [
  measure(
    "facility.list: text + field + prefecture",
    () => listFacilities(db, { q: "reactor", field: "advanced_materials", prefecture: "chengdu" }),
    200,
  ),
  measure(
    "facility.list: text only (two terms)",
    () => listFacilities(db, { q: "benchmark climate" }),
    200,
  ),
  measure(
    "equipment.search: 2 parameter ranges (5,000 equipment)",
    () =>
      searchEquipment(db, {
        params: [
          { key: "volume", min: 500, unit: "L" },
          { key: "temperature", min: 150, unit: "°C" },
        ],
      }),
    200,
  ),
  measureSearch(db),
  measureAvailability(db, now),
  measure("network.overview (home page)", () => networkOverview(db), 50),
  measureHubMatches(db, now),
  measure(
    "hub.matches: pilot production, no parameters, 8 h in 30 days",
    () =>
      findMatches(
        db,
        {
          serviceType: "pilot_production",
          earliestStart: now + 86_400_000,
          deadline: now + 31 * 86_400_000,
          hours: 8,
        },
        now,
      ),
    30,
  ),
  measure(
    `schedule.board: busiest facility (${busiest.n} equipment) × 1 month`,
    () => scheduleBoard(db, boardActor, { from: now, to: now + 31 * 86_400_000 }),
    50,
  ),
  measure("invariant check over all reservations", () => findInvariantViolations(db), 5, 1),
]);
console.log("\nQuery plans of one availability query:");
for (const line of explainAvailability(db)) console.log(`  ${line}`);
benchStats(db);
db.$client.close();

// Write benchmarks run on a copy, so the dataset stays as seeded.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-bench-db-"));
const copy = path.join(scratch, "scale-copy.db");
{
  const source = openDatabase(file);
  await source.$client.backup(copy);
  source.$client.close();
}
const writable = openDatabase(copy);
const { bare, booking } = benchBookingPath(writable);
console.log("\nBooking path in-process (on a copy of the dataset):");
report(bare, [booking]);
console.log(
  `  throughput ratio booking / bare INSERT: ${(bare.medianMs / booking.medianMs).toFixed(3)} (goal ≥ 0.1)`,
);
const acceptance = benchAcceptance(writable);
console.log(
  `\nAcceptance in-process, ${acceptance.rounds.length} alternating rounds (medians per round):`,
);
for (const r of acceptance.rounds)
  console.log(
    `  without ${r.plain.medianMs.toFixed(3)} ms   with voucher ${r.voucher.medianMs.toFixed(3)} ms   ratio ${(r.voucher.medianMs / r.plain.medianMs).toFixed(2)}`,
  );
console.log(
  `  median of rounds: without ${acceptance.plainMs.toFixed(3)} ms, with ${acceptance.voucherMs.toFixed(3)} ms, ratio ${acceptance.ratio.toFixed(2)} (goal ≤ 1.5)`,
);
console.log("\nVoucher figures of a year (dashboard budget: p95 ≤ 300 ms):");
const figures = benchVoucherFigures(writable, acceptance.year);
report(figures[0], figures.slice(1));
writable.$client.close();

if (!process.argv.includes("--no-http")) {
  console.log(
    "\nOver HTTP against next start, 50 connections, 3 rounds of 5 s each (autocannon, medians):",
  );
  const { results: http, rssIdleBytes, rssLoadedBytes } = await benchHttpSubmit(copy, scratch);
  for (const r of http)
    console.log(
      `  ${r.name.padEnd(24)} ${r.requestsPerSec.toFixed(0).padStart(7)} req/s   p97.5 ${String(r.p97_5Ms).padStart(5)} ms   non-2xx ${r.non2xx}   errors ${r.errors}` +
        (r === http[0] ? "" : `   ÷ health ${r.ratioToHealth.toFixed(3)}`),
    );
  console.log(
    `  throughput ratio request.submit / health: ${http[3].ratioToHealth.toFixed(3)} (goal ≥ 0.4)`,
  );
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `  resident memory of next start: ${mb(rssIdleBytes)} idle, ${mb(rssLoadedBytes)} after the load`,
  );
}
fs.rmSync(scratch, { recursive: true, force: true });

if (!process.argv.includes("--no-pages")) {
  console.log(
    "\nJavaScript each registry page sends (gzip), from a production build on the demo data:",
  );
  for (const row of await measurePageWeight())
    console.log(
      `  ${row.path.padEnd(40)} ${(row.gzipBytes / 1024).toFixed(1).padStart(7)} kB in ${row.scripts} scripts` +
        ` (and ${(row.legacyGzipBytes / 1024).toFixed(1)} kB of nomodule polyfills, not loaded)`,
    );
}

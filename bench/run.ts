// `npm run bench`: benchmarks on the --scale dataset, each as a median and a ratio to a trivial
// indexed point query measured in the same run; then the JavaScript each registry page sends.
// Builds the dataset first when it is missing.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { openDatabase, migrateDatabase } from "@/db/client";
import { dataDir } from "@/db/paths";
import { networkOverview } from "@/server/services/registry/network-overview";
import { listFacilities } from "@/server/services/registry/list-facilities";
import { searchEquipment } from "@/server/services/registry/search-equipment";
import { equipmentAvailability } from "@/server/services/scheduling/availability";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { measure, report } from "./harness";
import { explainAvailability } from "./explain";
import { measurePageWeight } from "./page-weight";

const file = process.env.DATABASE_PATH ?? path.join(dataDir(), "scale.db");
if (!fs.existsSync(file)) {
  console.log(`No benchmark dataset at ${file}: building it (npm run db:seed -- --scale) …`);
  const seeded = spawnSync(path.resolve("node_modules/.bin/tsx"), ["server/cli/seed.ts", "--scale"], { stdio: "inherit", env: { ...process.env, DATABASE_PATH: file } });
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);
}
const db = openDatabase(file);
migrateDatabase(db);
const point = db.$client.prepare(`SELECT id, name FROM equipment WHERE id = ?`);
const equipmentCount = (db.$client.prepare(`SELECT COUNT(*) AS n FROM equipment`).get() as { n: number }).n;
const reservationCount = (db.$client.prepare(`SELECT COUNT(*) AS n FROM reservations`).get() as { n: number }).n;
console.log(`Dataset: ${file}: ${equipmentCount} equipment, ${reservationCount} reservations\n`);

let i = 0;
const nextId = () => (i++ % equipmentCount) + 1;
const now = Date.now();
const baseline = measure("baseline: equipment by id (indexed point query)", () => point.get(nextId()), 2000, 100);
report(baseline, [
  measure("facility.list: text + field + prefecture", () => listFacilities(db, { q: "reactor", field: "advanced_materials", prefecture: "chengdu" }), 200),
  measure("facility.list: text only (two terms)", () => listFacilities(db, { q: "benchmark climate" }), 200),
  measure("equipment.search: 2 parameter ranges (5,000 equipment)", () => searchEquipment(db, { params: [{ key: "volume", min: 500, unit: "L" }, { key: "temperature", min: 150, unit: "°C" }] }), 200),
  measure("equipment.search: text + range + 8 h next slot", () => searchEquipment(db, { q: "reactor", params: [{ key: "volume", min: 0.5, unit: "m³" }], durationHours: 8 }), 50),
  measure("equipment.availability: 1 equipment × 90 days", () => equipmentAvailability(db, nextId(), { from: now, to: now + 90 * 86_400_000 }), 500),
  measure("network.overview (home page)", () => networkOverview(db), 50),
  measure("invariant check over all reservations", () => findInvariantViolations(db), 5, 1),
]);
console.log("\nQuery plans of one availability query:");
for (const line of explainAvailability(db)) console.log(`  ${line}`);
db.$client.close();

if (!process.argv.includes("--no-pages")) {
  console.log("\nJavaScript each registry page sends (gzip), from a production build on the demo data:");
  for (const row of await measurePageWeight()) console.log(`  ${row.path.padEnd(40)} ${(row.gzipBytes / 1024).toFixed(1).padStart(7)} kB in ${row.scripts} scripts`);
}

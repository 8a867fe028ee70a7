// `npm run bench`: benchmarks on the --scale dataset, each as a median and a ratio to a trivial
// indexed point query measured in the same run. Builds the dataset first when it is missing.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { openDatabase } from "@/db/client";
import { dataDir } from "@/db/paths";
import { networkOverview } from "@/server/services/registry/network-overview";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { adminStartPage } from "@/server/services/workspace/admin-start";
import { measure, report } from "./harness";

const file = process.env.DATABASE_PATH ?? path.join(dataDir(), "scale.db");
if (!fs.existsSync(file)) {
  console.log(`No benchmark dataset at ${file}: building it (npm run db:seed -- --scale) …`);
  const seeded = spawnSync(path.resolve("node_modules/.bin/tsx"), ["server/cli/seed.ts", "--scale"], { stdio: "inherit", env: { ...process.env, DATABASE_PATH: file } });
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);
}
const db = openDatabase(file);
const point = db.$client.prepare(`SELECT id, name FROM equipment WHERE id = ?`);
let i = 0;
const baseline = measure("baseline: equipment by id (indexed point query)", () => point.get((i++ % 5000) + 1), 2000, 100);
report(baseline, [
  measure("network.overview (home page)", () => networkOverview(db), 50),
  measure("workspace.admin (admin start page)", () => adminStartPage(db), 20),
  measure("invariant check over 1,000,000 reservations", () => findInvariantViolations(db), 5, 1),
]);
db.$client.close();

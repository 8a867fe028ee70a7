// `npm run db:seed` seeds the demo data into an empty database; `-- --scale` builds the benchmark
// dataset of 1,000,000 reservations in data/scale.db, and `-- --scale 4m` one of another size
// (data/scale-4m.db). DATABASE_PATH overrides the file.
import fs from "node:fs";
import path from "node:path";
import { openDatabase, migrateDatabase } from "@/db/client";
import { dataDir, databasePath } from "@/db/paths";
import { isEmpty, seedDemo, DEMO_PASSWORD } from "@/db/seed";
import { DEFAULT_SCALE_SIZE, parseScaleSize, scaleFileName, seedScale } from "@/db/seed/scale";
import { hashPassword } from "@/server/auth/password";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { issueDemoReports } from "@/server/services/reports/demo-reports";

const scaleAt = process.argv.indexOf("--scale");
const scale = scaleAt >= 0;
const sizeText = process.argv[scaleAt + 1];
const size = scale && sizeText !== undefined ? parseScaleSize(sizeText) : DEFAULT_SCALE_SIZE;
if (size === undefined) {
  console.error(
    `--scale takes a number of reservations (such as 250k, 1m or 4000000), not ${sizeText}`,
  );
  process.exit(2);
}
const file = scale
  ? (process.env.DATABASE_PATH ?? path.join(dataDir(), scaleFileName(size)))
  : databasePath();
const passwordHash = await hashPassword(DEMO_PASSWORD);

if (scale) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.pragma("synchronous = OFF");
  const started = Date.now();
  let last = 0;
  const result = seedScale(db, {
    passwordHash,
    reservations: size,
    onProgress(step, done, total) {
      if (Date.now() - last > 2000 || done === total) {
        last = Date.now();
        process.stdout.write(
          `  ${step}: ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
        );
      }
    },
  });
  console.log(
    `Wrote ${result.requests} requests and ${result.reservations} reservations in ${((Date.now() - started) / 1000).toFixed(1)} s; analysing …`,
  );
  db.$client.exec("ANALYZE");
  const violations = findInvariantViolations(db);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  if (violations.length) {
    console.error(
      `Invariant violated ${violations.length} times, e.g. ${JSON.stringify(violations[0])}`,
    );
    process.exit(1);
  }
  console.log(
    `Benchmark dataset ready in ${file} (${((Date.now() - started) / 1000).toFixed(1)} s); invariant holds.`,
  );
} else {
  const db = openDatabase(file);
  migrateDatabase(db);
  if (!isEmpty(db)) console.log(`${file} already holds data; use npm run db:reset to start over.`);
  else {
    seedDemo(db, { dataDir: dataDir(), passwordHash });
    await issueDemoReports(db);
    console.log(`Demo data seeded into ${file}.`);
  }
  db.$client.close();
}

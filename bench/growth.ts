// `npm run bench -- --growth`: the goal figures at 250,000, 1,000,000 and 4,000,000 reservations
// (the same 5,000 equipment and density, 1¼, 5 and 20 years of history), as a Markdown table with
// the ratio of the largest dataset to the smallest and to the middle one. Builds a missing dataset
// first (npm run db:seed -- --scale SIZE); the booking path runs on a copy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { openDatabase, migrateDatabase, type DB } from "@/db/client";
import { dataDir } from "@/db/paths";
import { scaleFileName } from "@/db/seed/scale";
import type { Timing } from "./harness";
import { benchBookingPath } from "./booking-path";
import {
  measureAvailability,
  measureDashboard,
  measureHubMatches,
  measureOverview,
  measureSearch,
} from "./core-figures";

const SIZES = [250_000, 1_000_000, 4_000_000];

type Row = { name: string; unit: "ms" | "ratio"; values: { median: number; p95?: number }[] };

function datasetFile(size: number): string {
  const file = path.join(dataDir(), scaleFileName(size));
  if (!fs.existsSync(file)) {
    console.log(`No dataset of ${size} reservations at ${file}: building it …`);
    const seeded = spawnSync(
      path.resolve("node_modules/.bin/tsx"),
      ["server/cli/seed.ts", "--scale", String(size)],
      { stdio: "inherit", env: { ...process.env, DATABASE_PATH: file } },
    );
    if (seeded.status !== 0) process.exit(seeded.status ?? 1);
  }
  return file;
}

const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median round of each: rounds go through the datasets in turn, so a slower moment of the
 * machine (or a cold cache) weighs on every size alike. */
function inRounds(runs: (() => Timing)[]): Row["values"] {
  const rounds = runs.map(() => [] as Timing[]);
  for (let round = 0; round < ROUNDS; round++) runs.forEach((run, i) => rounds[i].push(run()));
  return rounds.map((timings) => ({
    median: median(timings.map((t) => t.medianMs)),
    p95: median(timings.map((t) => t.p95Ms)),
  }));
}

export async function benchGrowth(): Promise<void> {
  const files = SIZES.map(datasetFile);
  const dbs = files.map((file) => {
    const db = openDatabase(file);
    migrateDatabase(db);
    return db;
  });
  const now = Date.now();
  const figures: [string, (db: DB) => Timing][] = [
    ["equipment.availability: 1 equipment × 90 days", (db) => measureAvailability(db, now, 2000)],
    ["equipment.search: text + range + 8 h next slot", (db) => measureSearch(db)],
    ["hub.matches: testing, volume ≥ 500 L, 8 h in 30 days", (db) => measureHubMatches(db, now)],
    ["stats.overview, 1 year (with utilisation)", (db) => measureOverview(db)],
    ["dashboard total, 1 year, no filter", (db) => measureDashboard(db)],
  ];
  const rows: Row[] = [];
  for (const [name, run] of figures) {
    console.log(`Measuring ${name} …`);
    rows.push({ name, unit: "ms", values: inRounds(dbs.map((db) => () => run(db))) });
  }
  // The booking path writes, so on a copy of each dataset, after every read figure.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-growth-"));
  const copies: DB[] = [];
  for (const [i, db] of dbs.entries()) {
    const copy = path.join(scratch, `copy-${i}.db`);
    await db.$client.backup(copy);
    db.$client.close();
    copies.push(openDatabase(copy));
  }
  console.log("Measuring the booking path …");
  const paths = SIZES.map(() => [] as { bare: Timing; booking: Timing }[]);
  for (let round = 0; round < ROUNDS; round++)
    copies.forEach((db, i) => paths[i].push(benchBookingPath(db)));
  for (const db of copies) db.$client.close();
  fs.rmSync(scratch, { recursive: true, force: true });
  const of = (pick: (p: { bare: Timing; booking: Timing }) => Timing) =>
    paths.map((runs) => ({
      median: median(runs.map((r) => pick(r).medianMs)),
      p95: median(runs.map((r) => pick(r).p95Ms)),
    }));
  rows.push({
    name: "request.submit booking path (auto-approve)",
    unit: "ms",
    values: of((p) => p.booking),
  });
  rows.push({ name: "bare INSERT of a reservation row", unit: "ms", values: of((p) => p.bare) });
  rows.push({
    name: "booking path ÷ bare INSERT (throughput ratio)",
    unit: "ratio",
    values: paths.map((runs) => ({
      median: median(runs.map((r) => r.bare.medianMs / r.booking.medianMs)),
    })),
  });
  const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(1));
  const cell = (v: Row["values"][number], unit: Row["unit"]) =>
    unit === "ratio" ? v.median.toFixed(3) : `${ms(v.median)} / ${ms(v.p95!)}`;
  const label = (n: number) => `${n / 1_000_000}M`.replace("0.25M", "250k");
  console.log(
    `\nGrowth (median / p95 in ms; ratios of medians):\n\n| figure | ${SIZES.map(label).join(" | ")} | ${label(SIZES[2])} ÷ ${label(SIZES[0])} | ${label(SIZES[2])} ÷ ${label(SIZES[1])} |`,
  );
  console.log(`| --- | ${SIZES.map(() => "---").join(" | ")} | --- | --- |`);
  for (const row of rows) {
    const [small, middle, large] = row.values.map((v) => v.median);
    console.log(
      `| ${row.name} | ${row.values.map((v) => cell(v, row.unit)).join(" | ")} | ${(large / small).toFixed(2)} | ${(large / middle).toFixed(2)} |`,
    );
  }
  // The goal: these stay flat, at most 1.3× from 1M to 4M reservations.
  const flat = rows.filter((r) => FLAT.some((name) => r.name.startsWith(name)));
  const worst = Math.max(...flat.map((r) => r.values[2].median / r.values[1].median));
  console.log(
    `\nAvailability, search, matching and the booking path from 1M to 4M: at most ${worst.toFixed(2)}× (goal ≤ 1.3)`,
  );
}

const FLAT = [
  "equipment.availability",
  "equipment.search",
  "hub.matches",
  "request.submit booking path",
];

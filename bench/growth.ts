// `npm run bench -- --growth`: the goal figures at 250,000, 1,000,000 and 4,000,000 reservations
// (the same 5,000 equipment and density, 1¼, 5 and 20 years of history), as a Markdown table with
// the ratio of the largest dataset to the smallest and to the middle one. Builds a missing dataset
// first (npm run db:seed -- --scale SIZE); the booking path runs on a copy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { openDatabase, migrateDatabase } from "@/db/client";
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

async function figuresAt(size: number): Promise<{ timings: Timing[]; ratio: number }> {
  const file = datasetFile(size);
  const db = openDatabase(file);
  migrateDatabase(db);
  const now = Date.now();
  const read = [
    measureAvailability(db, now, 2000),
    measureSearch(db),
    measureHubMatches(db, now),
    measureOverview(db),
    measureDashboard(db),
  ];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-growth-"));
  const copy = path.join(scratch, "copy.db");
  await db.$client.backup(copy);
  db.$client.close();
  const writable = openDatabase(copy);
  const { bare, booking } = benchBookingPath(writable);
  writable.$client.close();
  fs.rmSync(scratch, { recursive: true, force: true });
  return { timings: [...read, booking, bare], ratio: bare.medianMs / booking.medianMs };
}

export async function benchGrowth(): Promise<void> {
  const runs: Awaited<ReturnType<typeof figuresAt>>[] = [];
  for (const size of SIZES) {
    console.log(`Measuring at ${size.toLocaleString("en")} reservations …`);
    runs.push(await figuresAt(size));
  }
  const rows: Row[] = runs[0].timings.map((t, i) => ({
    name: t.name,
    unit: "ms",
    values: runs.map((r) => ({ median: r.timings[i].medianMs, p95: r.timings[i].p95Ms })),
  }));
  rows.push({
    name: "booking path ÷ bare INSERT (throughput ratio)",
    unit: "ratio",
    values: runs.map((r) => ({ median: r.ratio })),
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
}

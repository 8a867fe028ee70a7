// `npm test`: every test (unit, integration, browser). Fails at once with one line if Chromium is
// missing; ends with a plain "tests: N passed, N failed" line for CI.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromiumPath, MISSING_CHROMIUM } from "./e2e/chromium-path";

if (!chromiumPath()) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}
const vitest = path.join(process.cwd(), "node_modules", ".bin", "vitest");
const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pilot-vitest-")), "results.json");
const result = spawnSync(
  vitest,
  [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${summary}`,
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  },
);
try {
  const r = JSON.parse(fs.readFileSync(summary, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  console.log(
    `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`,
  );
} catch {
  console.log("tests: 0 passed, 1 failed (the test run wrote no results)");
}
process.exit(result.status ?? 1);

// `npm test`: every test (unit, integration, browser). Fails at once with one line if Chromium is missing.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { chromiumPath, MISSING_CHROMIUM } from "./e2e/chromium-path";

if (!chromiumPath()) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}
const vitest = path.join(process.cwd(), "node_modules", ".bin", "vitest");
const result = spawnSync(vitest, ["run", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
process.exit(result.status ?? 1);

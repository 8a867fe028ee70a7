import fs from "node:fs";

export function chromiumPath(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ].filter(Boolean) as string[];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export const MISSING_CHROMIUM =
  "Chromium is missing: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH), then run npm test again.";

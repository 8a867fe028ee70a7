// Serves the production build on a throwaway copy of the demo data and adds up the gzip size of
// the scripts each registry page loads.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { serveBuild } from "./serve";

const pages = [
  "/",
  "/facilities",
  "/facilities?q=reactor&prefecture=meishan",
  "/facilities/sichuan-pilot-hub",
  "/equipment?pk=volume&pmin=500&pu=L&duration=8",
  "/services?q=GB%2FT+2423",
];

/** Per page: the scripts a browser runs (gzip), and apart from them the `nomodule` legacy
 * polyfills, which browsers that run modules (every current one) neither download nor run. */
export async function measurePageWeight(): Promise<
  { path: string; gzipBytes: number; scripts: number; legacyGzipBytes: number }[]
> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-bench-"));
  const env = { DATA_DIR: dir, DATABASE_PATH: path.join(dir, "pilot.db") };
  spawnSync(path.resolve("node_modules/.bin/tsx"), ["server/cli/prepare.ts"], {
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  const { base, stop } = await serveBuild(env);
  try {
    const out: { path: string; gzipBytes: number; scripts: number; legacyGzipBytes: number }[] = [];
    const gzipOf = async (src: string) =>
      zlib.gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
    for (const p of pages) {
      const html = await (await fetch(base + p)).text();
      const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)];
      const legacy = new Set(tags.filter((m) => /\snomodule/i.test(m[0])).map((m) => m[1]));
      const srcs = [...new Set(tags.map((m) => m[1]))].filter((src) => !legacy.has(src));
      let gzipBytes = 0;
      for (const src of srcs) gzipBytes += await gzipOf(src);
      let legacyGzipBytes = 0;
      for (const src of legacy) legacyGzipBytes += await gzipOf(src);
      out.push({ path: p, gzipBytes, scripts: srcs.length, legacyGzipBytes });
    }
    return out;
  } finally {
    stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

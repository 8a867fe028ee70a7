// Serves the production build on a throwaway copy of the demo data and adds up the gzip size of
// the scripts each registry page loads.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { buildIsCurrent, stampBuild } from "@/server/cli/build-stamp";

const pages = ["/", "/facilities", "/facilities?q=reactor&prefecture=meishan", "/facilities/sichuan-pilot-hub", "/equipment?pk=volume&pmin=500&pu=L&duration=8", "/services?q=GB%2FT+2423"];

export async function measurePageWeight(): Promise<{ path: string; gzipBytes: number; scripts: number }[]> {
  const root = process.cwd();
  const nextBin = path.join(root, "node_modules", ".bin", "next");
  if (!buildIsCurrent(root)) {
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
    stampBuild(root);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-bench-"));
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://localhost:${port}`;
  const env = { ...process.env, DATA_DIR: dir, DATABASE_PATH: path.join(dir, "pilot.db"), NEXTAUTH_URL: base, NODE_ENV: "production" as const };
  spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["server/cli/prepare.ts"], { env, stdio: "ignore" });
  const server = spawn(nextBin, ["start", "-p", String(port)], { env, stdio: "ignore" });
  try {
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    const out: { path: string; gzipBytes: number; scripts: number }[] = [];
    for (const p of pages) {
      const html = await (await fetch(base + p)).text();
      const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
      let gzipBytes = 0;
      for (const src of srcs) gzipBytes += zlib.gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
      out.push({ path: p, gzipBytes, scripts: srcs.length });
    }
    return out;
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Builds the app if its sources changed, prepares a throwaway data directory, and serves it with
// our server (server/cli/serve.ts) on a free port for the browser tests.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildIsCurrent, stampBuild } from "@/server/cli/build-stamp";
import { chromiumPath, MISSING_CHROMIUM } from "./chromium-path";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    serverPid: number;
  }
}

let server: ChildProcess | null = null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export default async function setup(project: TestProject) {
  if (!chromiumPath()) throw new Error(MISSING_CHROMIUM);
  const root = process.cwd();
  const nextBin = path.join(root, "node_modules", ".bin", "next");
  if (!buildIsCurrent(root)) {
    const build = spawnSync(nextBin, ["build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const },
    });
    if (build.status !== 0) throw new Error("next build failed");
    stampBuild(root);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-e2e-"));
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_PATH: path.join(dataDir, "pilot.db"),
    NEXTAUTH_URL: baseURL,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production" as const,
  };
  const prepare = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["server/cli/prepare.ts"],
    { env, stdio: "inherit" },
  );
  if (prepare.status !== 0) throw new Error("preparing the e2e data directory failed");
  // node itself (not the tsx wrapper), so the pid the tests measure is the server's.
  server = spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts"], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("the app did not answer /api/health within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide("baseURL", baseURL);
  project.provide("serverPid", server.pid!);
  return async () => {
    server?.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

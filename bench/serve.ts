// Builds the app when its sources changed and serves it (server/cli/serve.ts) on a free port.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, stampBuild } from "@/server/cli/build-stamp";

export async function serveBuild(env: {
  DATA_DIR: string;
  DATABASE_PATH: string;
}): Promise<{ base: string; stop: () => void }> {
  const root = process.cwd();
  const nextBin = path.join(root, "node_modules", ".bin", "next");
  if (!buildIsCurrent(root)) {
    if (
      spawnSync(nextBin, ["build"], {
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production" },
      }).status !== 0
    )
      throw new Error("next build failed");
    stampBuild(root);
  }
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://localhost:${port}`;
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const server = spawn(tsx, ["server/cli/serve.ts"], {
    env: { ...process.env, ...env, PORT: String(port), NEXTAUTH_URL: base, NODE_ENV: "production" },
    stdio: "ignore",
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { base, stop: () => server.kill("SIGTERM") };
}

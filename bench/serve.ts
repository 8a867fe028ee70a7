// Builds the app when its sources changed and serves it (server/cli/serve.ts) on a free port.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIsCurrent, stampBuild } from "@/server/cli/build-stamp";

export async function serveBuild(env: {
  DATA_DIR: string;
  DATABASE_PATH: string;
}): Promise<{ base: string; stop: () => void; rssBytes: () => number }> {
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
  return { base, stop: () => server.kill("SIGTERM"), rssBytes: () => treeRss(server.pid!) };
}

/** The resident memory of a process and its descendants (tsx runs the server in a child). */
function treeRss(root: number): number {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (name) state ppid …": the name may hold spaces, so read after its closing bracket.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parentOf)
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let bytes = 0;
  for (const pid of tree)
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      bytes += Number(kb ?? 0) * 1024;
    } catch {
      // gone
    }
  return bytes;
}

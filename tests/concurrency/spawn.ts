// Runs workers as separate OS processes and collects their JSON lines.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildSync } from "esbuild";

// The worker is bundled once per test run (tens of milliseconds) so that fifty of them start in
// seconds, not the minute tsx would need to compile each one. One node process per worker, so
// that SIGKILL really stops it.
const bundle = path.resolve("node_modules/.cache/race-worker/worker.mjs");
buildSync({
  entryPoints: [path.resolve("tests/concurrency/worker.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  outfile: bundle,
  logLevel: "error",
});
const args = (job: Record<string, unknown>) => [bundle, JSON.stringify(job)];

type Line = Record<string, unknown> & { readyMsBeforeStart?: number; ready?: boolean };

function collect(child: ReturnType<typeof spawn>, onLine: (l: Line) => void) {
  let buffer = "";
  child.stdout!.on("data", (d) => {
    buffer += d;
    const parts = buffer.split("\n");
    buffer = parts.pop()!;
    for (const p of parts.filter(Boolean)) onLine(JSON.parse(p) as Line);
  });
}

export function runWorker<T = Record<string, unknown>>(job: Record<string, unknown>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args(job), { stdio: ["ignore", "pipe", "pipe"] });
    const lines: Line[] = [];
    let err = "";
    collect(child, (l) => lines.push(l));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${err}`));
      // A worker that was not ready before the common start would not have raced: fail loudly.
      const late = lines.find(
        (l) => l.readyMsBeforeStart !== undefined && l.readyMsBeforeStart < 0,
      );
      if (late)
        reject(
          new Error(`a worker started ${-late.readyMsBeforeStart!} ms after the common start`),
        );
      else resolve(lines.filter((l) => l.readyMsBeforeStart === undefined) as T[]);
    });
  });
}

/**
 * Starts one process per job, waits until every one of them is ready (connected and waiting),
 * then gives them all the same start instant; resolves with each process's lines.
 */
export async function runTogether<T = Record<string, unknown>>(
  jobs: Record<string, unknown>[],
): Promise<T[][]> {
  let readyCount = 0;
  let allReady!: () => void;
  let failed!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    allReady = resolve;
    failed = reject;
  });
  const children = jobs.map((job) => {
    const child = spawn(process.execPath, args({ ...job, goAt: "stdin" }), {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const lines: Line[] = [];
    let err = "";
    let late = 0;
    collect(child, (l) => {
      if (l.ready) {
        if (++readyCount === jobs.length) allReady();
      } else if (l.readyMsBeforeStart === undefined) lines.push(l);
      else if (l.readyMsBeforeStart < 0) late = -l.readyMsBeforeStart;
    });
    child.stderr.on("data", (d) => (err += d));
    // A worker that dies before it is ready fails the whole race at once.
    child.on("exit", (code) => {
      if (code !== 0) failed(new Error(`worker exited ${code} before the start: ${err}`));
    });
    const done = new Promise<T[]>((resolve, reject) =>
      child.on("exit", (code) =>
        code !== 0
          ? reject(new Error(`worker exited ${code}: ${err}`))
          : late
            ? reject(new Error(`a worker reached the common start ${late} ms late`))
            : resolve(lines as T[]),
      ),
    );
    return { child, done };
  });
  try {
    await ready;
  } catch (e) {
    for (const { child } of children) child.kill("SIGKILL");
    throw e;
  }
  const goAt = Date.now() + 1000;
  for (const { child } of children) child.stdin.end(`${goAt}\n`);
  return Promise.all(children.map((c) => c.done));
}

export function startWorker(job: Record<string, unknown>) {
  const child = spawn(process.execPath, args(job), { stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  collect(child, (l) => lines.push(JSON.stringify(l)));
  return { child, lines };
}

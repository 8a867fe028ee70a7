// Runs workers as separate OS processes and collects their JSON lines.
import { spawn } from "node:child_process";
import path from "node:path";

// One node process per worker (node --import tsx), so that SIGKILL really stops the worker: the
// tsx command would leave its node child running.
const worker = path.resolve("tests/concurrency/worker.ts");
const args = (job: Record<string, unknown>) => ["--import", "tsx", worker, JSON.stringify(job)];

export function runWorker<T = Record<string, unknown>>(job: Record<string, unknown>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args(job), { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`worker exited ${code}: ${err}`));
      else {
        const lines = out
          .trim()
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as T & { readyMsBeforeStart?: number });
        // A worker that was not ready before the common start would not have raced: fail loudly.
        const late = lines.find(
          (l) => l.readyMsBeforeStart !== undefined && l.readyMsBeforeStart < 0,
        );
        if (late)
          reject(
            new Error(`a worker started ${-late.readyMsBeforeStart!} ms after the common start`),
          );
        else resolve(lines.filter((l) => l.readyMsBeforeStart === undefined));
      }
    });
  });
}

export function startWorker(job: Record<string, unknown>) {
  const child = spawn(process.execPath, args(job), { stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  let buffer = "";
  child.stdout.on("data", (d) => {
    buffer += d;
    const parts = buffer.split("\n");
    buffer = parts.pop()!;
    lines.push(...parts.filter(Boolean));
  });
  return { child, lines };
}

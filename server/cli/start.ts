// `npm start`: prepare the data directory, build when the sources changed, then serve.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { prepareData } from "./prepare";
import { buildIsCurrent, stampBuild } from "./build-stamp";

const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");
const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

await prepareData();

if (buildIsCurrent()) console.log("Build is up to date.");
else {
  console.log("Building the app (about a minute on first start) …");
  const build = spawnSync(nextBin, ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  stampBuild();
}

console.log(`Serving on http://localhost:${port}`);
const server = spawn(
  nextBin,
  ["start", "-p", port, ...(process.env.HOSTNAME ? ["-H", process.env.HOSTNAME] : [])],
  {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

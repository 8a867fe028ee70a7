// `npm start`: prepare the data directory, build when the sources changed, then serve.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { prepareData } from "./prepare";
import { buildIsCurrent, stampBuild } from "./build-stamp";
import { serve } from "./serve";

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

const server = await serve({ port: Number(port), hostname: process.env.HOSTNAME || undefined });
console.log(`Serving on http://localhost:${port}`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => server.close(() => process.exit(0)));

// Over HTTP against `next start`: GET /api/health, two registry pages and request.submit at 50
// connections with autocannon, in three rounds (the others as ratios to health in the same round;
// medians printed), and the server's resident memory idle and after the load. Serves a copy of the
// dataset; signs in as a firm user.
import autocannon from "autocannon";
import superjson from "superjson";
import Database from "better-sqlite3";
import { serveBuild } from "./serve";

const ROUNDS = 3;

type Result = {
  name: string;
  /** The median round's requests per second. */
  requestsPerSec: number;
  /** The median of the rounds' ratios to GET /api/health. */
  ratioToHealth: number;
  p97_5Ms: number;
  non2xx: number;
  errors: number;
};

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) =>
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookies.join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in for the HTTP bench failed (${res.status})`);
  return session;
}

export async function benchHttpSubmit(
  dbFile: string,
  dataDir: string,
): Promise<{ results: Result[]; rssIdleBytes: number; rssLoadedBytes: number }> {
  const db = new Database(dbFile, { readonly: true });
  const manual = db
    .prepare(
      `SELECT e.id FROM equipment e WHERE e.auto_approve = 0 AND e.status = 'operational' LIMIT 1`,
    )
    .get() as { id: number };
  db.close();
  const { base, stop, rssBytes } = await serveBuild({ DATA_DIR: dataDir, DATABASE_PATH: dbFile });
  try {
    await new Promise((r) => setTimeout(r, 2000));
    const rssIdleBytes = rssBytes();
    const cookie = await signIn(base, "firm@pilot.demo", "pilot-demo-2026");
    const start = Date.now() + 30 * 86_400_000;
    const body = JSON.stringify(
      superjson.serialize({
        title: "HTTP bench",
        serviceType: "testing",
        equipmentId: manual.id,
        earliestStart: start,
        deadline: start + 30 * 86_400_000,
        hours: 4,
      }),
    );
    const targets = [
      ["GET /api/health", { url: `${base}/api/health` }],
      ["GET /facilities", { url: `${base}/facilities` }],
      ["GET /equipment/[id]", { url: `${base}/equipment/${manual.id}` }],
      [
        "POST request.submit",
        {
          url: `${base}/api/trpc/request.submit`,
          method: "POST" as const,
          headers: { "content-type": "application/json", cookie },
          body,
        },
      ],
    ] as const;
    // A warm-up of each first.
    for (const [, opts] of targets) await cannon({ ...opts, connections: 10, duration: 2 });
    // Rounds in turn, so that a slower moment of the machine weighs on every target alike; each
    // target's figure is its median round, and each ratio the median of the rounds' ratios.
    const rounds: autocannon.Result[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const row: autocannon.Result[] = [];
      for (const [, opts] of targets)
        row.push(await cannon({ ...opts, connections: 50, duration: 5 }));
      rounds.push(row);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const results: Result[] = targets.map(([name], i) => ({
      name,
      requestsPerSec: median(rounds.map((r) => r[i].requests.average)),
      ratioToHealth: median(rounds.map((r) => r[i].requests.average / r[0].requests.average)),
      p97_5Ms: median(rounds.map((r) => r[i].latency.p97_5)),
      non2xx: rounds.reduce((n, r) => n + r[i].non2xx, 0),
      errors: rounds.reduce((n, r) => n + r[i].errors, 0),
    }));
    return { results, rssIdleBytes, rssLoadedBytes: rssBytes() };
  } finally {
    stop();
  }
}

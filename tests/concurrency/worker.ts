// A separate OS process that acts on a shared database file, for the race and crash tests.
// Usage: tsx tests/concurrency/worker.ts '<json job>'; prints one JSON line per outcome.
import { openDatabase } from "@/db/client";
import { DomainError } from "@/server/services/errors";
import { submitRequest } from "@/server/services/booking/submit-request";
import { quoteRequest } from "@/server/services/booking/quote-request";
import { acceptQuote } from "@/server/services/booking/accept-quote";
import { expireQuotes } from "@/server/services/booking/expire-quotes";
import { loadActor } from "@/server/services/users/load-actor";

type Job =
  | {
      kind: "submit";
      db: string;
      userId: number;
      goAt: number;
      slots: { equipmentId: number; start: number; hours: number; units: number; at?: number }[];
    }
  | {
      kind: "quote";
      db: string;
      userId: number;
      goAt: number;
      quotes: { id: number; equipmentId: number; start: number; end: number }[];
    }
  | { kind: "accept"; db: string; userId: number; goAt: number; ids: number[] }
  | { kind: "sweep"; db: string; goAt: number; untilMs: number }
  | { kind: "flood"; db: string; userId: number; equipmentId: number; start: number };

const job = JSON.parse(process.argv[2]) as Job;
const db = openDatabase(job.db);
const out = (o: unknown) => process.stdout.write(JSON.stringify(o) + "\n");

function attempt(fn: () => { ref?: string; status?: string }) {
  try {
    const r = fn();
    return { ok: true, ref: r.ref, status: r.status };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, code: e.code, message: e.message };
    return { ok: false, code: "CRASH", message: String((e as Error).message) };
  }
}

/** Waits for the common start; first reports how early it was ready (negative = late). */
async function waitUntil(t: number) {
  out({ readyMsBeforeStart: t - Date.now() });
  while (Date.now() < t) await new Promise((r) => setTimeout(r, Math.min(5, t - Date.now())));
}

const actorOf = (id: number) => loadActor(db, id)!;

if (job.kind === "submit") {
  const actor = actorOf(job.userId);
  await waitUntil(job.goAt);
  for (const s of job.slots) {
    // Each round starts at its own instant in every process, so that every round is a real race.
    while (s.at !== undefined && Date.now() < s.at) await new Promise((r) => setTimeout(r, 1));
    out(
      attempt(() =>
        submitRequest(
          db,
          { ...actor, firmId: actor.firmId! },
          {
            title: "Race",
            serviceType: "testing",
            equipmentId: s.equipmentId,
            earliestStart: s.start,
            deadline: s.start + (s.hours + 24) * 3_600_000,
            preferredStart: s.start,
            hours: s.hours,
            units: s.units,
          },
        ),
      ),
    );
  }
} else if (job.kind === "quote") {
  const actor = actorOf(job.userId);
  await waitUntil(job.goAt);
  for (const q of job.quotes)
    out(
      attempt(() =>
        quoteRequest(
          db,
          { ...actor, facilityId: actor.facilityId! },
          {
            id: q.id,
            equipmentId: q.equipmentId,
            start: q.start,
            end: q.end,
            units: 1,
            amountFen: 1000,
            validUntil: q.start - 3_600_000,
          },
        ),
      ),
    );
} else if (job.kind === "accept") {
  const actor = actorOf(job.userId);
  await waitUntil(job.goAt);
  for (const id of job.ids) {
    out({ id, ...attempt(() => acceptQuote(db, { ...actor, firmId: actor.firmId! }, { id })) });
  }
} else if (job.kind === "sweep") {
  await waitUntil(job.goAt);
  let swept = 0;
  while (Date.now() < job.untilMs) swept += expireQuotes(db);
  out({ swept });
} else if (job.kind === "flood") {
  // Books consecutive one-hour slots as fast as it can; each line is printed after its commit.
  const actor = actorOf(job.userId);
  for (let i = 0; ; i++) {
    const start = job.start + i * 3_600_000;
    const r = submitRequest(
      db,
      { ...actor, firmId: actor.firmId! },
      {
        title: "Flood",
        serviceType: "testing",
        equipmentId: job.equipmentId,
        earliestStart: start,
        deadline: start + 2 * 3_600_000,
        preferredStart: start,
        hours: 1,
        units: 1,
      },
    );
    out({ ref: r.ref, status: r.status });
  }
}
db.$client.close();

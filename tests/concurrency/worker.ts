// A separate OS process that acts on a shared database file, for the race and crash tests.
// Usage: tsx tests/concurrency/worker.ts '<json job>'; prints one JSON line per outcome.
import { openDatabase } from "@/db/client";
import { DomainError } from "@/server/services/errors";
import { submitRequest } from "@/server/services/booking/submit-request";
import { quoteRequest } from "@/server/services/booking/quote-request";
import { acceptQuote } from "@/server/services/booking/accept-quote";
import { expireQuotes } from "@/server/services/booking/expire-quotes";
import { loadActor } from "@/server/services/users/load-actor";
import { receiveSamples } from "@/server/services/samples/register";
import { approveReport } from "@/server/services/reports/approve";
import { sendReminders } from "@/server/services/reminders/send";
import { cancelRequest } from "@/server/services/booking/simple-moves";
import { runWaitlist } from "@/server/services/waitlist/offer";

/** A common start instant, or "stdin": say ready, then read it from the parent. */
type GoAt = number | "stdin";
type Job =
  | {
      kind: "submit";
      db: string;
      userId: number;
      goAt: GoAt;
      slots: { equipmentId: number; start: number; hours: number; units: number; at?: number }[];
      /**
       * A first submit on a private copy of the database before the race, so that no process
       * races cold and the warm-ups do not contend.
       */
      warmup?: { db: string; equipmentId: number; start: number };
    }
  | {
      kind: "quote";
      db: string;
      userId: number;
      goAt: GoAt;
      quotes: { id: number; equipmentId: number; start: number; end: number }[];
    }
  | { kind: "accept"; db: string; userId: number; goAt: GoAt; ids: number[]; useVoucher?: boolean }
  | { kind: "sweep"; db: string; goAt: GoAt; untilMs: number }
  | { kind: "remind"; db: string; goAt: GoAt; at: number; rounds: number }
  | { kind: "cancel"; db: string; userId: number; goAt: GoAt; ids: number[]; gapMs: number }
  | { kind: "waitlist"; db: string; goAt: GoAt; durationMs: number }
  | {
      kind: "grab";
      db: string;
      userId: number;
      goAt: GoAt;
      durationMs: number;
      slots: { equipmentId: number; start: number; hours: number; units: number }[];
    }
  | { kind: "flood"; db: string; userId: number; equipmentId: number; start: number }
  | { kind: "receive"; db: string; userId: number; goAt: GoAt; requestIds: number[] }
  | { kind: "approve"; db: string; userId: number; goAt: GoAt; reportIds: number[] };

const job = JSON.parse(process.argv[2]) as Job;
const db = openDatabase(job.db);
const out = (o: unknown) => process.stdout.write(JSON.stringify(o) + "\n");

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
const clock = () => performance.timeOrigin + performance.now();

/** One attempt, with when it began and ended (it was in flight in between). */
function attempt(fn: () => { ref?: string; status?: string }) {
  const startedAt = clock();
  try {
    const r = fn();
    return { ok: true, ref: r.ref, status: r.status, startedAt, endedAt: clock() };
  } catch (e) {
    const code =
      e instanceof DomainError ? e.code : `CRASH ${(e as { code?: string }).code ?? ""}`.trim();
    return { ok: false, code, message: String((e as Error).message), startedAt, endedAt: clock() };
  }
}

/** attempt() for an asynchronous step. */
async function attemptAsync(fn: () => Promise<{ ref?: string }>) {
  const startedAt = clock();
  try {
    const r = await fn();
    return { ok: true, ref: r.ref, startedAt, endedAt: clock() };
  } catch (e) {
    const code =
      e instanceof DomainError ? e.code : `CRASH ${(e as { code?: string }).code ?? ""}`.trim();
    return { ok: false, code, message: String((e as Error).message), startedAt, endedAt: clock() };
  }
}

async function readStart(): Promise<number> {
  out({ ready: true });
  let text = "";
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return Number(text.trim());
}

/**
 * Waits for the common start (read from the parent when it is "stdin"); first reports how early
 * it was ready (negative = late). Returns the start.
 */
async function waitUntil(goAt: GoAt) {
  const t = goAt === "stdin" ? await readStart() : goAt;
  out({ readyMsBeforeStart: t - Date.now() });
  while (Date.now() < t) await new Promise((r) => setTimeout(r, Math.min(5, t - Date.now())));
  return t;
}

const actorOf = (id: number) => loadActor(db, id)!;

const submitOne = (
  actor: ReturnType<typeof actorOf>,
  s: { equipmentId: number; start: number; hours: number; units: number },
  on = db,
) =>
  attempt(() =>
    submitRequest(
      on,
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
  );

if (job.kind === "approve") {
  const actor = actorOf(job.userId);
  await waitUntil(job.goAt);
  for (const reportId of job.reportIds)
    out(
      await attemptAsync(async () => ({
        ref: (await approveReport(db, actor, { reportId })).number ?? undefined,
      })),
    );
} else if (job.kind === "receive") {
  const actor = actorOf(job.userId);
  await waitUntil(job.goAt);
  for (const requestId of job.requestIds)
    out(
      attempt(() => {
        const [sample] = receiveSamples(db, actor, {
          requestId,
          samples: [
            {
              description: "Race coupon",
              quantity: 1,
              unit: "pieces",
              condition: "sealed",
              location: "Rack 1",
              hazard: "none",
              retainDays: 30,
            },
          ],
        });
        return { ref: sample.code };
      }),
    );
} else if (job.kind === "submit") {
  const actor = actorOf(job.userId);
  if (job.warmup) {
    const copy = openDatabase(job.warmup.db);
    // Both paths of the race: the one that wins, and (once every unit is taken) the refusal.
    const tries = Array.from({ length: 6 }, () =>
      submitOne(actor, { ...job.warmup!, hours: 1, units: 1 }, copy),
    );
    copy.$client.close();
    if (!tries[0].ok || tries[5].code !== "CONFLICT")
      throw new Error(`warm-up failed: ${JSON.stringify(tries)}`);
  }
  const goAt = await waitUntil(job.goAt);
  for (const s of job.slots) {
    // Each round starts at its own instant in every process, so that every round is a real race.
    const at = s.at === undefined ? undefined : goAt + s.at;
    while (at !== undefined && Date.now() < at) await new Promise((r) => setTimeout(r, 1));
    out(submitOne(actor, s));
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
    out({
      id,
      ...attempt(() =>
        acceptQuote(db, { ...actor, firmId: actor.firmId! }, { id, useVoucher: job.useVoucher }),
      ),
    });
  }
} else if (job.kind === "sweep") {
  await waitUntil(job.goAt);
  let swept = 0;
  while (Date.now() < job.untilMs) swept += expireQuotes(db);
  out({ swept });
} else if (job.kind === "cancel") {
  // Frees capacity one booking at a time; each cancel offers it to the waitlist in its transaction.
  const actor = actorOf(job.userId);
  await waitUntil(job.goAt);
  for (const id of job.ids) {
    out(attempt(() => cancelRequest(db, actor, { id, reason: "Freed in the race" })));
    await new Promise((r) => setTimeout(r, job.gapMs));
  }
} else if (job.kind === "grab") {
  // A firm trying again and again to book slots the moment they free, until the race ends.
  const actor = actorOf(job.userId);
  const until = (await waitUntil(job.goAt)) + job.durationMs;
  const won = new Map<number, ReturnType<typeof submitOne>>();
  const refusals: Record<string, number> = {};
  while (Date.now() < until && won.size < job.slots.length) {
    job.slots.forEach((s, i) => {
      if (won.has(i)) return;
      const o = submitOne(actor, s);
      if (o.ok) won.set(i, o);
      else refusals[o.code!] = (refusals[o.code!] ?? 0) + 1;
    });
    await new Promise((r) => setTimeout(r, 5));
  }
  out({ won: [...won.entries()].map(([slot, o]) => ({ slot, ...o })), refusals });
} else if (job.kind === "waitlist") {
  // The waitlist job of one app process, run back to back while the race lasts.
  const until = (await waitUntil(job.goAt)) + job.durationMs;
  const startedAt = clock();
  let offers = 0;
  let runs = 0;
  while (Date.now() < until) {
    offers += runWaitlist(db);
    runs += 1;
  }
  out({ offers, runs, startedAt, endedAt: clock() });
} else if (job.kind === "remind") {
  // The reminder job of one app process, run as often as the race lasts.
  await waitUntil(job.goAt);
  const startedAt = clock();
  let sent = 0;
  for (let i = 0; i < job.rounds; i++) sent += sendReminders(db, job.at);
  out({ sent, startedAt, endedAt: clock() });
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

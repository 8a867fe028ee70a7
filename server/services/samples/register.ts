// Receiving samples against a request and recording what happens to them. Each sample gets its
// registry ID in the transaction that receives it; every later step (moved, split into
// sub-samples, consumed, returned to the firm, disposed) appends to its chain of custody with who
// and when. A sample that was split, consumed, returned or disposed accepts no further step.
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { addLocalDays, NETWORK_TIME_ZONE } from "@/db/local-time";
import { sampleHazards, samples, sampleSteps, users, type RequestStatus } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound, refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { recordAudit } from "../audit/record-audit";
import { loadRequestFor } from "../booking/request-access";
import { facilityYear, nextSequence, registryNumber } from "./sequence";

const text = (field: string, min: number, max: number) =>
  z
    .string({ error: `field.${field}` })
    .trim()
    .min(min, `field.${field}`)
    .max(max, "field.maxChars");

const sampleInput = z.object({
  description: text("sampleDescription", 2, 500),
  quantity: z
    .number({ error: "field.atLeastOne" })
    .int("field.atLeastOne")
    .min(1, "field.atLeastOne")
    .max(100_000, "field.atMost"),
  unit: text("sampleUnit", 1, 20),
  condition: text("sampleCondition", 2, 500),
  location: text("sampleLocation", 1, 200),
  hazard: z.enum(sampleHazards, { error: "field.sampleHazard" }),
  retainDays: z
    .number({ error: "field.retainDays" })
    .int("field.retainDays")
    .min(1, "field.retainDays")
    .max(3650, "field.atMost"),
});

export const receiveSamplesInput = z.object({
  requestId: idInput("field.idRequest"),
  samples: z.array(sampleInput).min(1, "field.atLeastOne").max(50, "field.tooMany"),
});

export const sampleStepInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      sampleId: idInput("field.idSample"),
      kind: z.literal("moved"),
      location: text("sampleLocation", 1, 200),
      note: text("stepNote", 0, 500).default(""),
    }),
    z.object({
      sampleId: idInput("field.idSample"),
      kind: z.enum(["consumed", "returned", "disposed"]),
      note: text("stepNote", 0, 500).default(""),
    }),
    z.object({
      sampleId: idInput("field.idSample"),
      kind: z.literal("split"),
      parts: z
        .array(
          z.object({
            description: text("sampleDescription", 2, 500),
            quantity: sampleInput.shape.quantity,
            location: text("sampleLocation", 1, 200),
          }),
        )
        .min(2, "field.splitParts")
        .max(50, "field.tooMany"),
      note: text("stepNote", 0, 500).default(""),
    }),
  ],
  { error: "field.stepKind" },
);

/** Samples are received on work the facility has taken on. */
export const receivesSamples = (status: RequestStatus) =>
  status === "confirmed" || status === "in_progress" || status === "completed";

type SampleRow = typeof samples.$inferSelect;

/** A new sample with the facility's next ID of the year, and its first custody step. */
function register(
  tx: DbOrTx,
  actor: Actor,
  at: number,
  values: Omit<
    typeof samples.$inferInsert,
    "code" | "year" | "seq" | "receivedAt" | "receivedBy" | "status"
  >,
  step: { kind: "received" | "split"; note: string },
): SampleRow {
  const year = facilityYear(tx, values.facilityId, at);
  const seq = nextSequence(tx, "samples", values.facilityId, year);
  const sample = tx
    .insert(samples)
    .values({
      ...values,
      code: registryNumber(values.facilityId, year, seq),
      year,
      seq,
      receivedAt: at,
      receivedBy: actor.userId,
    })
    .returning()
    .get();
  tx.insert(sampleSteps)
    .values({
      sampleId: sample.id,
      kind: step.kind,
      at,
      userId: actor.userId,
      location: sample.location,
      note: step.note,
    })
    .run();
  return sample;
}

export function receiveSamples(db: DB, actor: Actor, raw: z.input<typeof receiveSamplesInput>) {
  const input = parseInput(receiveSamplesInput, raw);
  return db.transaction(
    (tx) => {
      const r = loadRequestFor(tx, actor, input.requestId);
      // Only the facility doing the work holds its samples.
      if (r.facilityId === null || r.facilityId !== actor.facilityId) throw notFound("request");
      if (!receivesSamples(r.status))
        throw refuse("INVALID_STATE", "sample.notReceiving", { ref: r.ref, status: r.status });
      const at = now();
      const received = input.samples.map((s) =>
        register(
          tx,
          actor,
          at,
          {
            facilityId: r.facilityId!,
            requestId: r.id,
            description: s.description,
            quantity: s.quantity,
            unit: s.unit,
            condition: s.condition,
            location: s.location,
            hazard: s.hazard,
            retainUntil: addLocalDays(at, s.retainDays, NETWORK_TIME_ZONE),
          },
          { kind: "received", note: "" },
        ),
      );
      recordAudit(tx, {
        action: "sampleRegister.received",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `request:${r.id}`,
        detail: { codes: received.map((s) => s.code) },
      });
      return received;
    },
    { behavior: "immediate" },
  );
}

const finished = new Set<SampleRow["status"]>(["split", "consumed", "returned", "disposed"]);

/** A sample of the caller's facility; another facility's is NOT_FOUND. */
function ownSample(tx: DbOrTx, actor: Actor, id: number): SampleRow {
  const s = tx.select().from(samples).where(eq(samples.id, id)).get();
  if (!s || s.facilityId !== actor.facilityId) throw notFound("sample");
  return s;
}

export function recordSampleStep(db: DB, actor: Actor, raw: z.input<typeof sampleStepInput>) {
  const input = parseInput(sampleStepInput, raw);
  return db.transaction(
    (tx) => {
      const s = ownSample(tx, actor, input.sampleId);
      if (finished.has(s.status))
        throw refuse("INVALID_STATE", "sample.finished", { code: s.code, sampleStatus: s.status });
      const at = now();
      let children: SampleRow[] = [];
      if (input.kind === "split") {
        const total = input.parts.reduce((n, p) => n + p.quantity, 0);
        if (total > s.quantity)
          throw validation("parts", "field.splitTooMuch", { maximum: s.quantity, unit: s.unit });
        children = input.parts.map((p) =>
          register(
            tx,
            actor,
            at,
            {
              facilityId: s.facilityId,
              requestId: s.requestId,
              parentId: s.id,
              description: p.description,
              quantity: p.quantity,
              unit: s.unit,
              condition: s.condition,
              location: p.location,
              hazard: s.hazard,
              retainUntil: s.retainUntil,
            },
            { kind: "split", note: s.code },
          ),
        );
      }
      const location = input.kind === "moved" ? input.location : null;
      const note =
        input.kind === "split"
          ? [children.map((c) => c.code).join(", "), input.note].filter(Boolean).join(" · ")
          : input.note;
      tx.insert(sampleSteps)
        .values({ sampleId: s.id, kind: input.kind, at, userId: actor.userId, location, note })
        .run();
      const status = input.kind === "moved" ? "held" : input.kind;
      tx.update(samples)
        .set({ status, ...(location ? { location } : {}) })
        .where(eq(samples.id, s.id))
        .run();
      recordAudit(tx, {
        action: `sampleRegister.${input.kind}`,
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `sample:${s.id}`,
        detail: { code: s.code, children: children.map((c) => c.code) },
      });
      return { ...s, status, location: location ?? s.location, children };
    },
    { behavior: "immediate" },
  );
}

/** The samples of a request with their custody steps, for the firm and the facility. */
export function samplesOfRequest(db: DbOrTx, actor: Actor, requestId: number) {
  const r = loadRequestFor(db, actor, requestId);
  const list = db
    .select()
    .from(samples)
    .where(eq(samples.requestId, r.id))
    .orderBy(asc(samples.year), asc(samples.seq))
    .all();
  const steps = list.length
    ? db
        .select({
          id: sampleSteps.id,
          sampleId: sampleSteps.sampleId,
          kind: sampleSteps.kind,
          at: sampleSteps.at,
          location: sampleSteps.location,
          note: sampleSteps.note,
          by: users.name,
        })
        .from(sampleSteps)
        .innerJoin(users, eq(users.id, sampleSteps.userId))
        .where(
          inArray(
            sampleSteps.sampleId,
            list.map((s) => s.id),
          ),
        )
        .orderBy(asc(sampleSteps.at), asc(sampleSteps.id))
        .all()
    : [];
  const stepsOf = new Map(list.map((s) => [s.id, [] as typeof steps]));
  for (const x of steps) stepsOf.get(x.sampleId)!.push(x);
  return list.map((s) => ({ ...s, steps: stepsOf.get(s.id)! }));
}

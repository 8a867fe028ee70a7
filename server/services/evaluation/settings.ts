// A year's evaluation settings: benchmark hours, the indicators' weights (summing to 100), which
// equipment counts (large instruments by default, or all) and the equipment the department leaves
// out. A year without settings reads the defaults (db/reference/evaluation-defaults.ts).
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { equipment, evaluations } from "@/db/schema";
import { evaluationScopes } from "@/db/schema/enums";
import {
  DEFAULT_BENCHMARK_HOURS,
  defaultWeights,
  indicators,
} from "@/db/reference/evaluation-defaults";
import type { Actor } from "../actor";
import { notFound, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { recordAudit } from "../audit/record-audit";

export const yearInput = z.object({
  year: z
    .number({ error: "field.year" })
    .int("field.year")
    .min(2020, "field.year")
    .max(2099, "field.year"),
});

const weight = z
  .number({ error: "field.weight" })
  .int("field.weight")
  .min(0, "field.weight")
  .max(100, "field.weight");

export const evaluationSettingsInput = yearInput.extend({
  benchmarkHours: z
    .number({ error: "field.benchmarkPositive" })
    .int("field.benchmarkPositive")
    .min(1, "field.benchmarkPositive")
    .max(8784, "field.benchmarkYear"),
  weights: z.object(
    Object.fromEntries(indicators.map((k) => [k, weight])) as Record<
      (typeof indicators)[number],
      typeof weight
    >,
    { error: "field.weights" },
  ),
  scope: z.enum(evaluationScopes, { error: "field.evaluationScope" }),
});

export const excludeInput = yearInput.extend({
  equipmentId: idInput("field.idEquipment"),
  excluded: z.boolean(),
});

export type EvaluationSettings = {
  year: number;
  saved: boolean;
  benchmarkHours: number;
  weights: Record<(typeof indicators)[number], number>;
  scope: (typeof evaluationScopes)[number];
  excludedEquipment: number[];
  runAt: number | null;
};

export function evaluationSettings(db: DbOrTx, year: number): EvaluationSettings {
  const row = db.select().from(evaluations).where(eq(evaluations.year, year)).get();
  if (!row)
    return {
      year,
      saved: false,
      benchmarkHours: DEFAULT_BENCHMARK_HOURS,
      weights: { ...defaultWeights },
      scope: "large",
      excludedEquipment: [],
      runAt: null,
    };
  return {
    year,
    saved: true,
    benchmarkHours: row.benchmarkHours,
    weights: { ...defaultWeights, ...row.weights },
    scope: row.scope,
    excludedEquipment: row.excludedEquipment,
    runAt: row.runAt,
  };
}

function upsert(
  tx: DbOrTx,
  s: Omit<EvaluationSettings, "saved" | "runAt">,
  at: number,
): { id: number } {
  return tx
    .insert(evaluations)
    .values({ ...s, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: evaluations.year,
      set: {
        benchmarkHours: s.benchmarkHours,
        weights: s.weights,
        scope: s.scope,
        excludedEquipment: s.excludedEquipment,
        updatedAt: at,
      },
    })
    .returning({ id: evaluations.id })
    .get();
}

export function saveEvaluationSettings(
  db: DB,
  actor: Actor,
  raw: z.input<typeof evaluationSettingsInput>,
) {
  const input = parseInput(evaluationSettingsInput, raw);
  const total = Object.values(input.weights).reduce((s, w) => s + w, 0);
  if (total !== 100) throw validation("weights", "field.weightsSum", { total });
  return db.transaction(
    (tx) => {
      const at = now();
      const current = evaluationSettings(tx, input.year);
      const saved = upsert(tx, { ...input, excludedEquipment: current.excludedEquipment }, at);
      recordAudit(tx, {
        action: "yearEvaluation.settingsSaved",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `evaluation:${input.year}`,
        detail: {
          benchmarkHours: input.benchmarkHours,
          weights: input.weights,
          scope: input.scope,
        },
      });
      return saved;
    },
    { behavior: "immediate" },
  );
}

/** Leaves one equipment out of a year's evaluation, or counts it again. */
export function setExcluded(db: DB, actor: Actor, raw: z.input<typeof excludeInput>) {
  const input = parseInput(excludeInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      if (
        !tx
          .select({ id: equipment.id })
          .from(equipment)
          .where(eq(equipment.id, input.equipmentId))
          .get()
      )
        throw notFound("equipment");
      const current = evaluationSettings(tx, input.year);
      const rest = current.excludedEquipment.filter((id) => id !== input.equipmentId);
      const excludedEquipment = input.excluded
        ? [...rest, input.equipmentId].sort((a, b) => a - b)
        : rest;
      const { saved: _s, runAt: _r, ...settings } = current;
      upsert(tx, { ...settings, excludedEquipment }, at);
      recordAudit(tx, {
        action: "yearEvaluation.equipmentExcluded",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `equipment:${input.equipmentId}`,
        detail: { year: input.year, excluded: input.excluded },
      });
      return { excludedEquipment };
    },
    { behavior: "immediate" },
  );
}

// Running a year's evaluation: the scores are computed from the figures (score.ts) and kept, with
// the run's time, replacing the previous run's; the ranking, the facilities' own views and the
// exports read what was kept.
import { and, asc, count, desc, eq, isNotNull } from "drizzle-orm";
import type { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { evaluationResults, evaluations, facilities } from "@/db/schema";
import type { Actor } from "../actor";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { recordAudit } from "../audit/record-audit";
import { evaluationSettings, yearInput } from "./settings";
import { scoreYear } from "./score";

export function runEvaluation(db: DB, actor: Actor, raw: z.input<typeof yearInput>) {
  const { year } = parseInput(yearInput, raw);
  // The figures are read first (they share the dashboard's cached aggregations), then kept in one
  // write transaction.
  const settings = evaluationSettings(db, year);
  const { results } = scoreYear(db, settings);
  return db.transaction(
    (tx) => {
      const at = now();
      const evaluation = tx
        .insert(evaluations)
        .values({
          year,
          benchmarkHours: settings.benchmarkHours,
          weights: settings.weights,
          scope: settings.scope,
          excludedEquipment: settings.excludedEquipment,
          runAt: at,
          runBy: actor.userId,
          createdAt: at,
          updatedAt: at,
        })
        .onConflictDoUpdate({
          target: evaluations.year,
          set: { runAt: at, runBy: actor.userId, updatedAt: at },
        })
        .returning({ id: evaluations.id })
        .get();
      tx.delete(evaluationResults).where(eq(evaluationResults.evaluationId, evaluation.id)).run();
      for (const r of results)
        tx.insert(evaluationResults)
          .values({
            evaluationId: evaluation.id,
            facilityId: r.facilityId,
            score: r.score === null ? null : Math.round(r.score * 100),
            rank: r.rank,
            figures: r.figures,
          })
          .run();
      recordAudit(tx, {
        action: "yearEvaluation.run",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `evaluation:${year}`,
        detail: { facilities: results.length, ranked: results.filter((r) => r.rank).length },
      });
      return { year, runAt: at, facilities: results.length };
    },
    { behavior: "immediate" },
  );
}

/** The kept ranking of a year (ranked facilities first), or null before any run. */
export function evaluationRanking(db: DbOrTx, year: number) {
  const settings = evaluationSettings(db, year);
  if (settings.runAt === null) return { settings, results: null };
  const results = db
    .select({
      facilityId: facilities.id,
      slug: facilities.slug,
      nameEn: facilities.nameEn,
      nameZh: facilities.nameZh,
      prefecture: facilities.prefecture,
      scoreCenti: evaluationResults.score,
      rank: evaluationResults.rank,
      figures: evaluationResults.figures,
    })
    .from(evaluationResults)
    .innerJoin(evaluations, eq(evaluations.id, evaluationResults.evaluationId))
    .innerJoin(facilities, eq(facilities.id, evaluationResults.facilityId))
    .where(eq(evaluations.year, year))
    .orderBy(asc(evaluationResults.rank), asc(facilities.id))
    .all()
    .map(({ scoreCenti, ...r }) => ({
      ...r,
      score: scoreCenti === null ? null : scoreCenti / 100,
    }));
  // Unranked (nothing counted) after the ranked ones.
  results.sort((a, b) => (a.rank === null ? 1 : 0) - (b.rank === null ? 1 : 0));
  return { settings, results };
}

/** A facility's own kept evaluations, latest year first, with how many facilities were ranked. */
export function facilityEvaluations(db: DbOrTx, facilityId: number) {
  return db
    .select({
      year: evaluations.year,
      runAt: evaluations.runAt,
      benchmarkHours: evaluations.benchmarkHours,
      weights: evaluations.weights,
      scope: evaluations.scope,
      scoreCenti: evaluationResults.score,
      rank: evaluationResults.rank,
      figures: evaluationResults.figures,
      evaluationId: evaluations.id,
    })
    .from(evaluationResults)
    .innerJoin(evaluations, eq(evaluations.id, evaluationResults.evaluationId))
    .where(and(eq(evaluationResults.facilityId, facilityId), isNotNull(evaluations.runAt)))
    .orderBy(desc(evaluations.year))
    .all()
    .map(({ scoreCenti, evaluationId, ...r }) => ({
      ...r,
      score: scoreCenti === null ? null : scoreCenti / 100,
      ranked: db
        .select({ n: count() })
        .from(evaluationResults)
        .where(
          and(eq(evaluationResults.evaluationId, evaluationId), isNotNull(evaluationResults.rank)),
        )
        .get()!.n,
    }));
}

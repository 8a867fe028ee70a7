// The annual evaluation of the facilities (开放共享评价): the department sets a year's benchmark
// hours, the indicators' weights and which equipment counts; each run scores every facility and
// keeps the scores, ranks and the figures behind them until the next run.
import { sqliteTable, text, integer, uniqueIndex, index } from "drizzle-orm/sqlite-core";
import { id, createdAt, updatedAt, millis } from "./columns";
import { facilities } from "./registry";
import { users } from "./parties";
import { evaluationScopes } from "./enums";

export type IndicatorWeights = Record<string, number>;

export const evaluations = sqliteTable(
  "evaluations",
  {
    id: id(),
    year: integer("year").notNull(),
    /** Effective machine-hours a counted instrument is expected to run in the year. */
    benchmarkHours: integer("benchmark_hours").notNull(),
    /** Indicator → weight in percent; the weights sum to 100. */
    weights: text("weights", { mode: "json" }).$type<IndicatorWeights>().notNull(),
    /** Which equipment counts: large instruments (original value ≥ ¥500,000) or all. */
    scope: text("scope", { enum: evaluationScopes }).notNull().default("large"),
    /** Equipment left out of the evaluation by the department (ids). */
    excludedEquipment: text("excluded_equipment", { mode: "json" })
      .$type<number[]>()
      .notNull()
      .default([]),
    runAt: millis("run_at"),
    runBy: integer("run_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("evaluations_year_uq").on(t.year)],
);

export const evaluationResults = sqliteTable(
  "evaluation_results",
  {
    id: id(),
    evaluationId: integer("evaluation_id")
      .notNull()
      .references(() => evaluations.id),
    facilityId: integer("facility_id")
      .notNull()
      .references(() => facilities.id),
    /** Null for a facility with no counted equipment (listed, not ranked). */
    score: integer("score_bp"),
    rank: integer("rank"),
    /** Every indicator's figure and score, and the figures behind them. */
    figures: text("figures", { mode: "json" }).$type<Record<string, number | null>>().notNull(),
  },
  (t) => [
    uniqueIndex("evaluation_results_uq").on(t.evaluationId, t.facilityId),
    index("evaluation_results_facility_idx").on(t.facilityId),
  ],
);

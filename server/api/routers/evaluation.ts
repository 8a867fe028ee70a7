// The annual evaluation: the department sets and runs it and reads every facility's result; a
// facility reads its own.
import { z } from "zod";
import { createTRPCRouter, adminProcedure, operatorProcedure } from "../trpc";
import {
  evaluationSettingsInput,
  excludeInput,
  saveEvaluationSettings,
  setExcluded,
  yearInput,
} from "@/server/services/evaluation/settings";
import {
  evaluationRanking,
  facilityEvaluations,
  runEvaluation,
} from "@/server/services/evaluation/run";
import { evaluationFacility } from "@/server/services/evaluation/detail";
import { idInput } from "@/server/services/id-input";

export const evaluationRouter = createTRPCRouter({
  ranking: adminProcedure
    .input(yearInput)
    .query(({ ctx, input }) => evaluationRanking(ctx.db, input.year)),
  facility: adminProcedure
    .input(yearInput.extend({ facilityId: idInput("field.chooseFacility") }))
    .query(({ ctx, input }) => evaluationFacility(ctx.db, input.year, input.facilityId)),
  saveSettings: adminProcedure
    .input(evaluationSettingsInput)
    .mutation(({ ctx, input }) => saveEvaluationSettings(ctx.db, ctx.actor, input)),
  setExcluded: adminProcedure
    .input(excludeInput)
    .mutation(({ ctx, input }) => setExcluded(ctx.db, ctx.actor, input)),
  run: adminProcedure
    .input(yearInput)
    .mutation(({ ctx, input }) => runEvaluation(ctx.db, ctx.actor, input)),
  /** The facility's own results (operators and coordinators of a facility). */
  mine: operatorProcedure
    .input(z.object({}).optional())
    .query(({ ctx }) => facilityEvaluations(ctx.db, ctx.actor.facilityId)),
});

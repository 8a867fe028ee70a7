import { createTRPCRouter, operatorProcedure } from "../trpc";
import { boardInput, scheduleBoard } from "@/server/services/operations/schedule-board";
import { currentIcalToken, regenerateIcalToken } from "@/server/services/operations/exports";

export const scheduleRouter = createTRPCRouter({
  board: operatorProcedure
    .input(boardInput)
    .query(({ ctx, input }) => scheduleBoard(ctx.db, ctx.actor, input)),
  icalToken: operatorProcedure.query(({ ctx }) => currentIcalToken(ctx.db, ctx.actor)),
  regenerateIcalToken: operatorProcedure.mutation(({ ctx }) =>
    regenerateIcalToken(ctx.db, ctx.actor),
  ),
});

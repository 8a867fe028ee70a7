import { z } from "zod";
import { createTRPCRouter, operatorProcedure } from "../trpc";
import { scheduleBoard } from "@/server/services/operations/schedule-board";
import { currentIcalToken, regenerateIcalToken } from "@/server/services/operations/exports";
import { timeInput } from "@/server/services/time-input";

export const scheduleRouter = createTRPCRouter({
  board: operatorProcedure
    .input(z.object({ from: timeInput, to: timeInput }))
    .query(({ ctx, input }) => scheduleBoard(ctx.db, ctx.actor, input)),
  icalToken: operatorProcedure.query(({ ctx }) => currentIcalToken(ctx.db, ctx.actor)),
  regenerateIcalToken: operatorProcedure.mutation(({ ctx }) =>
    regenerateIcalToken(ctx.db, ctx.actor),
  ),
});

import { z } from "zod";
import { createTRPCRouter, operatorProcedure } from "../trpc";
import { run } from "../errors";
import { scheduleBoard } from "@/server/services/operations/schedule-board";
import { currentIcalToken, regenerateIcalToken } from "@/server/services/operations/exports";
import { timeInput } from "@/server/services/time-input";

export const scheduleRouter = createTRPCRouter({
  board: operatorProcedure
    .input(z.object({ from: timeInput, to: timeInput }))
    .query(({ ctx, input }) =>
      run(() => scheduleBoard(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId }, input)),
    ),
  icalToken: operatorProcedure.query(({ ctx }) =>
    run(() => currentIcalToken(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId })),
  ),
  regenerateIcalToken: operatorProcedure.mutation(({ ctx }) =>
    run(() => regenerateIcalToken(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId })),
  ),
});

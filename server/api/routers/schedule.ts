import { z } from "zod";
import { createTRPCRouter, operatorProcedure } from "../trpc";
import { run } from "../errors";
import { scheduleBoard } from "@/server/services/operations/schedule-board";
import { timeInput } from "@/server/services/time-input";

export const scheduleRouter = createTRPCRouter({
  board: operatorProcedure
    .input(z.object({ from: timeInput, to: timeInput }))
    .query(({ ctx, input }) => run(() => scheduleBoard(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId }, input))),
});

// Actual use of the equipment: the facility checks a booking in and out.
import { createTRPCRouter, operatorProcedure } from "../trpc";
import {
  checkIn,
  checkInInput,
  checkOut,
  checkOutInput,
} from "@/server/services/operations/equipment-use";

export const equipmentUseRouter = createTRPCRouter({
  checkIn: operatorProcedure
    .input(checkInInput)
    .mutation(({ ctx, input }) => checkIn(ctx.db, ctx.actor, input)),
  checkOut: operatorProcedure
    .input(checkOutInput)
    .mutation(({ ctx, input }) => checkOut(ctx.db, ctx.actor, input)),
});

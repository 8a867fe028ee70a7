// Actual use of the equipment: the facility checks a booking in and out, and records in-house use.
import { createTRPCRouter, operatorProcedure } from "../trpc";
import {
  checkIn,
  checkInInput,
  checkOut,
  checkOutInput,
} from "@/server/services/operations/equipment-use";
import { inHouseInput, recordInHouseUse } from "@/server/services/operations/in-house-use";

export const equipmentUseRouter = createTRPCRouter({
  checkIn: operatorProcedure
    .input(checkInInput)
    .mutation(({ ctx, input }) => checkIn(ctx.db, ctx.actor, input)),
  checkOut: operatorProcedure
    .input(checkOutInput)
    .mutation(({ ctx, input }) => checkOut(ctx.db, ctx.actor, input)),
  recordInHouse: operatorProcedure
    .input(inHouseInput)
    .mutation(({ ctx, input }) => recordInHouseUse(ctx.db, ctx.actor, input)),
});

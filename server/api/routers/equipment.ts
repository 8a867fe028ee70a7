import { createTRPCRouter, publicProcedure, operatorProcedure } from "../trpc";
import {
  updateEquipment,
  updateEquipmentInput,
} from "@/server/services/operations/update-equipment";
import {
  createEquipment,
  createEquipmentInput,
} from "@/server/services/operations/manage-catalogue";
import { searchEquipment, equipmentCategories } from "@/server/services/registry/search-equipment";
import { getEquipment } from "@/server/services/registry/get-equipment";
import { publicAvailability } from "@/server/services/registry/public-availability";
import {
  availabilityInput,
  idObject,
  searchEquipmentInput,
} from "@/server/services/registry/inputs";

export const equipmentRouter = createTRPCRouter({
  search: publicProcedure
    .input(searchEquipmentInput)
    .query(({ ctx, input }) => searchEquipment(ctx.db, input)),
  categories: publicProcedure.query(({ ctx }) => equipmentCategories(ctx.db)),
  get: publicProcedure.input(idObject).query(({ ctx, input }) => getEquipment(ctx.db, input.id)),
  create: operatorProcedure
    .input(createEquipmentInput)
    .mutation(({ ctx, input }) => createEquipment(ctx.db, ctx.actor, input)),
  update: operatorProcedure
    .input(updateEquipmentInput)
    .mutation(({ ctx, input }) => updateEquipment(ctx.db, ctx.actor, input)),
  availability: publicProcedure
    .input(availabilityInput)
    .query(({ ctx, input }) => publicAvailability(ctx.db, input)),
});

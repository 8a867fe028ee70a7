import { createTRPCRouter, operatorProcedure } from "../trpc";
import { createMaintenance } from "@/server/services/operations/create-maintenance";
import { listMaintenance, removeMaintenance } from "@/server/services/operations/maintenance-list";
import {
  createMaintenanceInput,
  listMaintenanceInput,
  removeMaintenanceInput,
} from "@/server/services/operations/inputs";

export const maintenanceRouter = createTRPCRouter({
  create: operatorProcedure
    .input(createMaintenanceInput)
    .mutation(({ ctx, input }) => createMaintenance(ctx.db, ctx.actor, input)),
  list: operatorProcedure
    .input(listMaintenanceInput)
    .query(({ ctx, input }) => listMaintenance(ctx.db, ctx.actor, input)),
  remove: operatorProcedure
    .input(removeMaintenanceInput)
    .mutation(({ ctx, input }) => removeMaintenance(ctx.db, ctx.actor, input.id)),
});

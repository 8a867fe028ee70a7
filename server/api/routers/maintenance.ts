import { createTRPCRouter, operatorProcedure } from "../trpc";
import { run } from "../errors";
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
    .mutation(({ ctx, input }) =>
      run(() => createMaintenance(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId }, input)),
    ),
  list: operatorProcedure
    .input(listMaintenanceInput)
    .query(({ ctx, input }) =>
      run(() => listMaintenance(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId }, input)),
    ),
  remove: operatorProcedure
    .input(removeMaintenanceInput)
    .mutation(({ ctx, input }) =>
      run(() => removeMaintenance(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId }, input.id)),
    ),
});

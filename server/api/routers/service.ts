import { createTRPCRouter, publicProcedure, operatorProcedure } from "../trpc";
import {
  saveService,
  saveServiceInput,
  withdrawService,
} from "@/server/services/operations/manage-catalogue";
import { listServices } from "@/server/services/registry/list-services";
import { getService } from "@/server/services/registry/get-service";
import { idObject, listServicesInput } from "@/server/services/registry/inputs";

export const serviceRouter = createTRPCRouter({
  get: publicProcedure.input(idObject).query(({ ctx, input }) => getService(ctx.db, input.id)),
  save: operatorProcedure
    .input(saveServiceInput)
    .mutation(({ ctx, input }) => saveService(ctx.db, ctx.actor, input)),
  withdraw: operatorProcedure
    .input(idObject)
    .mutation(({ ctx, input }) => withdrawService(ctx.db, ctx.actor, input.id)),
  list: publicProcedure
    .input(listServicesInput)
    .query(({ ctx, input }) => listServices(ctx.db, input)),
});

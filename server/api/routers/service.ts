import { createTRPCRouter, publicProcedure, operatorProcedure } from "../trpc";
import {
  saveService,
  saveServiceInput,
  withdrawService,
} from "@/server/services/operations/manage-catalogue";
import { run } from "../errors";
import { listServices } from "@/server/services/registry/list-services";
import { getService } from "@/server/services/registry/get-service";
import { idInput, listServicesInput } from "@/server/services/registry/inputs";

export const serviceRouter = createTRPCRouter({
  get: publicProcedure
    .input(idInput)
    .query(({ ctx, input }) => run(() => getService(ctx.db, input.id))),
  save: operatorProcedure
    .input(saveServiceInput)
    .mutation(({ ctx, input }) =>
      run(() => saveService(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId }, input)),
    ),
  withdraw: operatorProcedure
    .input(idInput)
    .mutation(({ ctx, input }) =>
      run(() => withdrawService(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId }, input.id)),
    ),
  list: publicProcedure
    .input(listServicesInput)
    .query(({ ctx, input }) => run(() => listServices(ctx.db, input))),
});

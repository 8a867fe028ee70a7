import { createTRPCRouter, publicProcedure } from "../trpc";
import { run } from "../errors";
import { listServices } from "@/server/services/registry/list-services";
import { getService } from "@/server/services/registry/get-service";
import { idInput, listServicesInput } from "@/server/services/registry/inputs";

export const serviceRouter = createTRPCRouter({
  get: publicProcedure.input(idInput).query(({ ctx, input }) => run(() => getService(ctx.db, input.id))),
  list: publicProcedure.input(listServicesInput).query(({ ctx, input }) => run(() => listServices(ctx.db, input))),
});

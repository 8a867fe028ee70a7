import { createTRPCRouter, publicProcedure } from "../trpc";
import { run } from "../errors";
import { listServices } from "@/server/services/registry/list-services";
import { listServicesInput } from "@/server/services/registry/inputs";

export const serviceRouter = createTRPCRouter({
  list: publicProcedure.input(listServicesInput).query(({ ctx, input }) => run(() => listServices(ctx.db, input))),
});

import { createTRPCRouter, publicProcedure } from "../trpc";
import { run } from "../errors";
import { networkOverview } from "@/server/services/registry/network-overview";

export const networkRouter = createTRPCRouter({
  overview: publicProcedure.query(({ ctx }) => run(() => networkOverview(ctx.db))),
});

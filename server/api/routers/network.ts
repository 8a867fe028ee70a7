import { createTRPCRouter, publicProcedure } from "../trpc";
import { networkOverview } from "@/server/services/registry/network-overview";

export const networkRouter = createTRPCRouter({
  overview: publicProcedure.query(({ ctx }) => networkOverview(ctx.db)),
});

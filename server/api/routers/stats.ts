import { createTRPCRouter, adminProcedure } from "../trpc";
import { run } from "../errors";
import { statsOverview, statsInput } from "@/server/services/stats/overview";

export const statsRouter = createTRPCRouter({
  overview: adminProcedure.input(statsInput).query(({ ctx, input }) => run(() => statsOverview(ctx.db, input))),
});

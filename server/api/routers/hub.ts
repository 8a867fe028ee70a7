import { createTRPCRouter, coordinatorProcedure, roleProcedureFor } from "../trpc";
import { findMatches } from "@/server/services/hub/find-matches";
import { matchInput } from "@/server/services/hub/inputs";
import { routeRequest, reassignRequest, routeInput } from "@/server/services/hub/route-request";

export const hubRouter = createTRPCRouter({
  /** Ranked candidates and near misses; for coordinators, and for firms drafting a request. */
  matches: roleProcedureFor(["coordinator", "firm"])
    .input(matchInput)
    .query(({ ctx, input }) => findMatches(ctx.db, input)),
  route: coordinatorProcedure
    .input(routeInput)
    .mutation(({ ctx, input }) => routeRequest(ctx.db, ctx.actor, input)),
  reassign: coordinatorProcedure
    .input(routeInput)
    .mutation(({ ctx, input }) => reassignRequest(ctx.db, ctx.actor, input)),
});

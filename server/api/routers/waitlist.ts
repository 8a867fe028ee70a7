import { createTRPCRouter, authedProcedure, firmProcedure, operatorProcedure } from "../trpc";
import { joinWaitlist, leaveWaitlist } from "@/server/services/waitlist/join";
import { facilityWaitlist, waitlistOfRequest } from "@/server/services/waitlist/list";
import {
  joinWaitlistInput,
  waitlistEntryInput,
  waitlistOfRequestInput,
} from "@/server/services/waitlist/inputs";

export const waitlistRouter = createTRPCRouter({
  /** A firm's request no slot fits waits in line for a window, hours and units. */
  join: firmProcedure
    .input(joinWaitlistInput)
    .mutation(({ ctx, input }) => joinWaitlist(ctx.db, ctx.actor, input)),
  leave: firmProcedure
    .input(waitlistEntryInput)
    .mutation(({ ctx, input }) => leaveWaitlist(ctx.db, ctx.actor, input)),
  /** A request's place in line, for those who may see the request. */
  ofRequest: authedProcedure
    .input(waitlistOfRequestInput)
    .query(({ ctx, input }) => waitlistOfRequest(ctx.db, ctx.actor, input)),
  /** The open lines of the operator's equipment (for the hub's coordinators, the hub's needs). */
  facility: operatorProcedure.query(({ ctx }) => facilityWaitlist(ctx.db, ctx.actor)),
});

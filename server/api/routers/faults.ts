// Equipment faults: the facility reports one (the equipment goes down), sees what it affects with
// the alternatives, hands an affected request to the hub, and closes the report after the repair.
import { z } from "zod";
import { createTRPCRouter, operatorProcedure } from "../trpc";
import {
  closeFault,
  closeFaultInput,
  listFaults,
  reportFault,
  reportFaultInput,
} from "@/server/services/operations/faults";
import { faultImpact } from "@/server/services/operations/fault-impact";
import { handToHub, handToHubInput } from "@/server/services/booking/hand-to-hub";
import { idInput } from "@/server/services/id-input";

export const faultRouter = createTRPCRouter({
  report: operatorProcedure
    .input(reportFaultInput)
    .mutation(({ ctx, input }) => reportFault(ctx.db, ctx.actor, input)),
  close: operatorProcedure
    .input(closeFaultInput)
    .mutation(({ ctx, input }) => closeFault(ctx.db, ctx.actor, input)),
  handToHub: operatorProcedure
    .input(handToHubInput)
    .mutation(({ ctx, input }) => handToHub(ctx.db, ctx.actor, input)),
  list: operatorProcedure.query(({ ctx }) => listFaults(ctx.db, ctx.actor.facilityId)),
  impact: operatorProcedure
    .input(z.object({ id: idInput("field.idFault") }))
    .query(({ ctx, input }) => faultImpact(ctx.db, ctx.actor, input.id)),
});

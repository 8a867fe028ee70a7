// Innovation vouchers: programmes (department), allotments (firms apply, department decides),
// the year's figures, and redemption claims (facilities file, department decides).
import {
  createTRPCRouter,
  adminProcedure,
  firmProcedure,
  operatorProcedure,
  roleProcedureFor,
} from "../trpc";
import {
  createProgramme,
  programmeIdInput,
  programmesWithFigures,
  programmeInput,
  updateProgramme,
  updateProgrammeInput,
} from "@/server/services/vouchers/programmes";
import {
  applyForAllotment,
  applyInput,
  decideAllotment,
  decideAllotmentInput,
  programmeAllotments,
} from "@/server/services/vouchers/allotments";
import { firmVouchers } from "@/server/services/vouchers/firm-view";
import { figuresInput, voucherFigures } from "@/server/services/vouchers/figures";
import {
  decideClaim,
  decideClaimInput,
  fileClaim,
  fileClaimInput,
  listClaims,
  listClaimsInput,
} from "@/server/services/vouchers/claims";

export const voucherRouter = createTRPCRouter({
  programmes: adminProcedure.query(({ ctx }) => programmesWithFigures(ctx.db)),
  createProgramme: adminProcedure
    .input(programmeInput)
    .mutation(({ ctx, input }) => createProgramme(ctx.db, ctx.actor, input)),
  updateProgramme: adminProcedure
    .input(updateProgrammeInput)
    .mutation(({ ctx, input }) => updateProgramme(ctx.db, ctx.actor, input)),
  applications: adminProcedure
    .input(programmeIdInput)
    .query(({ ctx, input }) => programmeAllotments(ctx.db, input.id)),
  decideAllotment: adminProcedure
    .input(decideAllotmentInput)
    .mutation(({ ctx, input }) => decideAllotment(ctx.db, ctx.actor, input)),
  figures: adminProcedure
    .input(figuresInput)
    .query(({ ctx, input }) => voucherFigures(ctx.db, input)),
  mine: firmProcedure.query(({ ctx }) => firmVouchers(ctx.db, ctx.actor.firmId)),
  applyForAllotment: firmProcedure
    .input(applyInput)
    .mutation(({ ctx, input }) => applyForAllotment(ctx.db, ctx.actor, input)),
  claims: roleProcedureFor(["admin", "operator", "coordinator"])
    .input(listClaimsInput.optional().default({}))
    .query(({ ctx, input }) => listClaims(ctx.db, ctx.actor, input)),
  fileClaim: operatorProcedure
    .input(fileClaimInput)
    .mutation(({ ctx, input }) => fileClaim(ctx.db, ctx.actor, input)),
  decideClaim: adminProcedure
    .input(decideClaimInput)
    .mutation(({ ctx, input }) => decideClaim(ctx.db, ctx.actor, input)),
});

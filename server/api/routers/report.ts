// The report register: staff of the issuing facility review, approve, return and revoke reports
// (files are uploaded through /api/requests/[id]/reports); the firm and the department read the
// released ones.
import { z } from "zod";
import { createTRPCRouter, operatorProcedure, roleProcedureFor } from "../trpc";
import {
  reportIdInput,
  reportReasonInput,
  returnReport,
  reviewReport,
  revokeReport,
} from "@/server/services/reports/sign";
import { approveReport } from "@/server/services/reports/approve";
import { reportsOfRequest } from "@/server/services/reports/list";
import { idInput } from "@/server/services/id-input";

export const reportRouter = createTRPCRouter({
  review: operatorProcedure
    .input(reportIdInput)
    .mutation(({ ctx, input }) => reviewReport(ctx.db, ctx.actor, input)),
  approve: operatorProcedure
    .input(reportIdInput)
    .mutation(({ ctx, input }) => approveReport(ctx.db, ctx.actor, input)),
  return: operatorProcedure
    .input(reportReasonInput)
    .mutation(({ ctx, input }) => returnReport(ctx.db, ctx.actor, input)),
  revoke: operatorProcedure
    .input(reportReasonInput)
    .mutation(({ ctx, input }) => revokeReport(ctx.db, ctx.actor, input)),
  ofRequest: roleProcedureFor(["firm", "operator", "coordinator", "admin"])
    .input(z.object({ requestId: idInput("field.idRequest") }))
    .query(({ ctx, input }) => reportsOfRequest(ctx.db, ctx.actor, input.requestId)),
});

// The sample register: the facility receives samples against a request and records each custody
// step; the firm and the facility read a request's samples with their chain of custody.
import { z } from "zod";
import { createTRPCRouter, operatorProcedure, roleProcedureFor } from "../trpc";
import {
  receiveSamples,
  receiveSamplesInput,
  recordSampleStep,
  sampleStepInput,
  samplesOfRequest,
} from "@/server/services/samples/register";
import { idInput } from "@/server/services/id-input";

export const sampleRouter = createTRPCRouter({
  receive: operatorProcedure
    .input(receiveSamplesInput)
    .mutation(({ ctx, input }) => receiveSamples(ctx.db, ctx.actor, input)),
  step: operatorProcedure
    .input(sampleStepInput)
    .mutation(({ ctx, input }) => recordSampleStep(ctx.db, ctx.actor, input)),
  ofRequest: roleProcedureFor(["firm", "operator", "admin"])
    .input(z.object({ requestId: idInput("field.idRequest") }))
    .query(({ ctx, input }) => samplesOfRequest(ctx.db, ctx.actor, input.requestId)),
});

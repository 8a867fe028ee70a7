import { z } from "zod";
import {
  createTRPCRouter,
  authedProcedure,
  firmProcedure,
  operatorProcedure,
  partyProcedure,
} from "../trpc";
import { run } from "../errors";
import { submitRequest } from "@/server/services/booking/submit-request";
import { quoteRequest } from "@/server/services/booking/quote-request";
import { acceptQuote } from "@/server/services/booking/accept-quote";
import {
  withdrawRequest,
  rejectRequest,
  startRequest,
  completeRequest,
  cancelRequest,
} from "@/server/services/booking/simple-moves";
import { listRequests } from "@/server/services/booking/list-requests";
import { getRequest } from "@/server/services/booking/get-request";
import { rateRequest, postMessage } from "@/server/services/booking/rate-and-message";
import {
  proposeReschedule,
  answerReschedule,
  proposeRescheduleInput,
  answerRescheduleInput,
} from "@/server/services/booking/reschedule";
import {
  submitRequestInput,
  quoteInput,
  moveInput,
  moveWithReasonInput,
  rateInput,
  messageInput,
  listRequestsInput,
} from "@/server/services/booking/inputs";

export const requestRouter = createTRPCRouter({
  submit: firmProcedure
    .input(submitRequestInput)
    .mutation(({ ctx, input }) =>
      run(() => submitRequest(ctx.db, { ...ctx.actor, firmId: ctx.firmId }, input)),
    ),
  list: authedProcedure
    .input(listRequestsInput)
    .query(({ ctx, input }) => run(() => listRequests(ctx.db, ctx.actor, input))),
  get: authedProcedure
    .input(z.object({ id: z.coerce.number().int().positive() }))
    .query(({ ctx, input }) => run(() => getRequest(ctx.db, ctx.actor, input.id))),
  quote: operatorProcedure
    .input(quoteInput)
    .mutation(({ ctx, input }) =>
      run(() => quoteRequest(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId }, input)),
    ),
  accept: firmProcedure
    .input(moveInput)
    .mutation(({ ctx, input }) =>
      run(() => acceptQuote(ctx.db, { ...ctx.actor, firmId: ctx.firmId }, input)),
    ),
  withdraw: firmProcedure
    .input(moveInput)
    .mutation(({ ctx, input }) => run(() => withdrawRequest(ctx.db, ctx.actor, input))),
  reject: operatorProcedure
    .input(moveWithReasonInput)
    .mutation(({ ctx, input }) => run(() => rejectRequest(ctx.db, ctx.actor, input))),
  start: operatorProcedure
    .input(moveInput)
    .mutation(({ ctx, input }) => run(() => startRequest(ctx.db, ctx.actor, input))),
  complete: operatorProcedure
    .input(moveInput)
    .mutation(({ ctx, input }) => run(() => completeRequest(ctx.db, ctx.actor, input))),
  cancel: partyProcedure
    .input(moveWithReasonInput)
    .mutation(({ ctx, input }) => run(() => cancelRequest(ctx.db, ctx.actor, input))),
  rate: firmProcedure
    .input(rateInput)
    .mutation(({ ctx, input }) =>
      run(() => rateRequest(ctx.db, { ...ctx.actor, firmId: ctx.firmId }, input)),
    ),
  proposeReschedule: operatorProcedure
    .input(proposeRescheduleInput)
    .mutation(({ ctx, input }) =>
      run(() => proposeReschedule(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId }, input)),
    ),
  acceptReschedule: firmProcedure
    .input(answerRescheduleInput)
    .mutation(({ ctx, input }) =>
      run(() => answerReschedule(ctx.db, { ...ctx.actor, firmId: ctx.firmId }, input, true)),
    ),
  declineReschedule: firmProcedure
    .input(answerRescheduleInput)
    .mutation(({ ctx, input }) =>
      run(() => answerReschedule(ctx.db, { ...ctx.actor, firmId: ctx.firmId }, input, false)),
    ),
  message: partyProcedure
    .input(messageInput)
    .mutation(({ ctx, input }) => run(() => postMessage(ctx.db, ctx.actor, input))),
});

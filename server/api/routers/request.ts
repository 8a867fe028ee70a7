import { z } from "zod";
import {
  createTRPCRouter,
  authedProcedure,
  firmProcedure,
  operatorProcedure,
  partyProcedure,
} from "../trpc";
import { submitRequest } from "@/server/services/booking/submit-request";
import { quoteRequest, reviseQuote } from "@/server/services/booking/quote-request";
import { acceptInput, acceptQuote } from "@/server/services/booking/accept-quote";
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
  startInput,
  moveWithReasonInput,
  rejectInput,
  rateInput,
  messageInput,
  listRequestsInput,
} from "@/server/services/booking/inputs";
import { idInput } from "@/server/services/id-input";

export const requestRouter = createTRPCRouter({
  submit: firmProcedure
    .input(submitRequestInput)
    .mutation(({ ctx, input }) => submitRequest(ctx.db, ctx.actor, input)),
  list: authedProcedure
    .input(listRequestsInput)
    .query(({ ctx, input }) => listRequests(ctx.db, ctx.actor, input)),
  get: authedProcedure
    .input(z.object({ id: idInput("field.idRequest") }))
    .query(({ ctx, input }) => getRequest(ctx.db, ctx.actor, input.id)),
  quote: operatorProcedure
    .input(quoteInput)
    .mutation(({ ctx, input }) => quoteRequest(ctx.db, ctx.actor, input)),
  reviseQuote: operatorProcedure
    .input(quoteInput)
    .mutation(({ ctx, input }) => reviseQuote(ctx.db, ctx.actor, input)),
  accept: firmProcedure
    .input(acceptInput)
    .mutation(({ ctx, input }) => acceptQuote(ctx.db, ctx.actor, input)),
  withdraw: firmProcedure
    .input(moveInput)
    .mutation(({ ctx, input }) => withdrawRequest(ctx.db, ctx.actor, input)),
  reject: operatorProcedure
    .input(rejectInput)
    .mutation(({ ctx, input }) => rejectRequest(ctx.db, ctx.actor, input)),
  start: operatorProcedure
    .input(startInput)
    .mutation(({ ctx, input }) => startRequest(ctx.db, ctx.actor, input)),
  complete: operatorProcedure
    .input(moveInput)
    .mutation(({ ctx, input }) => completeRequest(ctx.db, ctx.actor, input)),
  cancel: partyProcedure
    .input(moveWithReasonInput)
    .mutation(({ ctx, input }) => cancelRequest(ctx.db, ctx.actor, input)),
  rate: firmProcedure
    .input(rateInput)
    .mutation(({ ctx, input }) => rateRequest(ctx.db, ctx.actor, input)),
  proposeReschedule: operatorProcedure
    .input(proposeRescheduleInput)
    .mutation(({ ctx, input }) => proposeReschedule(ctx.db, ctx.actor, input)),
  acceptReschedule: firmProcedure
    .input(answerRescheduleInput)
    .mutation(({ ctx, input }) => answerReschedule(ctx.db, ctx.actor, input, true)),
  declineReschedule: firmProcedure
    .input(answerRescheduleInput)
    .mutation(({ ctx, input }) => answerReschedule(ctx.db, ctx.actor, input, false)),
  message: partyProcedure
    .input(messageInput)
    .mutation(({ ctx, input }) => postMessage(ctx.db, ctx.actor, input)),
});

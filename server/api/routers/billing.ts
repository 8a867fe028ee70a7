// Invoices and payments of a request: recorded by its facility, read by both parties and admins.
import { createTRPCRouter, authedProcedure, operatorProcedure } from "../trpc";
import {
  billingInput,
  billingOf,
  recordInvoice,
  recordInvoiceInput,
  recordPayment,
  recordPaymentInput,
  voidInvoice,
  voidInvoiceInput,
} from "@/server/services/money/billing";

export const billingRouter = createTRPCRouter({
  get: authedProcedure
    .input(billingInput)
    .query(({ ctx, input }) => billingOf(ctx.db, ctx.actor, input)),
  recordInvoice: operatorProcedure
    .input(recordInvoiceInput)
    .mutation(({ ctx, input }) => recordInvoice(ctx.db, ctx.actor, input)),
  voidInvoice: operatorProcedure
    .input(voidInvoiceInput)
    .mutation(({ ctx, input }) => voidInvoice(ctx.db, ctx.actor, input)),
  recordPayment: operatorProcedure
    .input(recordPaymentInput)
    .mutation(({ ctx, input }) => recordPayment(ctx.db, ctx.actor, input)),
});

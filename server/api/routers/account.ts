// One-time links, used without signing in (invitations, password resets, email confirmation),
// and a signed-in user asking for a new confirmation link.
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc";
import {
  acceptInvitation,
  acceptInvitationInput,
  confirmEmail,
  invitationInfo,
  requestPasswordReset,
  requestResetInput,
  resendConfirmation,
  resetPassword,
  resetPasswordInput,
  tokenInput,
} from "@/server/services/accounts/links";

export const accountRouter = createTRPCRouter({
  invitation: publicProcedure
    .input(tokenInput)
    .query(({ ctx, input }) => invitationInfo(ctx.db, input)),
  acceptInvitation: publicProcedure
    .input(acceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input, ctx.ip)),
  requestReset: publicProcedure
    .input(requestResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input, ctx.ip)),
  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input, ctx.ip)),
  confirmEmail: publicProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => confirmEmail(ctx.db, input, ctx.ip)),
  resendConfirmation: authedProcedure.mutation(({ ctx }) => resendConfirmation(ctx.db, ctx.actor)),
});

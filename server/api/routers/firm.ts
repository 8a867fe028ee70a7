// Firms: self-registration with the first user (its manager), and the managers' work on the
// firm's account: members, roles, invitations, management handed on.
import { createTRPCRouter, firmProcedure, publicProcedure } from "../trpc";
import { registerFirm } from "@/server/services/firms/register-firm";
import { registerFirmInput } from "@/server/services/firms/register-input";
import {
  invitationInput,
  inviteInput,
  inviteMember,
  memberDisabledInput,
  memberInput,
  memberRoleInput,
  setMemberDisabled,
  setMemberRole,
  teamOf,
  transferManagement,
  withdrawInvitation,
} from "@/server/services/accounts/team";
import {
  approvalQueue,
  decideApproval,
  decisionInput,
  setSpendingThreshold,
  thresholdInput,
} from "@/server/services/accounts/spending";

export const firmRouter = createTRPCRouter({
  /** Self-registration of a firm with its first user. */
  register: publicProcedure
    .input(registerFirmInput)
    .mutation(({ ctx, input }) => registerFirm(ctx.db, input, ctx.ip)),
  team: firmProcedure.query(({ ctx }) => teamOf(ctx.db, ctx.actor)),
  invite: firmProcedure
    .input(inviteInput)
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.actor, input)),
  withdrawInvitation: firmProcedure
    .input(invitationInput)
    .mutation(({ ctx, input }) => withdrawInvitation(ctx.db, ctx.actor, input)),
  setMemberRole: firmProcedure
    .input(memberRoleInput)
    .mutation(({ ctx, input }) => setMemberRole(ctx.db, ctx.actor, input)),
  setMemberDisabled: firmProcedure
    .input(memberDisabledInput)
    .mutation(({ ctx, input }) => setMemberDisabled(ctx.db, ctx.actor, input)),
  approvals: firmProcedure.query(({ ctx }) => approvalQueue(ctx.db, ctx.actor)),
  setSpendingThreshold: firmProcedure
    .input(thresholdInput)
    .mutation(({ ctx, input }) => setSpendingThreshold(ctx.db, ctx.actor, input)),
  /** Approving accepts the quote as the manager, with the member's voucher choice. */
  decideApproval: firmProcedure
    .input(decisionInput)
    .mutation(({ ctx, input }) => decideApproval(ctx.db, ctx.actor, input)),
  transferManagement: firmProcedure
    .input(memberInput)
    .mutation(({ ctx, input }) => transferManagement(ctx.db, ctx.actor, input)),
});

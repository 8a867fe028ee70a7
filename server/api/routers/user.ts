import { createTRPCRouter, authedProcedure } from "../trpc";
import { changePassword, changePasswordInput } from "@/server/services/users/change-password";
import { signOutEverywhere } from "@/server/services/users/sign-out-everywhere";
import { setLocale, setLocaleInput } from "@/server/services/users/set-locale";

export const userRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => ctx.actor),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input, ctx.session?.sessionId)),
  /** Ends every session of the caller, this one included. */
  signOutEverywhere: authedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.actor)),
  /** The language switch of a signed-in user: notifications and emails follow it. */
  setLocale: authedProcedure
    .input(setLocaleInput)
    .mutation(({ ctx, input }) => setLocale(ctx.db, ctx.actor, input)),
});

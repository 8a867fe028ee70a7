import { createTRPCRouter, authedProcedure } from "../trpc";
import { changePassword, changePasswordInput } from "@/server/services/users/change-password";
import { setLocale, setLocaleInput } from "@/server/services/users/set-locale";

export const userRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => ctx.actor),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input)),
  /** The language switch of a signed-in user: notifications and emails follow it. */
  setLocale: authedProcedure
    .input(setLocaleInput)
    .mutation(({ ctx, input }) => setLocale(ctx.db, ctx.actor, input)),
});

import { createTRPCRouter, authedProcedure } from "../trpc";
import { run } from "../errors";
import { changePassword, changePasswordInput } from "@/server/services/users/change-password";

export const userRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => ctx.actor),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => run(() => changePassword(ctx.db, ctx.actor, input))),
});

import { createTRPCRouter, authedProcedure } from "../trpc";

export const userRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => ctx.actor),
});

import { createTRPCRouter, publicProcedure } from "../trpc";
import { registerFirm } from "@/server/services/firms/register-firm";
import { registerFirmInput } from "@/server/services/firms/register-input";

export const firmRouter = createTRPCRouter({
  /** Self-registration of a firm with its first user. */
  register: publicProcedure
    .input(registerFirmInput)
    .mutation(({ ctx, input }) => registerFirm(ctx.db, input, ctx.ip)),
});

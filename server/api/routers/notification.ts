import { z } from "zod";
import { createTRPCRouter, authedProcedure } from "../trpc";
import {
  listNotifications,
  markRead,
  markSeen,
  unreadCount,
} from "@/server/services/users/notifications";
import { idInput } from "@/server/services/id-input";

export const notificationRouter = createTRPCRouter({
  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.actor)),
  list: authedProcedure.query(({ ctx }) => listNotifications(ctx.db, ctx.actor)),
  markRead: authedProcedure
    .input(z.object({ ids: z.array(idInput()).max(200).optional() }))
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.actor, input.ids)),
  /** The notifications page was opened: the bell counts only what arrives after. */
  markSeen: authedProcedure.mutation(({ ctx }) => markSeen(ctx.db, ctx.actor)),
});

import { createTRPCRouter, authedProcedure, firmProcedure } from "../trpc";
import { changePassword, changePasswordInput } from "@/server/services/users/change-password";
import { signOutEverywhere } from "@/server/services/users/sign-out-everywhere";
import { setLocale, setLocaleInput } from "@/server/services/users/set-locale";
import {
  reminderSettings,
  setReminder,
  setReminderInput,
} from "@/server/services/reminders/settings";
import { firmFeedToken, newFirmFeedToken } from "@/server/services/booking/firm-feed";

export const userRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => ctx.actor),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input, ctx.session?.sessionId)),
  /** Ends every session of the caller, this one included. */
  signOutEverywhere: authedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.actor)),
  /** A firm user's calendar feed of the firm's bookings: its secret, and a new one. */
  calendarFeed: firmProcedure.query(({ ctx }) => firmFeedToken(ctx.db, ctx.actor)),
  newCalendarFeed: firmProcedure.mutation(({ ctx }) => newFirmFeedToken(ctx.db, ctx.actor)),
  /** The language switch of a signed-in user: notifications and emails follow it. */
  setLocale: authedProcedure
    .input(setLocaleInput)
    .mutation(({ ctx, input }) => setLocale(ctx.db, ctx.actor, input)),
  /** The caller's reminder switches (the reminders of their role), and turning one on or off. */
  reminders: authedProcedure.query(({ ctx }) => reminderSettings(ctx.db, ctx.actor)),
  setReminder: authedProcedure
    .input(setReminderInput)
    .mutation(({ ctx, input }) => setReminder(ctx.db, ctx.actor, input)),
});

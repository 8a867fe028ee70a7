// Reminders: what was sent (one row per reminder, request and occasion, so that no reminder goes
// twice, whichever process sends it) and which reminders each user has switched off.
import { sqliteTable, text, integer, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { reminderKinds } from "./enums";
import { id, createdAt } from "./columns";
import { users } from "./parties";
import { bookingRequests } from "./requests";

export const remindersSent = sqliteTable(
  "reminders_sent",
  {
    id: id(),
    kind: text("kind", { enum: reminderKinds }).notNull(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    /** What the reminder is about, as an instant: the quote's end, the run's start, the report's
     * release, the start of the wait. A new quote or a moved run is a new occasion. */
    occasion: integer("occasion").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("reminders_sent_uq").on(t.kind, t.requestId, t.occasion)],
);

export const reminderOptOuts = sqliteTable(
  "reminder_opt_outs",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: reminderKinds }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

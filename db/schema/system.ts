// Cross-cutting records: notifications, the email outbox and the audit log.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id, createdAt, millis } from "./columns";
import { users } from "./parties";
import { bookingRequests } from "./requests";

export const notifications = sqliteTable(
  "notifications",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    requestId: integer("request_id").references(() => bookingRequests.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    readAt: millis("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_read_idx").on(t.userId, t.readAt)],
);

/** Emails waiting to be sent, or kept for an admin to read when no SMTP server is configured. */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    sentAt: millis("sent_at"),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_created_idx").on(t.createdAt)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    actorId: integer("actor_id").references(() => users.id),
    /** The email the actor gave, kept also for failed sign-ins of unknown accounts. */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    target: text("target"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_action_email_idx").on(t.action, t.actorEmail, t.createdAt),
    index("audit_log_action_ip_idx").on(t.action, t.ip, t.createdAt),
    index("audit_log_created_idx").on(t.createdAt),
  ],
);

// Who uses the service: firms and user accounts.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { accountTokenKinds, firmRoles, firmSizes, roles } from "./enums";
import { id, createdAt, updatedAt, flag, millis } from "./columns";
import { facilities } from "./registry";

export const firms = sqliteTable(
  "firms",
  {
    id: id(),
    name: text("name").notNull(),
    /** Unified social credit code (GB 32100), 18 characters, check digit validated. */
    creditCode: text("credit_code").notNull(),
    size: text("size", { enum: firmSizes }).notNull(),
    industry: text("industry").notNull(),
    prefecture: text("prefecture").notNull(),
    /** A member's acceptance of a quote above this amount (fen) waits for a manager's approval;
     * null: no threshold. */
    spendingThresholdFen: integer("spending_threshold_fen"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("firms_credit_code_uq").on(t.creditCode),
    index("firms_prefecture_idx").on(t.prefecture),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: roles }).notNull(),
    firmId: integer("firm_id").references(() => firms.id),
    /** For firm users: manager (invites and manages members) or member. */
    firmRole: text("firm_role", { enum: firmRoles }),
    facilityId: integer("facility_id").references(() => facilities.id),
    locale: text("locale", { enum: ["en", "zh"] })
      .notNull()
      .default("en"),
    disabled: flag("disabled").notNull().default(false),
    /** A facility's authorised signatory: may approve its reports. */
    signatory: flag("signatory").notNull().default(false),
    /** Whether the user confirmed their email address (a self-registered firm user must before
     * the first request; accounts made by admins and invitations count as confirmed). */
    emailVerified: flag("email_verified").notNull().default(true),
    mustChangePassword: flag("must_change_password").notNull().default(false),
    lastSignInAt: millis("last_sign_in_at"),
    /** The secret of a firm user's private calendar feed of the firm's booked requests. */
    icalToken: text("ical_token"),
    /** When the user last opened their notifications: the bell counts unread ones after it. */
    notificationsSeenAt: millis("notifications_seen_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    uniqueIndex("users_ical_token_uq").on(t.icalToken),
    index("users_firm_idx").on(t.firmId),
    index("users_facility_idx").on(t.facilityId),
  ],
);

export const sessionCloseReasons = [
  "signed_out",
  "signed_out_everywhere",
  "password_changed",
  "password_reset",
  "disabled",
] as const;

/**
 * One signed-in browser: the random id its session cookie carries. A cookie is honoured only while
 * its row is open; sign-out closes it, and "sign out everywhere", a password change (all but the
 * session that made it), a password reset and disabling the account close the user's others.
 */
export const userSessions = sqliteTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    ip: text("ip"),
    createdAt: createdAt(),
    closedAt: millis("closed_at"),
    closedWhy: text("closed_why", { enum: sessionCloseReasons }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.closedAt)],
);

/**
 * One-time links sent by email: an invitation to join a firm (7 days), a password reset (1 hour),
 * an email confirmation. Only the token's SHA-256 is stored; a link works once, until it expires.
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: id(),
    kind: text("kind", { enum: accountTokenKinds }).notNull(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    /** The user a reset or a confirmation is for. */
    userId: integer("user_id").references(() => users.id),
    /** The firm an invitation joins, with the role it gives. */
    firmId: integer("firm_id").references(() => firms.id),
    firmRole: text("firm_role", { enum: firmRoles }),
    createdBy: integer("created_by").references(() => users.id),
    expiresAt: millis("expires_at").notNull(),
    usedAt: millis("used_at"),
    /** Set when a newer link of the same kind replaced it, or the inviter withdrew it. */
    revokedAt: millis("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("account_tokens_hash_uq").on(t.tokenHash),
    index("account_tokens_email_idx").on(t.email, t.kind),
    index("account_tokens_firm_idx").on(t.firmId, t.kind),
  ],
);

export const quoteApprovalStatuses = ["pending", "approved", "declined", "lapsed"] as const;

/** A member's acceptance of a quote above the firm's threshold, waiting for a manager. */
export const quoteApprovals = sqliteTable(
  "quote_approvals",
  {
    id: id(),
    requestId: integer("request_id").notNull(),
    firmId: integer("firm_id")
      .notNull()
      .references(() => firms.id),
    requestedBy: integer("requested_by")
      .notNull()
      .references(() => users.id),
    amountFen: integer("amount_fen").notNull(),
    /** The member's voucher choice, applied when a manager approves. */
    choice: text("choice", { mode: "json" })
      .$type<{ useVoucher?: boolean; voucherFen?: number }>()
      .notNull(),
    status: text("status", { enum: quoteApprovalStatuses }).notNull().default("pending"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: millis("decided_at"),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("quote_approvals_firm_idx").on(t.firmId, t.status),
    index("quote_approvals_request_idx").on(t.requestId),
  ],
);

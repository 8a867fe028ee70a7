// Innovation vouchers (科技创新券): the department's programmes, the firms' allotments, the
// append-only ledger every balance is summed from, and the facilities' redemption claims.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { allotmentStatuses, claimStatuses, voucherEntryKinds } from "./enums";
import { id, createdAt, updatedAt } from "./columns";
import { firms, users } from "./parties";
import { facilities } from "./registry";
import { bookingRequests, attachments } from "./requests";
import { invoices } from "./money";

/** A voucher programme of one year. Rates are basis points of the eligible amount per service
 * type (JSON object); eligibility lists firm sizes and prefectures (an empty list admits all). */
export const voucherProgrammes = sqliteTable("voucher_programmes", {
  id: id(),
  year: integer("year").notNull(),
  nameEn: text("name_en").notNull(),
  nameZh: text("name_zh").notNull(),
  budgetFen: integer("budget_fen").notNull(),
  firmCapFen: integer("firm_cap_fen").notNull(),
  ratesBp: text("rates_bp", { mode: "json" }).$type<Record<string, number>>().notNull(),
  eligibleSizes: text("eligible_sizes", { mode: "json" }).$type<string[]>().notNull(),
  eligiblePrefectures: text("eligible_prefectures", { mode: "json" }).$type<string[]>().notNull(),
  /** Applications are taken from `applyFrom` until `applyUntil` (instants). */
  applyFrom: integer("apply_from").notNull(),
  applyUntil: integer("apply_until").notNull(),
  /** Allotments may be spent on acceptances until this instant; what is left then expires. */
  validUntil: integer("valid_until").notNull(),
  createdBy: integer("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A firm's application under a programme and, once approved, its allotment. */
export const voucherAllotments = sqliteTable(
  "voucher_allotments",
  {
    id: id(),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => voucherProgrammes.id),
    firmId: integer("firm_id")
      .notNull()
      .references(() => firms.id),
    requestedFen: integer("requested_fen").notNull(),
    grantedFen: integer("granted_fen"),
    purpose: text("purpose").notNull(),
    status: text("status", { enum: allotmentStatuses }).notNull().default("pending"),
    reason: text("reason"),
    appliedBy: integer("applied_by")
      .notNull()
      .references(() => users.id),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: integer("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("voucher_allotments_firm_idx").on(t.firmId),
    index("voucher_allotments_programme_idx").on(t.programmeId, t.status),
  ],
);

/** The ledger: entries are only ever inserted. Amounts are positive fen; the kind says which way
 * they move. */
export const voucherLedger = sqliteTable(
  "voucher_ledger",
  {
    id: id(),
    allotmentId: integer("allotment_id")
      .notNull()
      .references(() => voucherAllotments.id),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => voucherProgrammes.id),
    firmId: integer("firm_id")
      .notNull()
      .references(() => firms.id),
    requestId: integer("request_id").references(() => bookingRequests.id),
    /** The facility of the request the entry is for (fixed once a quote is accepted), kept on
     * the entry so the department's figures by facility and field need no join. */
    facilityId: integer("facility_id").references(() => facilities.id),
    kind: text("kind", { enum: voucherEntryKinds }).notNull(),
    amountFen: integer("amount_fen").notNull(),
    at: integer("at").notNull(),
    byUser: integer("by_user").references(() => users.id),
  },
  (t) => [
    index("voucher_ledger_allotment_idx").on(t.allotmentId),
    index("voucher_ledger_request_idx").on(t.requestId),
    // Covers the year's figures: every grouping reads the index only.
    index("voucher_ledger_programme_idx").on(
      t.programmeId,
      t.kind,
      t.firmId,
      t.facilityId,
      t.amountFen,
    ),
    index("voucher_ledger_firm_idx").on(t.firmId),
    // Voucher cover of a period: redemptions by when they happened.
    index("voucher_ledger_kind_at_idx").on(t.kind, t.at, t.requestId, t.amountFen),
  ],
);

/** A facility's claim for a request's voucher cover, bundling the agreement, the fapiao, the
 * payment record and the report. A returned claim stays; the facility may file again. */
export const voucherClaims = sqliteTable(
  "voucher_claims",
  {
    id: id(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    facilityId: integer("facility_id")
      .notNull()
      .references(() => facilities.id),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => voucherProgrammes.id),
    amountFen: integer("amount_fen").notNull(),
    agreementNumber: text("agreement_number").notNull(),
    invoiceId: integer("invoice_id")
      .notNull()
      .references(() => invoices.id),
    reportAttachmentId: integer("report_attachment_id")
      .notNull()
      .references(() => attachments.id),
    paidFen: integer("paid_fen").notNull(),
    status: text("status", { enum: claimStatuses }).notNull().default("filed"),
    reason: text("reason"),
    filedBy: integer("filed_by")
      .notNull()
      .references(() => users.id),
    filedAt: integer("filed_at").notNull(),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: integer("decided_at"),
  },
  (t) => [
    index("voucher_claims_request_idx").on(t.requestId),
    index("voucher_claims_status_idx").on(t.status, t.filedAt),
    uniqueIndex("voucher_claims_one_open_idx")
      .on(t.requestId)
      .where(sql`status <> 'returned'`),
  ],
);

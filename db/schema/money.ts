// Money: the itemised lines of each quote version. Amounts in integer fen; a quantity in
// thousandths (2.5 h is 2500); each line's VAT rounded half up on its own.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { invoiceStatuses, quoteLineKinds } from "./enums";
import { id, createdAt, flag } from "./columns";
import { attachments, bookingRequests } from "./requests";
import { users } from "./parties";

export const quoteLines = sqliteTable(
  "quote_lines",
  {
    id: id(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    /** The quote version the line belongs to: 1 for the first quote, one more per revision. */
    version: integer("version").notNull(),
    position: integer("position").notNull(),
    kind: text("kind", { enum: quoteLineKinds }).notNull(),
    description: text("description").notNull().default(""),
    quantityMilli: integer("quantity_milli").notNull(),
    unit: text("unit").notNull().default(""),
    unitPriceFen: integer("unit_price_fen").notNull(),
    netFen: integer("net_fen").notNull(),
    vatFen: integer("vat_fen").notNull(),
    voucherEligible: flag("voucher_eligible").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("quote_lines_request_version_position_idx").on(t.requestId, t.version, t.position),
    index("quote_lines_request_idx").on(t.requestId),
  ],
);

/** A fapiao the facility issued for a completed request (through the tax system; recorded here
 * with its number, date, amount and PDF). A voided invoice stays, with the reason. */
export const invoices = sqliteTable(
  "invoices",
  {
    id: id(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    number: text("number").notNull(),
    issuedAt: integer("issued_at").notNull(),
    amountFen: integer("amount_fen").notNull(),
    attachmentId: integer("attachment_id").references(() => attachments.id),
    status: text("status", { enum: invoiceStatuses }).notNull().default("issued"),
    voidReason: text("void_reason"),
    voidedAt: integer("voided_at"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("invoices_request_idx").on(t.requestId),
    // Income figures: a period's fapiao by when they were issued.
    index("invoices_issued_idx").on(t.issuedAt, t.status, t.requestId, t.amountFen),
    uniqueIndex("invoices_request_number_idx").on(t.requestId, t.number),
  ],
);

/** Money received against an invoice: date, amount and the bank's reference. */
export const payments = sqliteTable(
  "payments",
  {
    id: id(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    invoiceId: integer("invoice_id")
      .notNull()
      .references(() => invoices.id),
    paidAt: integer("paid_at").notNull(),
    amountFen: integer("amount_fen").notNull(),
    bankReference: text("bank_reference").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("payments_request_idx").on(t.requestId),
    index("payments_invoice_idx").on(t.invoiceId),
    // Income figures: a period's payments by when they were received.
    index("payments_paid_idx").on(t.paidAt, t.requestId, t.amountFen),
  ],
);

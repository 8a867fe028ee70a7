// Money: the itemised lines of each quote version. Amounts in integer fen; a quantity in
// thousandths (2.5 h is 2500); each line's VAT rounded half up on its own.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { quoteLineKinds } from "./enums";
import { id, createdAt, flag } from "./columns";
import { bookingRequests } from "./requests";

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

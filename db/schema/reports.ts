// The report register: every report a facility issues on a request, from the tester's file through
// review and approval to release. At approval the report takes the facility's next number of the
// year (unique and gap-free), the released file (the tester's PDF with a stamped cover) is kept
// under its SHA-256, and a verification code is printed beside the QR code; only the code's hash
// is stored. An amendment is a new report that supersedes the old one when it is approved.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { reportStatuses } from "./enums";
import { id, createdAt, millis, flag } from "./columns";
import { facilities } from "./registry";
import { attachments, bookingRequests } from "./requests";
import { users } from "./parties";

export type ReportMark = { type: string; certificateNo: string; validUntil: number };

export const reports = sqliteTable(
  "reports",
  {
    id: id(),
    facilityId: integer("facility_id")
      .notNull()
      .references(() => facilities.id),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    status: text("status", { enum: reportStatuses }).notNull(),
    title: text("title").notNull(),
    /** Whether the service is accredited: then review is a step of its own (three people). */
    accredited: flag("accredited").notNull(),
    /** The tester's file, as uploaded (content-addressed under the data directory). */
    draftPath: text("draft_path").notNull(),
    draftSha256: text("draft_sha256").notNull(),
    draftFileName: text("draft_file_name").notNull(),
    testedBy: integer("tested_by")
      .notNull()
      .references(() => users.id),
    testedAt: millis("tested_at").notNull(),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: millis("reviewed_at"),
    approvedBy: integer("approved_by").references(() => users.id),
    /** The issue date. */
    approvedAt: millis("approved_at"),
    /** Set at approval: the facility's number of the year, e.g. P011-2026-R00007. */
    number: text("number"),
    year: integer("year"),
    seq: integer("seq"),
    codeHash: text("code_hash"),
    /** The released file (an attachment the firm downloads) and its hash, fixed at approval. */
    attachmentId: integer("attachment_id").references(() => attachments.id),
    releasedSha256: text("released_sha256"),
    /** Accreditation marks valid on the test dates, as they were at approval. */
    marks: text("marks", { mode: "json" }).$type<ReportMark[]>(),
    testedFrom: millis("tested_from"),
    testedTo: millis("tested_to"),
    /** The report this one amends, and why. */
    supersedesId: integer("supersedes_id"),
    reason: text("reason").notNull().default(""),
    supersededById: integer("superseded_by_id"),
    supersededAt: millis("superseded_at"),
    revokedBy: integer("revoked_by").references(() => users.id),
    revokedAt: millis("revoked_at"),
    /** Why it was returned to the tester or revoked. */
    closeReason: text("close_reason").notNull().default(""),
    returnedBy: integer("returned_by").references(() => users.id),
    returnedAt: millis("returned_at"),
    /** When someone of the firm first downloaded the released file (the "report ready" reminder
     * stops then). */
    firmDownloadedAt: millis("firm_downloaded_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reports_number_uq").on(t.number),
    uniqueIndex("reports_facility_year_seq_uq").on(t.facilityId, t.year, t.seq),
    index("reports_request_idx").on(t.requestId),
  ],
);

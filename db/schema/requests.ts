// Booking requests, the reservations that hold capacity, and everything attached to a request.
import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  requestStatuses,
  reservationKinds,
  serviceTypes,
  attachmentKinds,
  rejectionReasons,
} from "./enums";
import { id, createdAt, updatedAt, millis } from "./columns";
import { facilities, equipment, services } from "./registry";
import { firms, users } from "./parties";

export type RequiredParam = { key: string; unit: string; min?: number; max?: number };

export const bookingRequests = sqliteTable(
  "booking_requests",
  {
    id: id(),
    /** Human reference, PT-YYYY-NNNNNN. */
    ref: text("ref").notNull(),
    firmId: integer("firm_id")
      .notNull()
      .references(() => firms.id),
    requesterId: integer("requester_id")
      .notNull()
      .references(() => users.id),
    /** Null until the hub routes the request. */
    facilityId: integer("facility_id").references(() => facilities.id),
    serviceId: integer("service_id").references(() => services.id),
    serviceType: text("service_type", { enum: serviceTypes }).notNull(),
    equipmentId: integer("equipment_id").references(() => equipment.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    sampleDetails: text("sample_details").notNull().default(""),
    hazardClass: text("hazard_class"),
    standard: text("standard"),
    quantity: text("quantity"),
    /** The kind of equipment a need names (a catalogue category): a hard requirement. */
    equipmentCategory: text("equipment_category"),
    requiredParams: text("required_params", { mode: "json" })
      .$type<RequiredParam[]>()
      .notNull()
      .default([]),
    earliestStart: millis("earliest_start").notNull(),
    deadline: millis("deadline").notNull(),
    hours: integer("hours").notNull(),
    units: integer("units").notNull().default(1),
    preferredStart: millis("preferred_start"),
    status: text("status", { enum: requestStatuses }).notNull().default("submitted"),
    /** The quote's total, VAT included (the sum of its lines' nets and VATs). */
    quoteAmountFen: integer("quote_amount_fen"),
    /** The quote's VAT and the rate it was charged at; its version (0 before any quote). */
    quoteVatFen: integer("quote_vat_fen"),
    quoteVatRateBp: integer("quote_vat_rate_bp"),
    quoteVersion: integer("quote_version").notNull().default(0),
    /** The service agreement the firm accepted with the quote (its number names the version). */
    agreementNumber: text("agreement_number"),
    quoteValidUntil: millis("quote_valid_until"),
    quoteEquipmentId: integer("quote_equipment_id").references(() => equipment.id),
    quoteStart: millis("quote_start"),
    quoteEnd: millis("quote_end"),
    quoteUnits: integer("quote_units"),
    reason: text("reason"),
    /** A rejection's reason among the common ones (rejectionReasons); null before this existed. */
    reasonCode: text("reason_code", { enum: rejectionReasons }),
    version: integer("version").notNull().default(1),
    routedAt: millis("routed_at"),
    quotedAt: millis("quoted_at"),
    confirmedAt: millis("confirmed_at"),
    startedAt: millis("started_at"),
    completedAt: millis("completed_at"),
    closedAt: millis("closed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("booking_requests_ref_uq").on(t.ref),
    index("booking_requests_firm_status_idx").on(t.firmId, t.status),
    index("booking_requests_facility_status_idx").on(t.facilityId, t.status),
    index("booking_requests_status_created_idx").on(t.status, t.createdAt),
    // The monitoring figures count requests by when they were created, confirmed, completed, closed
    // or routed: each index covers the columns its figures read, so a year is an index-only range.
    index("booking_requests_created_idx").on(
      t.createdAt,
      t.facilityId,
      t.serviceType,
      t.status,
      t.quotedAt,
      t.confirmedAt,
      t.startedAt,
      t.completedAt,
    ),
    index("booking_requests_confirmed_idx").on(
      t.confirmedAt,
      t.facilityId,
      t.serviceType,
      t.firmId,
    ),
    index("booking_requests_completed_idx").on(
      t.completedAt,
      t.facilityId,
      t.serviceType,
      t.firmId,
      t.status,
      t.quoteAmountFen,
      t.confirmedAt,
    ),
    // Response times: quoted in the period, from submission or routing, per quoted equipment.
    index("booking_requests_quoted_idx").on(
      t.quotedAt,
      t.facilityId,
      t.serviceType,
      t.quoteEquipmentId,
      t.routedAt,
      t.createdAt,
    ),
    index("booking_requests_closed_idx").on(
      t.closedAt,
      t.facilityId,
      t.serviceType,
      t.status,
      t.reason,
    ),
    index("booking_requests_routed_idx").on(
      t.routedAt,
      t.facilityId,
      t.serviceType,
      t.firmId,
      t.createdAt,
    ),
  ],
);

/** Yearly counters behind the PT-YYYY-NNNNNN references. */
export const requestCounters = sqliteTable("request_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

/**
 * Capacity taken on an equipment over [start, end). Maintenance may instead cover a whole
 * facility (equipmentId null). A hold stops blocking at expiresAt; releasedAt ends any kind.
 */
export const reservations = sqliteTable(
  "reservations",
  {
    id: id(),
    facilityId: integer("facility_id")
      .notNull()
      .references(() => facilities.id),
    equipmentId: integer("equipment_id").references(() => equipment.id),
    requestId: integer("request_id").references(() => bookingRequests.id),
    kind: text("kind", { enum: reservationKinds }).notNull(),
    start: millis("start").notNull(),
    end: millis("end").notNull(),
    units: integer("units").notNull().default(1),
    expiresAt: millis("expires_at"),
    releasedAt: millis("released_at"),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("reservations_equipment_start_idx").on(t.equipmentId, t.start),
    index("reservations_equipment_end_idx").on(t.equipmentId, t.end),
    index("reservations_facility_start_idx").on(t.facilityId, t.start),
    index("reservations_request_idx").on(t.requestId),
    // Facility-wide maintenance windows, read by every availability query of the facility.
    index("reservations_facility_wide_end_idx")
      .on(t.facilityId, t.end)
      .where(sql`${t.equipmentId} IS NULL`),
    // The utilisation figures read live bookings and maintenance over a period from these alone
    // (no-shows with the booking's request).
    index("reservations_booking_cover_idx")
      .on(t.equipmentId, t.end, t.start, t.units, t.requestId)
      .where(sql`${t.kind} = 'booking' AND ${t.releasedAt} IS NULL`),
    index("reservations_maintenance_end_idx")
      .on(t.end, t.start, t.facilityId, t.equipmentId)
      .where(sql`${t.kind} = 'maintenance' AND ${t.releasedAt} IS NULL`),
  ],
);

export const requestEvents = sqliteTable(
  "request_events",
  {
    id: id(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    actorId: integer("actor_id").references(() => users.id),
    fromStatus: text("from_status", { enum: requestStatuses }),
    toStatus: text("to_status", {
      enum: requestStatuses,
    }).notNull() /** What a person wrote (a reason, a comment). */,
    note: text("note"),
    /** A note the system wrote, as a code of the server catalogs' `events` and its parameters. */
    noteCode: text("note_code"),
    noteParams: text("note_params", { mode: "json" }).$type<Record<string, string | number>>(),
    createdAt: createdAt(),
  },
  (t) => [index("request_events_request_idx").on(t.requestId, t.createdAt)],
);

export const attachments = sqliteTable(
  "attachments",
  {
    id: id(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    uploaderId: integer("uploader_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: attachmentKinds }).notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    /** Path relative to the data directory. */
    storagePath: text("storage_path").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_request_idx").on(t.requestId)],
);

export const messages = sqliteTable(
  "messages",
  {
    id: id(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("messages_request_idx").on(t.requestId, t.createdAt)],
);

export const feedback = sqliteTable(
  "feedback",
  {
    id: id(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    firmId: integer("firm_id")
      .notNull()
      .references(() => firms.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    rating: integer("rating").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("feedback_request_uq").on(t.requestId),
    // Ratings of a period, by when they were given.
    index("feedback_created_idx").on(t.createdAt, t.requestId, t.rating),
  ],
);

// The sample register: every sample a facility receives against a request, with an ID of the
// facility, the year and a sequence (unique and gap-free per facility and year), and its chain of
// custody, the steps from receipt to return or disposal. Steps only append (triggers in the
// migration refuse any update or delete).
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sampleHazards, sampleStatuses, sampleStepKinds } from "./enums";
import { id, createdAt, millis } from "./columns";
import { facilities } from "./registry";
import { bookingRequests } from "./requests";
import { users } from "./parties";

export const samples = sqliteTable(
  "samples",
  {
    id: id(),
    facilityId: integer("facility_id")
      .notNull()
      .references(() => facilities.id),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    /** The sample this one was split from. */
    parentId: integer("parent_id"),
    /** Facility code, year and sequence, e.g. P011-2026-00042. */
    code: text("code").notNull(),
    year: integer("year").notNull(),
    seq: integer("seq").notNull(),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    unit: text("unit").notNull(),
    /** Condition on receipt. */
    condition: text("condition").notNull(),
    location: text("location").notNull(),
    hazard: text("hazard", { enum: sampleHazards }).notNull(),
    /** Kept at least until then (end of the retention period). */
    retainUntil: millis("retain_until").notNull(),
    status: text("status", { enum: sampleStatuses }).notNull().default("held"),
    receivedAt: millis("received_at").notNull(),
    receivedBy: integer("received_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("samples_code_uq").on(t.code),
    uniqueIndex("samples_facility_year_seq_uq").on(t.facilityId, t.year, t.seq),
    index("samples_request_idx").on(t.requestId),
  ],
);

export const sampleSteps = sqliteTable(
  "sample_steps",
  {
    id: id(),
    sampleId: integer("sample_id")
      .notNull()
      .references(() => samples.id),
    kind: text("kind", { enum: sampleStepKinds }).notNull(),
    at: millis("at").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** Where the sample is after the step (received, moved). */
    location: text("location"),
    note: text("note").notNull().default(""),
  },
  (t) => [index("sample_steps_sample_idx").on(t.sampleId, t.at)],
);

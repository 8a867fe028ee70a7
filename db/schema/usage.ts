// What actually happened on the equipment: each use with its actual start, end and units. A
// booking's use is checked in and out by the facility (defaulting to the slot); in-house use has
// no request. The evaluation's hour figures come from these records, never from bookings alone.
import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { useKinds } from "./enums";
import { id, createdAt, updatedAt, millis } from "./columns";
import { equipment, facilities } from "./registry";
import { bookingRequests, reservations } from "./requests";
import { users } from "./parties";

export const equipmentUse = sqliteTable(
  "equipment_use",
  {
    id: id(),
    facilityId: integer("facility_id")
      .notNull()
      .references(() => facilities.id),
    equipmentId: integer("equipment_id")
      .notNull()
      .references(() => equipment.id),
    /** The request whose booking was used; null for in-house use. */
    requestId: integer("request_id").references(() => bookingRequests.id),
    reservationId: integer("reservation_id").references(() => reservations.id),
    start: millis("start").notNull(),
    /** Null while checked in. */
    end: millis("end"),
    units: integer("units").notNull().default(1),
    /** external, internal (the facility's own operating entity) or inHouse; the firm of a
     * request's use. Kept by classifyUses (server/services/operations/use-kind.ts). */
    kind: text("kind", { enum: useKinds }).notNull().default("internal"),
    firmId: integer("firm_id"),
    /** In-house use: what for and who. */
    purpose: text("purpose"),
    person: text("person"),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Covering: a period's figures per equipment stream from it in equipment order.
    index("equipment_use_equipment_start_idx").on(
      t.equipmentId,
      t.start,
      t.end,
      t.kind,
      t.units,
      t.firmId,
    ),
    index("equipment_use_request_idx").on(t.requestId),
    // A period's figures read closed uses by start (none lasts longer than MAX_USE_MS), open
    // ones apart, from the index alone.
    index("equipment_use_period_idx").on(t.start, t.end, t.equipmentId, t.kind, t.units, t.firmId),
    index("equipment_use_open_idx")
      .on(t.start)
      .where(sql`"end" IS NULL`),
  ],
);

/**
 * A fault: the equipment is down from its report until it is closed (the repair time). While one
 * is open the equipment's status is "down" (not bookable, shown on its page and in search); the
 * status it had before comes back on closing.
 */
export const equipmentFaults = sqliteTable(
  "equipment_faults",
  {
    id: id(),
    facilityId: integer("facility_id")
      .notNull()
      .references(() => facilities.id),
    equipmentId: integer("equipment_id")
      .notNull()
      .references(() => equipment.id),
    description: text("description").notNull(),
    reportedAt: millis("reported_at").notNull(),
    reportedBy: integer("reported_by")
      .notNull()
      .references(() => users.id),
    /** The operator's estimate of when it works again, if any. */
    expectedBackAt: millis("expected_back_at"),
    statusBefore: text("status_before").notNull().default("operational"),
    closedAt: millis("closed_at"),
    closedBy: integer("closed_by").references(() => users.id),
    repairNote: text("repair_note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("equipment_faults_equipment_idx").on(t.equipmentId, t.reportedAt),
    index("equipment_faults_facility_idx").on(t.facilityId, t.closedAt),
  ],
);

// The waitlist: a firm's request that no slot fitted waits in line for an equipment (or, for a
// request to the hub, for any matching equipment) within a window, for hours and units. When
// capacity frees, the first entry in line whose need fits gets a hold (its request is quoted at
// the published price, valid for a limited time); if the offer lapses, the next one gets it.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { waitlistCloseReasons, waitlistStatuses } from "./enums";
import { id, createdAt, millis } from "./columns";
import { equipment, facilities } from "./registry";
import { firms } from "./parties";
import { bookingRequests } from "./requests";

export const waitlistEntries = sqliteTable(
  "waitlist_entries",
  {
    id: id(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bookingRequests.id),
    firmId: integer("firm_id")
      .notNull()
      .references(() => firms.id),
    /** The equipment waited for; null for a hub need (any matching equipment). */
    equipmentId: integer("equipment_id").references(() => equipment.id),
    facilityId: integer("facility_id").references(() => facilities.id),
    /** For a hub need: the equipment category it waits for (its line). */
    category: text("category"),
    windowStart: millis("window_start").notNull(),
    windowEnd: millis("window_end").notNull(),
    hours: integer("hours").notNull(),
    units: integer("units").notNull(),
    status: text("status", { enum: waitlistStatuses }).notNull().default("waiting"),
    offeredAt: millis("offered_at"),
    offerStart: millis("offer_start"),
    offerEnd: millis("offer_end"),
    offerExpiresAt: millis("offer_expires_at"),
    closedAt: millis("closed_at"),
    closeReason: text("close_reason", { enum: waitlistCloseReasons }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("waitlist_entries_request_uq").on(t.requestId),
    index("waitlist_entries_status_idx").on(t.status, t.id),
    index("waitlist_entries_equipment_idx").on(t.equipmentId, t.status),
  ],
);

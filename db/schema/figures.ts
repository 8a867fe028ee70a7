// Figures kept as rows change: per equipment and calendar month (and year) of the network, the
// unit-hours (as unit-milliseconds) booked and recorded, bookings ended with and without a use,
// response times, and the outside firms whose use was recorded. SQLite triggers (migration 0020)
// write them in the transaction of every change to reservations, equipment_use and
// booking_requests, so a period's figures read a few thousand rows instead of every reservation;
// months cut by the period's ends are still read from the rows themselves
// (server/services/scheduling/month-figures.ts).
import { sqliteTable, integer, text, primaryKey } from "drizzle-orm/sqlite-core";

/** The network's calendar months (Asia/Shanghai) as instants, filled by db/calendar-months.ts. */
export const calendarMonths = sqliteTable("calendar_months", {
  start: integer("start").primaryKey(),
  end: integer("end").notNull(),
  key: text("key").notNull(),
  /** The start of the month's calendar year. */
  year: integer("year").notNull(),
});

/** What equipment_months and equipment_years sum, per equipment. */
const equipmentSums = {
  booked: integer("booked").notNull().default(0),
  used: integer("used").notNull().default(0),
  external: integer("external").notNull().default(0),
  inHouse: integer("in_house").notNull().default(0),
  /** Live bookings of requests that end in the month (end − 1 ms in it), and how many of them
   * have a use recorded for their request: the rest are no-shows once the month is over. */
  ended: integer("ended").notNull().default(0),
  endedRecorded: integer("ended_recorded").notNull().default(0),
  /** Requests quoted in the month with this equipment: Σ ms from submission (or routing) to
   * the quote, and how many. */
  responseMs: integer("response_ms").notNull().default(0),
  responses: integer("responses").notNull().default(0),
};

/** Σ (clipped length × units) in ms of live bookings and of closed uses, by kind of use; and the
 * bookings that ended, for no-shows; and response times. */
export const equipmentMonths = sqliteTable(
  "equipment_months",
  {
    equipmentId: integer("equipment_id").notNull(),
    month: integer("month").notNull(),
    ...equipmentSums,
  },
  (t) => [primaryKey({ columns: [t.equipmentId, t.month] })],
);

/** The same per calendar year, kept from equipment_months by a trigger: a year reads one row per
 * equipment, and any run of months a year's row less or plus a few months. */
export const equipmentYears = sqliteTable(
  "equipment_years",
  {
    equipmentId: integer("equipment_id").notNull(),
    year: integer("year").notNull(),
    ...equipmentSums,
  },
  (t) => [primaryKey({ columns: [t.equipmentId, t.year] })],
);

/** The same sums per facility and month: a period's months read 12 rows per facility. */
export const facilityMonths = sqliteTable(
  "facility_months",
  {
    facilityId: integer("facility_id").notNull(),
    month: integer("month").notNull(),
    booked: integer("booked").notNull().default(0),
    used: integer("used").notNull().default(0),
    external: integer("external").notNull().default(0),
    inHouse: integer("in_house").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.month] })],
);

/** How many closed external uses of a firm overlap the month on the equipment (rows at 0 stay). */
export const equipmentMonthFirms = sqliteTable(
  "equipment_month_firms",
  {
    equipmentId: integer("equipment_id").notNull(),
    month: integer("month").notNull(),
    firmId: integer("firm_id").notNull(),
    uses: integer("uses").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.equipmentId, t.month, t.firmId] })],
);

// The registry: facilities (the hub and the N platforms), their equipment and their services.
import {
  sqliteTable,
  text,
  integer,
  real,
  index,
  uniqueIndex,
  primaryKey,
} from "drizzle-orm/sqlite-core";
import {
  facilityKinds,
  fundingSources,
  facilityStatuses,
  equipmentStatuses,
  equipmentSharing,
  serviceTypes,
  priceBases,
  serviceStatuses,
} from "./enums";
import { id, createdAt, updatedAt, flag, millis } from "./columns";

/**
 * Weekly opening hours in the facility's time zone: day 0 = Monday; "HH:MM" pairs, end exclusive.
 */
export type OpeningHours = Record<"0" | "1" | "2" | "3" | "4" | "5" | "6", [string, string][]>;

export const facilities = sqliteTable(
  "facilities",
  {
    id: id(),
    slug: text("slug").notNull(),
    nameEn: text("name_en").notNull(),
    nameZh: text("name_zh").notNull(),
    kind: text("kind", { enum: facilityKinds }).notNull().default("facility"),
    host: text("host"),
    level: text("level"),
    prefecture: text("prefecture").notNull(),
    address: text("address").notNull().default(""),
    latitude: real("latitude"),
    longitude: real("longitude"),
    /** JSON array of technology field codes. */
    fields: text("fields", { mode: "json" }).$type<string[]>().notNull().default([]),
    descriptionEn: text("description_en").notNull().default(""),
    descriptionZh: text("description_zh").notNull().default(""),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    status: text("status", { enum: facilityStatuses }).notNull().default("active"),
    openingHours: text("opening_hours", { mode: "json" }).$type<OpeningHours>().notNull(),
    timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
    /** How long before a booked slot work may be started without saying why. */
    earlyStartMinutes: integer("early_start_minutes").notNull().default(60),
    /** The unified social credit code of the facility's operating entity, for agreements. */
    creditCode: text("credit_code"),
    /** The VAT rate the facility charges, in basis points (600 = 6 %); one of vatRatesBp. */
    vatRateBp: integer("vat_rate_bp").notNull().default(600),
    /** True for the real platforms of the published list; false for generated demo facilities. */
    fromPublishedList: flag("from_published_list").notNull().default(false),
    icalToken: text("ical_token"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("facilities_slug_uq").on(t.slug),
    index("facilities_prefecture_idx").on(t.prefecture),
    index("facilities_status_kind_idx").on(t.status, t.kind),
  ],
);

export const accreditations = sqliteTable(
  "accreditations",
  {
    id: id(),
    facilityId: integer("facility_id")
      .notNull()
      .references(() => facilities.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    certificateNo: text("certificate_no").notNull(),
    scope: text("scope").notNull().default(""),
    validUntil: millis("valid_until").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("accreditations_facility_idx").on(t.facilityId),
    index("accreditations_type_idx").on(t.type, t.validUntil),
  ],
);

export const equipment = sqliteTable(
  "equipment",
  {
    id: id(),
    facilityId: integer("facility_id")
      .notNull()
      .references(() => facilities.id),
    name: text("name").notNull(),
    nameZh: text("name_zh").notNull().default(""),
    category: text("category").notNull(),
    manufacturer: text("manufacturer").notNull().default(""),
    model: text("model").notNull().default(""),
    description: text("description").notNull().default(""),
    /** Identical units that can run in parallel: the capacity. */
    units: integer("units").notNull().default(1),
    hourlyRateFen: integer("hourly_rate_fen").notNull(),
    /** Kept free before and after each booking. */
    setupMinutes: integer("setup_minutes").notNull().default(0),
    minHours: integer("min_hours").notNull().default(1),
    maxHours: integer("max_hours").notNull().default(72),
    leadDays: integer("lead_days").notNull().default(1),
    status: text("status", { enum: equipmentStatuses }).notNull().default("operational"),
    calibrationDueAt: millis("calibration_due_at"),
    autoApprove: flag("auto_approve").notNull().default(false),
    originalValueFen: integer("original_value_fen").notNull().default(0),
    sharing: text("sharing", { enum: equipmentSharing }).notNull().default("external"),
    acquiredYear: integer("acquired_year"),
    /** The equipment record the sharing evaluations ask for: the owner's asset number, the
     * purchase day ("YYYY-MM-DD") and who paid for it. */
    assetNumber: text("asset_number").notNull().default(""),
    purchaseDate: text("purchase_date"),
    fundingSource: text("funding_source", { enum: fundingSources }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("equipment_facility_idx").on(t.facilityId),
    index("equipment_category_idx").on(t.category),
    index("equipment_status_idx").on(t.status),
  ],
);

/** A capability envelope: the equipment can work anywhere in [min, max] of `key`, in `unit`. */
export const equipmentParams = sqliteTable(
  "equipment_params",
  {
    id: id(),
    equipmentId: integer("equipment_id")
      .notNull()
      .references(() => equipment.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    unit: text("unit").notNull(),
    min: real("min"),
    max: real("max"),
  },
  (t) => [
    uniqueIndex("equipment_params_equipment_key_uq").on(t.equipmentId, t.key),
    index("equipment_params_key_idx").on(t.key, t.max, t.min),
  ],
);

export const services = sqliteTable(
  "services",
  {
    id: id(),
    facilityId: integer("facility_id")
      .notNull()
      .references(() => facilities.id),
    type: text("type", { enum: serviceTypes }).notNull(),
    name: text("name").notNull(),
    nameZh: text("name_zh").notNull().default(""),
    description: text("description").notNull().default(""),
    /** JSON array of standard codes, e.g. ["GB/T 2423.1-2008", "ISO 9227:2022"]. */
    standards: text("standards", { mode: "json" }).$type<string[]>().notNull().default([]),
    accredited: flag("accredited").notNull().default(false),
    typicalHours: integer("typical_hours"),
    priceBasis: text("price_basis", { enum: priceBases }).notNull().default("quote"),
    /** The unit price of the fee schedule (per hour, day, sample, item or batch), net of VAT. */
    priceFen: integer("price_fen"),
    /** The published fee schedule's other terms: a minimum charge, surcharges in percent of the
     * base charge for urgent work and hazardous samples, a discount for small and micro firms. */
    minChargeFen: integer("min_charge_fen").notNull().default(0),
    urgentSurchargePct: integer("urgent_surcharge_pct").notNull().default(0),
    hazardSurchargePct: integer("hazard_surcharge_pct").notNull().default(0),
    smallFirmDiscountPct: integer("small_firm_discount_pct").notNull().default(0),
    status: text("status", { enum: serviceStatuses }).notNull().default("active"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("services_facility_idx").on(t.facilityId), index("services_type_idx").on(t.type)],
);

export const serviceEquipment = sqliteTable(
  "service_equipment",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    equipmentId: integer("equipment_id")
      .notNull()
      .references(() => equipment.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.equipmentId] }),
    index("service_equipment_equipment_idx").on(t.equipmentId),
  ],
);

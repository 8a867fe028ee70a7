// The closed vocabularies of the domain, shared by the schema, validation, seed and UI.

export const roles = ["firm", "operator", "coordinator", "admin"] as const;
/** A firm user's part in the firm's account: managers invite and manage the members. */
export const firmRoles = ["manager", "member"] as const;
export type FirmRole = (typeof firmRoles)[number];
/** What a one-time link does: join a firm, reset a password, confirm an email address. */
export const accountTokenKinds = ["invite", "reset", "verify"] as const;
export type Role = (typeof roles)[number];
/** The reminders the service sends on its own (each one switchable per user). */
export const reminderKinds = [
  "quoteExpiring",
  "runTomorrow",
  "samplesDue",
  "reportReady",
  "quoteWaiting",
] as const;
export type ReminderKind = (typeof reminderKinds)[number];
/** The roles an admin creates accounts for (firms register themselves). */
export const staffRoles = ["operator", "coordinator", "admin"] as const;

export const facilityKinds = ["hub", "facility"] as const;
export const facilityStatuses = ["active", "suspended"] as const;

export const technologyFields = [
  "ai",
  "aerospace",
  "advanced_equipment",
  "biomanufacturing",
  "clean_energy",
  "advanced_materials",
  "electronic_information",
  "medicine_health",
  "food_agriculture",
  "chemicals",
] as const;
export type TechnologyField = (typeof technologyFields)[number];

export const accreditationTypes = [
  "CMA",
  "CNAS",
  "CNAS-ISO17025",
  "ISO9001",
  "GLP",
  "GMP",
] as const;

export const equipmentStatuses = ["operational", "maintenance", "down", "retired"] as const;
/** The statuses an operator sets by hand ("down" comes and goes with a fault report). */
/** Whom a recorded use served: an outside firm, the facility's operating entity, or in-house. */
export const useKinds = ["external", "internal", "inHouse"] as const;
export const evaluationScopes = ["large", "all"] as const;
export const editableEquipmentStatuses = ["operational", "maintenance", "retired"] as const;
export const equipmentSharing = ["external", "internal"] as const;

export const serviceTypes = [
  "inspection",
  "testing",
  "verification",
  "pilot_production",
  "scale_up",
  "consulting",
] as const;
/** The service types whose work ends in a report the firm receives. */
export const reportingServiceTypes: readonly string[] = ["inspection", "testing", "verification"];

export type ServiceType = (typeof serviceTypes)[number];

export const priceBases = [
  "per_hour",
  "per_day",
  "per_sample",
  "per_item",
  "per_batch",
  "quote",
] as const;
/** The kinds of line of an itemised quote. */
export const quoteLineKinds = [
  "machine_time",
  "setup",
  "consumables",
  "labour",
  "sample_prep",
  "report",
  "surcharge",
  "discount",
  "other",
] as const;
export type QuoteLineKind = (typeof quoteLineKinds)[number];
export const serviceStatuses = ["active", "withdrawn"] as const;

export const firmSizes = ["micro", "small", "medium", "large"] as const;

export const requestStatuses = [
  "submitted",
  "quoted",
  "confirmed",
  "in_progress",
  "completed",
  "rejected",
  "withdrawn",
  "expired",
  "cancelled",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const reservationKinds = ["hold", "booking", "maintenance"] as const;
export type ReservationKind = (typeof reservationKinds)[number];

/** A facility's "document" is any file that is neither a report (reports are issued through the
 * report register) nor a fapiao. */
export const attachmentKinds = ["spec", "report", "invoice", "document"] as const;

/** A report's way through the register: tested (awaiting review), reviewed (awaiting approval),
 * released (approved and numbered), then possibly superseded by an amendment or revoked; a
 * reviewer or approver may return it to the tester instead. */
export const reportStatuses = [
  "awaiting_review",
  "awaiting_approval",
  "released",
  "superseded",
  "revoked",
  "returned",
] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** What a sample is while the facility holds it, and how its custody ended. */
export const sampleStatuses = ["held", "split", "consumed", "returned", "disposed"] as const;
/** A sample's custody steps: received, then any moves, and one final step (a split continues in
 * the sub-samples). */
export const sampleStepKinds = [
  "received",
  "moved",
  "split",
  "consumed",
  "returned",
  "disposed",
] as const;
/** Hazard classes a sample is received with (GHS-style groups). */
export const sampleHazards = [
  "none",
  "flammable",
  "oxidising",
  "corrosive",
  "toxic",
  "biological",
  "radioactive",
  "other",
] as const;
export const invoiceStatuses = ["issued", "void"] as const;

/** Why a facility turns a request down: the common reasons, or "other" in the operator's words. */
export const rejectionReasons = [
  "hazard_not_accepted",
  "outside_scope",
  "no_capacity",
  "insufficient_information",
  "other",
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

/** An innovation-voucher allotment application: waiting, granted (with an amount) or refused. */
export const allotmentStatuses = ["pending", "approved", "refused"] as const;
export type AllotmentStatus = (typeof allotmentStatuses)[number];
/** The entries of the voucher ledger. Allotted adds to what a firm may spend; reserved moves
 * cover onto an accepted request; released gives it back; redeemed pays it to the facility;
 * expired removes what was left unspent when the allotment's validity ended. */
export const voucherEntryKinds = [
  "allotted",
  "reserved",
  "released",
  "redeemed",
  "expired",
] as const;
export type VoucherEntryKind = (typeof voucherEntryKinds)[number];
/** A facility's claim for the voucher cover of a paid request. */
export const claimStatuses = ["filed", "approved", "returned"] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** Who paid for an equipment item (the sharing evaluations report it). */
export const fundingSources = [
  "central_fiscal",
  "provincial_fiscal",
  "municipal_fiscal",
  "self_funded",
  "other",
] as const;
export type FundingSource = (typeof fundingSources)[number];

/** What the owning unit used its own equipment for (in-house use). */
export const inHousePurposes = ["research", "teaching", "method_development", "other"] as const;
export type InHousePurpose = (typeof inHousePurposes)[number];

/** A firm's place in a waitlist: waiting in line, offered a held slot (a quote to accept), then
 * booked, lapsed (the offer ran out) or closed (left the line, the request moved on, or the
 * window passed). */
export const waitlistStatuses = ["waiting", "offered", "booked", "lapsed", "closed"] as const;
export type WaitlistStatus = (typeof waitlistStatuses)[number];
export const waitlistCloseReasons = ["left", "movedOn", "windowPassed", "declined"] as const;

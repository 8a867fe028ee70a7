// Input schemas of the booking path, shared by the API and the forms.
import { z } from "zod";
import { serviceTypes, requestStatuses, rejectionReasons } from "@/db/schema/enums";
import { paramRange } from "../registry/inputs";
import { category } from "../hub/inputs";
import { timeInput } from "../time-input";
import { reasonInput } from "../reason-input";
import { idInput } from "@/server/services/id-input";
import { numeric } from "../number-input";
import { quoteLinesInput } from "../money/quote-lines";

type IdCode = `field.id${"Request" | "Facility" | "Service" | "Equipment" | "Maintenance"}`;
const id = (code: IdCode) => idInput(code);
const version = idInput("field.version").optional();
const reason = reasonInput(1000);

/** The hours a need takes, as a request or a waitlist entry asks them. */
export const hoursNeeded = numeric(
  z
    .number({ error: "field.hoursNumber" })
    .int("field.wholeHours")
    .min(1, "field.minHour")
    .max(720, "field.maxHours"),
);
/** The units of an equipment a need takes at once. */
export const unitsNumber = z
  .number({ error: "field.unitsNumber" })
  .int("field.wholeUnits")
  .min(1, "field.minUnit")
  .max(50, "field.maxUnits");

export const submitRequestInput = z
  .object({
    title: z
      .string({ error: "field.titleNeeded" })
      .trim()
      .min(3, "field.titleMin")
      .max(120, "field.maxChars"),
    serviceType: z.enum(serviceTypes, { error: "field.serviceType" }),
    facilityId: id("field.idFacility").optional(),
    serviceId: id("field.idService").optional(),
    equipmentId: id("field.idEquipment").optional(),
    description: z.string().trim().max(5000, "field.maxChars").default(""),
    sampleDetails: z.string().trim().max(2000, "field.maxChars").default(""),
    quantity: z.string().trim().max(200, "field.maxChars").optional(),
    hazardClass: z.string().trim().max(120, "field.maxChars").optional(),
    standard: z.string().trim().max(200, "field.maxChars").optional(),
    equipmentCategory: category.optional(),
    requiredParams: z.array(paramRange).max(8, "field.maxParams").default([]),
    earliestStart: timeInput,
    deadline: timeInput,
    hours: hoursNeeded,
    units: numeric(unitsNumber.default(1)),
    preferredStart: timeInput.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.deadline <= v.earliestStart)
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: "field.afterEarliest",
      });
    else if (v.deadline - v.earliestStart < v.hours * 3_600_000)
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: "field.deadlineTooSoon",
        params: { hours: v.hours },
      });
    if (v.preferredStart !== undefined) {
      if (v.preferredStart < v.earliestStart)
        ctx.addIssue({
          code: "custom",
          path: ["preferredStart"],
          message: "field.notBeforeEarliest",
        });
      else if (v.preferredStart + v.hours * 3_600_000 > v.deadline)
        ctx.addIssue({
          code: "custom",
          path: ["preferredStart"],
          message: "field.doneByDeadline",
        });
      if (v.equipmentId === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["preferredStart"],
          message: "field.equipmentForSlot",
        });
    }
  });
export type SubmitRequestInput = z.input<typeof submitRequestInput>;

export const quoteInput = z
  .object({
    id: id("field.idRequest"),
    version,
    equipmentId: id("field.idEquipment"),
    start: timeInput,
    end: timeInput,
    units: numeric(
      z
        .number({ error: "field.unitsNumber" })
        .int("field.wholeUnits")
        .min(1, "field.minUnit")
        .default(1),
    ),
    /** The quote's lines; or, for a one-line quote, its net amount. */
    lines: quoteLinesInput.optional(),
    amountFen: numeric(
      z
        .number({ error: "field.amountFen" })
        .int("field.wholeFen")
        .min(0, "field.notNegative")
        .max(10_000_000_000, "field.tooLarge")
        .optional(),
    ),
    validUntil: timeInput,
  })
  .superRefine((v, ctx) => {
    if (v.lines === undefined && v.amountFen === undefined)
      ctx.addIssue({ code: "custom", path: ["lines"], message: "field.lineNeeded" });
    if (v.end <= v.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "field.afterStart" });
    if (v.validUntil > v.start)
      ctx.addIssue({
        code: "custom",
        path: ["validUntil"],
        message: "field.beforeSlot",
      });
  });
export type QuoteInput = z.input<typeof quoteInput>;

export const moveInput = z.object({ id: id("field.idRequest"), version });
export const moveWithReasonInput = z.object({ id: id("field.idRequest"), version, reason });
export type MoveInput = z.input<typeof moveInput>;
/** Starting work; before the facility's early-start time it needs a reason. */
export const startInput = moveInput.extend({ earlyReason: reason.optional() });
export type StartInput = z.input<typeof startInput>;
export type MoveWithReasonInput = z.input<typeof moveWithReasonInput>;
/** Turning a request down: one of the common reasons, with the operator's words for "other". */
export const rejectInput = z
  .object({
    id: id("field.idRequest"),
    version,
    reasonCode: z.enum(rejectionReasons, { error: "field.rejectionReason" }).default("other"),
    reason: reason.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reasonCode === "other" && v.reason === undefined)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "field.reasonNeeded" });
  });
export type RejectInput = z.input<typeof rejectInput>;

export const rateInput = z.object({
  id: id("field.idRequest"),
  rating: numeric(
    z
      .number({ error: "field.rateFrom1To5" })
      .int("field.rateFrom1To5")
      .min(1, "field.rateFrom1To5")
      .max(5, "field.rateFrom1To5"),
  ),
  comment: z.string().trim().max(2000, "field.maxChars").default(""),
});

export const messageInput = z.object({
  id: id("field.idRequest"),
  body: z
    .string({ error: "field.writeMessage" })
    .trim()
    .min(1, "field.writeMessage")
    .max(5000, "field.maxChars"),
});

export const listRequestsInput = z.object({
  status: z.enum(requestStatuses, { error: "unknown status" }).optional(),
  page: numeric(z.number().int().min(1, "field.atLeastOne").default(1)),
  pageSize: numeric(z.number().int().min(1).max(100, "field.atMost").default(20)),
  /** For the hub: requests that name no facility. */
  unrouted: z.boolean().optional(),
});

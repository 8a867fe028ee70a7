// Input schemas of the booking path, shared by the API and the forms.
import { z } from "zod";
import { serviceTypes, requestStatuses } from "@/db/schema/enums";
import { paramRange } from "../registry/inputs";
import { timeInput } from "../time-input";

const id = (what: string) =>
  z.coerce
    .number({ error: `must be ${what} id` })
    .int(`must be ${what} id`)
    .positive(`must be ${what} id`);
const version = z.coerce.number().int().positive().optional();
const reason = z
  .string({ error: "give a reason" })
  .trim()
  .min(3, "give a reason of at least 3 characters")
  .max(1000, "at most 1,000 characters");

export const submitRequestInput = z
  .object({
    title: z
      .string({ error: "enter a title" })
      .trim()
      .min(3, "enter a title of at least 3 characters")
      .max(120, "at most 120 characters"),
    serviceType: z.enum(serviceTypes, { error: "choose a service type" }),
    facilityId: id("a facility").optional(),
    serviceId: id("a service").optional(),
    equipmentId: id("an equipment").optional(),
    description: z.string().trim().max(5000, "at most 5,000 characters").default(""),
    sampleDetails: z.string().trim().max(2000, "at most 2,000 characters").default(""),
    quantity: z.string().trim().max(200, "at most 200 characters").optional(),
    hazardClass: z.string().trim().max(120, "at most 120 characters").optional(),
    standard: z.string().trim().max(200, "at most 200 characters").optional(),
    requiredParams: z.array(paramRange).max(8, "at most 8 parameters").default([]),
    earliestStart: timeInput,
    deadline: timeInput,
    hours: z.coerce
      .number({ error: "must be a number of hours" })
      .int("must be whole hours")
      .min(1, "at least 1 hour")
      .max(720, "at most 720 hours"),
    units: z.coerce
      .number({ error: "must be a number of units" })
      .int("must be whole units")
      .min(1, "at least 1 unit")
      .max(50, "at most 50 units")
      .default(1),
    preferredStart: timeInput.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.deadline <= v.earliestStart)
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: "must be after the earliest start",
      });
    else if (v.deadline - v.earliestStart < v.hours * 3_600_000)
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: `leaves less than the ${v.hours} hours needed after the earliest start`,
      });
    if (v.preferredStart !== undefined) {
      if (v.preferredStart < v.earliestStart)
        ctx.addIssue({
          code: "custom",
          path: ["preferredStart"],
          message: "must not be before the earliest start",
        });
      else if (v.preferredStart + v.hours * 3_600_000 > v.deadline)
        ctx.addIssue({
          code: "custom",
          path: ["preferredStart"],
          message: "must leave the work done by the deadline",
        });
      if (v.equipmentId === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["preferredStart"],
          message: "choose the equipment for a preferred slot",
        });
    }
  });
export type SubmitRequestInput = z.input<typeof submitRequestInput>;

export const quoteInput = z
  .object({
    id: id("a request"),
    version,
    equipmentId: id("an equipment"),
    start: timeInput,
    end: timeInput,
    units: z.coerce
      .number({ error: "must be a number of units" })
      .int("must be whole units")
      .min(1, "at least 1 unit")
      .default(1),
    amountFen: z.coerce
      .number({ error: "must be an amount in fen" })
      .int("must be whole fen")
      .min(0, "must not be negative")
      .max(10_000_000_000, "is too large"),
    validUntil: timeInput,
  })
  .superRefine((v, ctx) => {
    if (v.end <= v.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
    if (v.validUntil > v.start)
      ctx.addIssue({
        code: "custom",
        path: ["validUntil"],
        message: "must not be after the slot starts",
      });
  });
export type QuoteInput = z.input<typeof quoteInput>;

export const moveInput = z.object({ id: id("a request"), version });
export const moveWithReasonInput = z.object({ id: id("a request"), version, reason });
export type MoveInput = z.input<typeof moveInput>;
export type MoveWithReasonInput = z.input<typeof moveWithReasonInput>;

export const rateInput = z.object({
  id: id("a request"),
  rating: z.coerce
    .number({ error: "rate from 1 to 5" })
    .int("rate from 1 to 5")
    .min(1, "rate from 1 to 5")
    .max(5, "rate from 1 to 5"),
  comment: z.string().trim().max(2000, "at most 2,000 characters").default(""),
});

export const messageInput = z.object({
  id: id("a request"),
  body: z
    .string({ error: "write a message" })
    .trim()
    .min(1, "write a message")
    .max(5000, "at most 5,000 characters"),
});

export const listRequestsInput = z.object({
  status: z.enum(requestStatuses, { error: "unknown status" }).optional(),
  page: z.coerce.number().int().min(1, "must be 1 or more").default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "at most 100").default(20),
  /** For the hub: requests that name no facility. */
  unrouted: z.boolean().optional(),
});

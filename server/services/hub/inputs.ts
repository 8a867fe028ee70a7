// What a firm or a coordinator asks the hub to match.
import { z } from "zod";
import { serviceTypes, technologyFields } from "@/db/schema/enums";
import { prefectureCodes } from "@/db/reference/prefectures";
import { paramRange } from "../registry/inputs";
import { timeInput } from "../time-input";
import { numeric } from "../number-input";

/** An equipment category of the catalogue, in its stored form (snake_case). */
export const category = z
  .string({ error: "field.category" })
  .trim()
  .regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, "field.category")
  .max(60, "field.maxChars");

export const matchInput = z
  .object({
    serviceType: z.enum(serviceTypes, { error: "field.serviceType" }),
    field: z.enum(technologyFields, { error: "unknown technology field" }).optional(),
    category: category.optional(),
    requiredParams: z.array(paramRange).max(8, "field.maxParams").default([]),
    accreditation: z
      .enum(["CMA", "CNAS"], { error: "accreditation must be CMA or CNAS" })
      .optional(),
    prefecture: z.enum(prefectureCodes, { error: "unknown prefecture" }).optional(),
    earliestStart: timeInput,
    deadline: timeInput,
    hours: numeric(
      z
        .number({ error: "field.hoursNumber" })
        .int("field.wholeHours")
        .min(1, "field.minHour")
        .max(720, "field.maxHours"),
    ),
    units: numeric(z.number().int("field.wholeUnits").min(1, "field.minUnit").max(50).default(1)),
    limit: numeric(z.number().int().min(1).max(50).default(10)),
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
        path: ["hours"],
        message: "field.windowDoesNotFit",
      });
    else if (v.deadline - v.earliestStart > 366 * 86_400_000)
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: "the window may be at most 366 days",
      });
  });
export type MatchInput = z.input<typeof matchInput>;

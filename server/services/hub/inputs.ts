// What a firm or a coordinator asks the hub to match.
import { z } from "zod";
import { serviceTypes, technologyFields } from "@/db/schema/enums";
import { prefectureCodes } from "@/db/reference/prefectures";
import { paramRange } from "../registry/inputs";
import { timeInput } from "../time-input";

export const matchInput = z
  .object({
    serviceType: z.enum(serviceTypes, { error: "choose a service type" }),
    field: z.enum(technologyFields, { error: "unknown technology field" }).optional(),
    requiredParams: z.array(paramRange).max(8, "at most 8 parameters").default([]),
    accreditation: z
      .enum(["CMA", "CNAS"], { error: "accreditation must be CMA or CNAS" })
      .optional(),
    prefecture: z.enum(prefectureCodes, { error: "unknown prefecture" }).optional(),
    earliestStart: timeInput,
    deadline: timeInput,
    hours: z.coerce
      .number({ error: "must be a number of hours" })
      .int("must be whole hours")
      .min(1, "at least 1 hour")
      .max(720, "at most 720 hours"),
    units: z.coerce
      .number()
      .int("must be whole units")
      .min(1, "at least 1 unit")
      .max(50)
      .default(1),
    limit: z.coerce.number().int().min(1).max(50).default(10),
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
        path: ["hours"],
        message: "do not fit between the earliest start and the deadline",
      });
    else if (v.deadline - v.earliestStart > 366 * 86_400_000)
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: "the window may be at most 366 days",
      });
  });
export type MatchInput = z.input<typeof matchInput>;

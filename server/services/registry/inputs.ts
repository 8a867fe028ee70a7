// Input schemas of the public registry, shared by the API and the search pages.
import { z } from "zod";
import { technologyFields, serviceTypes, facilityKinds } from "@/db/schema/enums";
import { prefectureCodes } from "@/db/reference/prefectures";
import { parameterKeys } from "@/db/reference/parameters";
import { isParameterKey, unitsFor } from "./units";
import { timeInput } from "../time-input";

const text = z.string().trim().max(100, "at most 100 characters").optional();
const page = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(1, "must be 1 or more")
  .max(10_000)
  .default(1);
const pageSize = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(1, "must be 1 or more")
  .max(100, "at most 100")
  .default(20);

export const listFacilitiesInput = z.object({
  q: text,
  field: z.enum(technologyFields, { error: "unknown technology field" }).optional(),
  prefecture: z.enum(prefectureCodes, { error: "unknown prefecture" }).optional(),
  serviceType: z.enum(serviceTypes, { error: "unknown service type" }).optional(),
  accreditation: z.enum(["CMA", "CNAS"], { error: "accreditation must be CMA or CNAS" }).optional(),
  kind: z.enum(facilityKinds, { error: "kind must be hub or facility" }).optional(),
  sort: z.enum(["name", "equipment"], { error: "sort must be name or equipment" }).default("name"),
  locale: z.enum(["en", "zh"]).default("en"),
  page,
  pageSize,
});
export type ListFacilitiesInput = z.input<typeof listFacilitiesInput>;

const finite = z.coerce
  .number({ error: "must be a number" })
  .refine(Number.isFinite, "must be a number");

export const paramRange = z
  .object({
    key: z.string({ error: "choose a parameter" }),
    min: finite.optional(),
    max: finite.optional(),
    unit: z.string({ error: "choose a unit" }),
  })
  .superRefine((p, ctx) => {
    if (!isParameterKey(p.key)) {
      ctx.addIssue({
        code: "custom",
        path: ["key"],
        message: `unknown parameter '${p.key}'; known: ${Object.keys(parameterKeys).join(", ")}`,
      });
      return;
    }
    if (!unitsFor(p.key).includes(p.unit))
      ctx.addIssue({
        code: "custom",
        path: ["unit"],
        message: `unknown unit '${p.unit}' for ${p.key}; use ${unitsFor(p.key).join(", ")}`,
      });
    if (p.min === undefined && p.max === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["min"],
        message: "give at least a minimum or a maximum",
      });
    if (p.min !== undefined && p.max !== undefined && p.min > p.max)
      ctx.addIssue({ code: "custom", path: ["max"], message: "the maximum is below the minimum" });
  });
export type ParamRange = z.output<typeof paramRange>;

export const searchEquipmentInput = z.object({
  q: text,
  category: z.string().trim().max(60).optional(),
  prefecture: z.enum(prefectureCodes, { error: "unknown prefecture" }).optional(),
  params: z.array(paramRange).max(8, "at most 8 parameter ranges").default([]),
  durationHours: z.coerce
    .number({ error: "must be a number of hours" })
    .int("must be whole hours")
    .min(1, "at least 1 hour")
    .max(720, "at most 720 hours")
    .optional(),
  page,
  pageSize,
});
export type SearchEquipmentInput = z.input<typeof searchEquipmentInput>;

export const MAX_WINDOW_DAYS = 366;
export const availabilityInput = z
  .object({
    equipmentId: z.coerce
      .number({ error: "must be an equipment id" })
      .int()
      .positive("must be an equipment id"),
    from: timeInput,
    to: timeInput,
  })
  .superRefine((v, ctx) => {
    if (v.to <= v.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    else if (v.to - v.from > MAX_WINDOW_DAYS * 86_400_000)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `the window may be at most ${MAX_WINDOW_DAYS} days`,
      });
  });
export type AvailabilityInput = z.input<typeof availabilityInput>;

export const listServicesInput = z.object({
  q: text,
  type: z.enum(serviceTypes, { error: "unknown service type" }).optional(),
  facility: z.string().trim().max(80).optional(),
  page,
  pageSize,
});
export type ListServicesInput = z.input<typeof listServicesInput>;

export const slugInput = z.object({
  slug: z.string().trim().min(1, "enter a facility slug").max(80),
});
export const idInput = z.object({
  id: z.coerce.number({ error: "must be an id" }).int("must be an id").positive("must be an id"),
});

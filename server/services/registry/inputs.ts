// Input schemas of the public registry, shared by the API and the search pages.
import { z } from "zod";
import { technologyFields, serviceTypes, facilityKinds } from "@/db/schema/enums";
import { prefectureCodes } from "@/db/reference/prefectures";
import { parameterKeys } from "@/db/reference/parameters";
import { isParameterKey, unitsFor } from "./units";
import { timeInput } from "../time-input";
import { idInput } from "@/server/services/id-input";
import { numeric } from "../number-input";

const text = z.string().trim().max(100, "field.maxChars").optional();
const page = numeric(
  z
    .number({ error: "field.wholeNumber" })
    .int("field.wholeNumber")
    .min(1, "field.atLeastOne")
    .max(10_000)
    .default(1),
);
const pageSize = numeric(
  z
    .number({ error: "field.wholeNumber" })
    .int("field.wholeNumber")
    .min(1, "field.atLeastOne")
    .max(100, "field.atMost")
    .default(20),
);

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

const finite = numeric(z.number({ error: "field.number" }).refine(Number.isFinite, "field.number"));

export const paramRange = z
  .object({
    key: z.string({ error: "field.paramKey" }),
    min: finite.optional(),
    max: finite.optional(),
    unit: z.string({ error: "field.paramUnit" }),
  })
  .superRefine((p, ctx) => {
    if (!isParameterKey(p.key)) {
      ctx.addIssue({
        code: "custom",
        path: ["key"],
        message: "field.unknownParam",
        params: { key: p.key, known: Object.keys(parameterKeys).join(", ") },
      });
      return;
    }
    if (!unitsFor(p.key).includes(p.unit))
      ctx.addIssue({
        code: "custom",
        path: ["unit"],
        message: "field.unknownUnit",
        params: { unit: p.unit, key: p.key, units: unitsFor(p.key).join(", ") },
      });
    if (p.min === undefined && p.max === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["min"],
        message: "field.minOrMax",
      });
    if (p.min !== undefined && p.max !== undefined && p.min > p.max)
      ctx.addIssue({ code: "custom", path: ["max"], message: "field.maxBelowMin" });
  });
export type ParamRange = z.output<typeof paramRange>;

export const searchEquipmentInput = z.object({
  q: text,
  category: z.string().trim().max(60).optional(),
  prefecture: z.enum(prefectureCodes, { error: "unknown prefecture" }).optional(),
  params: z.array(paramRange).max(8, "field.maxRanges").default([]),
  durationHours: numeric(
    z
      .number({ error: "field.hoursNumber" })
      .int("field.wholeHours")
      .min(1, "field.minHour")
      .max(720, "field.maxHours")
      .optional(),
  ),
  page,
  pageSize,
});
export type SearchEquipmentInput = z.input<typeof searchEquipmentInput>;

export const MAX_WINDOW_DAYS = 366;
export const availabilityInput = z
  .object({
    equipmentId: idInput(),
    from: timeInput,
    to: timeInput,
  })
  .superRefine((v, ctx) => {
    if (v.to <= v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "field.afterFrom" });
    else if (v.to - v.from > MAX_WINDOW_DAYS * 86_400_000)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "field.windowMaxDays",
        params: { days: MAX_WINDOW_DAYS },
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
  slug: z.string().trim().min(1, "field.slugNeeded").max(80),
});
export const idObject = z.object({
  id: idInput(),
});

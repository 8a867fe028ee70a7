// What an admin may set on a facility: the registry entry (names, kind, host, prefecture, fields,
// descriptions, contact) and, at creation, its weekly opening hours from a preset.
import { z } from "zod";
import { facilityKinds, facilityStatuses, technologyFields } from "@/db/schema/enums";
import { prefectureCodes } from "@/db/reference/prefectures";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { facilityProfileFields } from "../facility-profile-fields";
import { idInput } from "@/server/services/id-input";
import { numeric } from "../number-input";

/** The profile fields, plus what only an admin sets: host, level, prefecture and fields. */
const facilityFields = facilityProfileFields.extend({
  host: z.string().trim().max(200).optional(),
  level: z.string().trim().max(60).optional(),
  prefecture: z.enum(prefectureCodes, { error: "field.prefecture" }),
  fields: z
    .array(z.enum(technologyFields, { error: "field.unknownField" }))
    .min(1, "field.chooseField")
    .max(10),
});

/** The weekly opening hours a new facility starts with (its operator refines them). */
export const openingPresets = Object.keys(openingHoursPresets) as [
  keyof typeof openingHoursPresets,
  ...(keyof typeof openingHoursPresets)[],
];

export const createFacilityInput = facilityFields.extend({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, "field.minChars")
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "field.slugFormat"),
  kind: z.enum(facilityKinds, { error: "field.kind" }).default("facility"),
  openingHours: z.enum(openingPresets, { error: "field.openingPreset" }).default("office"),
});

export const updateFacilityInput = facilityFields.partial().extend({
  id: idInput(),
  version: idInput("field.version").optional(),
});

/** A slug in the format above from an English name: "Pilot Lab (West)" → "pilot-lab-west". */
export function slugFrom(name: string, maxLength = 60): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, "");
}

export const setFacilityStatusInput = z
  .object({
    id: idInput(),
    status: z.enum(facilityStatuses, { error: "active or suspended" }),
    reason: z.string().trim().max(500, "field.maxChars").default(""),
  })
  // Suspending takes a facility out of search and booking: the firms and the audit need a reason.
  .superRefine((v, ctx) => {
    if (v.status === "suspended" && v.reason.length < 3)
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "field.reasonMin",
        params: { minimum: 3 },
      });
  });

export const adminListFacilitiesInput = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(facilityStatuses).optional(),
  page: numeric(z.number().int().min(1).max(10_000).default(1)),
  pageSize: numeric(z.number().int().min(1).max(500).default(50)),
});

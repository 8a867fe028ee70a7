// The capability ranges an operator declares for an equipment item: each parameter once, in any
// unit its key accepts (stored in the key's canonical unit), with at least one bound.
import { z } from "zod";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { equipmentParams } from "@/db/schema";
import type { ParameterKey } from "@/db/reference/parameters";
import { canonicalUnit, isParameterKey, toCanonical, unitsFor } from "../registry/units";
import { numeric } from "../number-input";

const bound = numeric(
  z
    .number({ error: "field.number" })
    .refine(Number.isFinite, "field.number")
    .nullable()
    .default(null),
);

const declaredParam = z
  .object({
    key: z.string({ error: "field.paramKey" }),
    min: bound,
    max: bound,
    unit: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    if (!isParameterKey(p.key)) {
      ctx.addIssue({ code: "custom", path: ["key"], message: "field.paramKey" });
      return;
    }
    if (p.unit !== undefined && !unitsFor(p.key).includes(p.unit))
      ctx.addIssue({
        code: "custom",
        path: ["unit"],
        message: "field.unknownUnit",
        params: { unit: p.unit, key: p.key, units: unitsFor(p.key).join(", ") },
      });
    if (p.min === null && p.max === null)
      ctx.addIssue({ code: "custom", path: ["min"], message: "field.minOrMax" });
    if (p.min !== null && p.max !== null && p.min > p.max)
      ctx.addIssue({ code: "custom", path: ["max"], message: "field.maxBelowMin" });
  })
  .transform((p) => {
    const key = p.key as ParameterKey;
    const unit = p.unit ?? canonicalUnit(key);
    const canonical = (v: number | null) => (v === null ? null : toCanonical(key, v, unit));
    return { key, min: canonical(p.min), max: canonical(p.max) };
  });

/** Up to 12 parameters, none twice. */
export const equipmentParamsInput = z
  .array(declaredParam)
  .max(12, "field.maxRanges")
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const [i, p] of list.entries()) {
      if (seen.has(p.key))
        ctx.addIssue({ code: "custom", path: [i, "key"], message: "field.paramTwice" });
      seen.add(p.key);
    }
  });

/** Replaces the equipment's declared ranges. */
export function writeEquipmentParams(
  tx: DbOrTx,
  equipmentId: number,
  params: z.output<typeof equipmentParamsInput>,
  replace: boolean,
): void {
  if (replace) tx.delete(equipmentParams).where(eq(equipmentParams.equipmentId, equipmentId)).run();
  if (params.length)
    tx.insert(equipmentParams)
      .values(params.map((p) => ({ equipmentId, unit: canonicalUnit(p.key), ...p })))
      .run();
}

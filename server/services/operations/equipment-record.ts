// The equipment record the open-sharing evaluations need, as API input: asset number, original
// value (on the equipment's own schema), purchase day and funding source. Shared by create and
// update.
import { z } from "zod";
import { fundingSources } from "@/db/schema/enums";
import { NETWORK_TIME_ZONE, localDateKey, parseLocal } from "../scheduling/local-time";
import { now } from "../clock";

export const equipmentRecordInput = {
  assetNumber: z
    .string({ error: "field.assetNumber" })
    .trim()
    .max(40, "field.maxChars")
    .regex(/^[A-Za-z0-9._/-]*$/, "field.assetNumber")
    .optional(),
  purchaseDate: z
    .string({ error: "field.day" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "field.day")
    .refine((d) => !Number.isNaN(parseLocal(d, NETWORK_TIME_ZONE)), "field.day")
    .refine((d) => d <= localDateKey(now(), NETWORK_TIME_ZONE), "field.notInFuture")
    .nullable()
    .optional(),
  fundingSource: z.enum(fundingSources, { error: "field.fundingSource" }).nullable().optional(),
};

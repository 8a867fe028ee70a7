// The public profile of a facility as both its operator and an admin edit it: names, descriptions,
// address and contact. Names are required; the rest may be left out.
import { z } from "zod";
import { creditCodeInput } from "./firms/credit-code";

export const facilityProfileFields = z.object({
  nameEn: z.string().trim().min(3, "field.minChars").max(200),
  nameZh: z.string().trim().min(2, "field.minChars").max(100),
  descriptionEn: z.string().trim().max(4000).optional(),
  descriptionZh: z.string().trim().max(4000).optional(),
  address: z.string().trim().max(300).optional(),
  contactName: z.string().trim().max(120).optional(),
  contactPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\- ]*$/, "field.phone")
    .optional(),
  contactEmail: z.union([z.literal(""), z.email({ message: "field.email" })]).optional(),
  /** The operating entity's credit code, printed on service agreements. */
  creditCode: creditCodeInput.optional(),
});

// A reason a person gives for a refusal, a return or a voided document: at least 3 characters,
// at most `max` (500 by default).
import { z } from "zod";

export const reasonInput = (max = 500) =>
  z
    .string({ error: "field.reasonNeeded" })
    .trim()
    .min(3, "field.reasonMin")
    .max(max, "field.maxChars");

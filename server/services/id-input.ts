// Ids (and versions) in API inputs: a positive safe integer, given as a number or as decimal
// digits only. `true`, "0x10", [16], " 12 ", "1e1" and "012" are not ids.
import { z } from "zod";

export function idInput(code = "field.id") {
  return z.union([z.number(), z.string()], { error: code }).transform((value, ctx) => {
    const n =
      typeof value === "number" ? value : /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : NaN;
    if (Number.isSafeInteger(n) && n > 0) return n;
    ctx.addIssue({ code: "custom", message: code });
    return z.NEVER;
  });
}

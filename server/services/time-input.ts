// Times in API inputs: ISO-8601 strings (with a date, optionally a time and offset) or epoch
// milliseconds.
import { z } from "zod";

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MESSAGE = "field.time";

export const timeInput = z
  .union([z.number(), z.string()], { error: MESSAGE })
  .transform((value, ctx) => {
    if (typeof value === "number") {
      if (Number.isInteger(value) && value >= 0 && value < 8.64e15) return value;
      ctx.addIssue({ code: "custom", message: MESSAGE });
      return z.NEVER;
    }
    const trimmed = value.trim();
    // A bare date is the start of that day in Asia/Shanghai, the network's time zone.
    const withZone = /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
      ? `${trimmed}T00:00:00+08:00`
      : /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed)
        ? `${trimmed}+08:00`
        : trimmed;
    const ms = ISO.test(trimmed) ? Date.parse(withZone) : NaN;
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: MESSAGE });
      return z.NEVER;
    }
    return ms;
  });

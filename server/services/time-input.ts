// Times in API inputs: ISO-8601 strings (with a date, optionally a time and offset) or epoch
// milliseconds.
import { z } from "zod";
import { NETWORK_TIME_ZONE, parseLocal } from "./scheduling/local-time";

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MESSAGE = "field.time";
/** Times the service accepts: years 2000 to 2099 (UTC), well inside what date routines handle. */
const FIRST_YEAR = 2000;
const END_YEAR = 2100;
const EARLIEST = Date.UTC(FIRST_YEAR, 0, 1);
const LATEST = Date.UTC(END_YEAR, 0, 1);

export const timeInput = z
  .union([z.number(), z.string()], { error: MESSAGE })
  .transform((value, ctx) => {
    if (typeof value === "number") {
      if (Number.isInteger(value)) return inRange(value, ctx);
      ctx.addIssue({ code: "custom", message: MESSAGE });
      return z.NEVER;
    }
    const trimmed = value.trim();
    // A bare date or a time without an offset is read in the network's time zone.
    const local = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(trimmed);
    const ms = !ISO.test(trimmed)
      ? NaN
      : local
        ? parseLocal(trimmed.replace(/\.\d+$/, ""), NETWORK_TIME_ZONE) +
          Number(/\.\d+$/.exec(trimmed)?.[0] ?? 0) * 1000
        : Date.parse(trimmed);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: MESSAGE });
      return z.NEVER;
    }
    return inRange(ms, ctx);
  });

function inRange(ms: number, ctx: z.RefinementCtx) {
  if (ms >= EARLIEST && ms < LATEST) return ms;
  ctx.addIssue({
    code: "custom",
    message: "field.timeRange",
    params: { first: String(FIRST_YEAR), last: String(END_YEAR - 1) },
  });
  return z.NEVER;
}

// Input schemas of the operator workspace.
import { z } from "zod";
import { timeInput } from "../time-input";

const id = (what: string) =>
  z.coerce
    .number({ error: `must be ${what} id` })
    .int(`must be ${what} id`)
    .positive(`must be ${what} id`);

export const createMaintenanceInput = z
  .object({
    /** Omit for a window over the whole facility. */
    equipmentId: id("an equipment").optional(),
    start: timeInput,
    end: timeInput,
    reason: z
      .string({ error: "give a reason" })
      .trim()
      .min(3, "give a reason of at least 3 characters")
      .max(500, "at most 500 characters"),
    /** Weekly recurrence: the same window this many weeks in a row (1 = one-off). */
    weeks: z.coerce
      .number({ error: "must be a number of weeks" })
      .int("must be whole weeks")
      .min(1, "at least 1")
      .max(52, "at most 52 weeks")
      .default(1),
    /** Cancel the holds and bookings the window would meet, with the window's reason. */
    cancelAffected: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.end <= v.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
    else if (v.end - v.start > 31 * 86_400_000)
      ctx.addIssue({ code: "custom", path: ["end"], message: "a window may last at most 31 days" });
    else if (v.weeks > 1 && v.end - v.start >= 7 * 86_400_000)
      ctx.addIssue({
        code: "custom",
        path: ["weeks"],
        message: "a weekly window must be shorter than a week",
      });
  });
export type CreateMaintenanceInput = z.input<typeof createMaintenanceInput>;

export const listMaintenanceInput = z.object({
  from: timeInput.optional(),
  to: timeInput.optional(),
});
export const removeMaintenanceInput = z.object({ id: id("a maintenance window") });

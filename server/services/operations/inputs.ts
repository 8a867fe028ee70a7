// Input schemas of the operator workspace.
import { z } from "zod";
import { timeInput } from "../time-input";
import { idInput } from "@/server/services/id-input";
import { numeric } from "../number-input";

type IdCode = `field.id${"Request" | "Facility" | "Service" | "Equipment" | "Maintenance"}`;
const id = (code: IdCode) => idInput(code);

export const createMaintenanceInput = z
  .object({
    /** Omit for a window over the whole facility. */
    equipmentId: id("field.idEquipment").optional(),
    start: timeInput,
    end: timeInput,
    reason: z
      .string({ error: "field.reasonNeeded" })
      .trim()
      .min(3, "field.reasonMin")
      .max(500, "field.maxChars"),
    /** Weekly recurrence: the same window this many weeks in a row (1 = one-off). */
    weeks: numeric(
      z
        .number({ error: "field.weeksNumber" })
        .int("field.wholeWeeks")
        .min(1, "field.atLeast")
        .max(52, "field.maxWeeks")
        .default(1),
    ),
    /** Cancel the holds and bookings the window would meet, with the window's reason. */
    cancelAffected: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.end <= v.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "field.afterStart" });
    else if (v.end - v.start > 31 * 86_400_000)
      ctx.addIssue({ code: "custom", path: ["end"], message: "field.windowMax31" });
    else if (v.weeks > 1 && v.end - v.start >= 7 * 86_400_000)
      ctx.addIssue({
        code: "custom",
        path: ["weeks"],
        message: "field.weeklyWindow",
      });
  });
export type CreateMaintenanceInput = z.input<typeof createMaintenanceInput>;

export const listMaintenanceInput = z.object({
  from: timeInput.optional(),
  to: timeInput.optional(),
});
export const removeMaintenanceInput = z.object({ id: id("field.idMaintenance") });

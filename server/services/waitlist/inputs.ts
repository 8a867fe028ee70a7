// What joining and leaving a waitlist take.
import { z } from "zod";
import { idInput } from "../id-input";
import { numeric } from "../number-input";
import { timeInput } from "../time-input";
import { hoursNeeded, unitsNumber } from "../booking/inputs";

const DAY = 86_400_000;
/** How far a waitlist window may reach. */
export const MAX_WAIT_WINDOW_DAYS = 90;

export const joinWaitlistInput = z
  .object({
    requestId: idInput("field.idRequest"),
    windowStart: timeInput,
    windowEnd: timeInput,
    hours: hoursNeeded,
    units: numeric(unitsNumber),
  })
  .superRefine((v, ctx) => {
    if (v.windowEnd <= v.windowStart)
      ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "field.afterStart" });
    else if (v.windowEnd - v.windowStart > MAX_WAIT_WINDOW_DAYS * DAY)
      ctx.addIssue({
        code: "custom",
        path: ["windowEnd"],
        message: "field.windowMaxDays",
        params: { days: MAX_WAIT_WINDOW_DAYS },
      });
    else if (v.windowEnd - v.windowStart < v.hours * 3_600_000)
      ctx.addIssue({ code: "custom", path: ["hours"], message: "field.waitWindowTooShort" });
  });
export type JoinWaitlistInput = z.input<typeof joinWaitlistInput>;

export const waitlistEntryInput = z.object({ entryId: idInput("field.idWaitlistEntry") });
export const waitlistOfRequestInput = z.object({ requestId: idInput("field.idRequest") });

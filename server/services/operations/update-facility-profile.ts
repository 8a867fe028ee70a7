// An operator edits their facility's public profile: names and descriptions in both languages,
// address, contact, weekly opening hours and accreditations. New opening hours are refused while
// future holds or bookings would fall outside them.
import { vatRatesBp } from "../money/amounts";
import { blocksCapacity } from "@/db/blocking";
import { describeBookings } from "@/server/services/scheduling/local-time";
import { and, eq, gt, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { accreditations, bookingRequests, facilities, reservations } from "@/db/schema";
import type { OpeningHours } from "@/db/schema/registry";
import type { Actor } from "../actor";
import { refuse, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { recordAudit } from "../audit/record-audit";
import { openIntervals } from "../scheduling/opening-hours";
import { totalLength } from "../scheduling/intervals";
import { facilityProfileFields } from "../facility-profile-fields";
import { idInput } from "@/server/services/id-input";
import { numeric } from "../number-input";
import { classifyFacilityUses } from "./use-kind";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "field.hhmm");
const daySpans = z
  .array(z.tuple([hhmm, hhmm]))
  .max(4)
  .superRefine((spans, ctx) => {
    const sorted = [...spans].sort((a, b) => a[0].localeCompare(b[0]));
    for (const [i, [a, b]] of sorted.entries()) {
      if (a >= b)
        ctx.addIssue({ code: "custom", message: "field.spanEnd", params: { span: `${a}–${b}` } });
      if (i > 0 && a < sorted[i - 1][1])
        ctx.addIssue({
          code: "custom",
          message: "field.spanOverlap",
          params: { span: `${a}–${b}`, other: `${sorted[i - 1][0]}–${sorted[i - 1][1]}` },
        });
    }
  });

export const updateFacilityProfileInput = facilityProfileFields.partial().extend({
  version: idInput("field.version").optional(),
  earlyStartMinutes: numeric(
    z
      .number({ error: "field.wholeNumber" })
      .int("field.wholeNumber")
      .min(0, "field.notNegativeShort")
      .max(7 * 24 * 60, "field.atMost"),
  ).optional(),
  vatRateBp: numeric(
    z
      .number({ error: "field.vatRate" })
      .refine((v) => (vatRatesBp as readonly number[]).includes(v), "field.vatRate"),
  ).optional(),
  openingHours: z
    .object({
      "0": daySpans,
      "1": daySpans,
      "2": daySpans,
      "3": daySpans,
      "4": daySpans,
      "5": daySpans,
      "6": daySpans,
    })
    .optional(),
  accreditations: z
    .array(
      z.object({
        type: z.enum(["CMA", "CNAS", "CNAS-ISO17025", "ISO9001", "GLP", "GMP"], {
          error: "unknown accreditation",
        }),
        certificateNo: z.string().trim().min(3).max(60),
        scope: z.string().trim().max(300).default(""),
        validUntil: numeric(z.number().int().positive()),
      }),
    )
    .max(20)
    .optional(),
});

export function updateFacilityProfile(
  db: DB,
  actor: Actor & { facilityId: number },
  raw: z.input<typeof updateFacilityProfileInput>,
) {
  const input = parseInput(updateFacilityProfileInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const f = tx.select().from(facilities).where(eq(facilities.id, actor.facilityId)).get();
      if (!f) throw notFound("facility");
      if (input.version !== undefined && input.version !== f.version)
        throw refuse("CONFLICT", "operations.profileStale");
      if (input.openingHours) {
        const hours = input.openingHours as OpeningHours;
        const live = tx
          .select({ ref: bookingRequests.ref, start: reservations.start, end: reservations.end })
          .from(reservations)
          .innerJoin(bookingRequests, eq(bookingRequests.id, reservations.requestId))
          .where(
            and(
              eq(reservations.facilityId, f.id),
              inArray(reservations.kind, ["hold", "booking"]),
              blocksCapacity(at),
              gt(reservations.start, at),
            ),
          )
          .all();
        const outside = live.filter(
          (r) => totalLength(openIntervals(hours, f.timeZone, r.start, r.end)) < r.end - r.start,
        );
        if (outside.length)
          throw refuse("CONFLICT", "operations.outsideHours", {
            list: describeBookings(outside, f.timeZone),
          });
      }
      const { version: _v, accreditations: certs, ...changes } = input;
      tx.update(facilities)
        .set({ ...changes, version: f.version + 1, updatedAt: at })
        .where(eq(facilities.id, f.id))
        .run();
      if (changes.creditCode !== undefined && changes.creditCode !== f.creditCode)
        classifyFacilityUses(tx, f.id);
      if (certs) {
        tx.delete(accreditations).where(eq(accreditations.facilityId, f.id)).run();
        if (certs.length)
          tx.insert(accreditations)
            .values(certs.map((c) => ({ ...c, facilityId: f.id })))
            .run();
      }
      recordAudit(tx, {
        action: "facility.profile_updated",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `facility:${f.id}`,
        detail: { fields: Object.keys(changes), accreditations: certs?.length },
      });
      return { id: f.id, version: f.version + 1 };
    },
    { behavior: "immediate" },
  );
}

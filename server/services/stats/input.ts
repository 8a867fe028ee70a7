// The period and filters every monitoring figure takes, and the SQL that applies them.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { technologyFields, serviceTypes } from "@/db/schema/enums";
import { prefectureCodes } from "@/db/reference/prefectures";
import { timeInput } from "../time-input";
import { idInput } from "@/server/services/id-input";

export const MAX_PERIOD_MS = 5 * 366 * 86_400_000;

/** A period is [from, to): to after from, at most five years long. */
export function checkPeriod(v: { from: number; to: number }, ctx: z.RefinementCtx): void {
  if (v.to <= v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "field.afterFrom" });
  else if (v.to - v.from > MAX_PERIOD_MS)
    ctx.addIssue({ code: "custom", path: ["to"], message: "field.periodMax5y" });
}

export const statsInput = z
  .object({
    from: timeInput,
    to: timeInput,
    prefecture: z.enum(prefectureCodes, { error: "unknown prefecture" }).optional(),
    field: z.enum(technologyFields, { error: "unknown technology field" }).optional(),
    facilityId: idInput().optional(),
    serviceType: z.enum(serviceTypes, { error: "unknown service type" }).optional(),
  })
  .superRefine(checkPeriod);
export type StatsInput = z.input<typeof statsInput>;
export type StatsFilters = z.output<typeof statsInput>;

/** A condition on `facilities f` for the prefecture, field and facility filters. */
export function facilityCondition(input: StatsFilters): SQL {
  const where: SQL[] = [sql`1 = 1`];
  if (input.prefecture) where.push(sql`f.prefecture = ${input.prefecture}`);
  if (input.field)
    where.push(sql`EXISTS (SELECT 1 FROM json_each(f.fields) j WHERE j.value = ${input.field})`);
  if (input.facilityId) where.push(sql`f.id = ${input.facilityId}`);
  return sql.join(where, sql` AND `);
}

/**
 * A condition on `booking_requests r`: the filtered facilities' requests (unrouted ones only
 * without a facility filter) and the service type.
 */
export function requestCondition(input: StatsFilters): SQL {
  const facilityFiltered = Boolean(input.prefecture || input.field || input.facilityId);
  const facilities = facilityFiltered
    ? sql`r.facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityCondition(input)})`
    : sql`1 = 1`;
  return input.serviceType
    ? sql`${facilities} AND r.service_type = ${input.serviceType}`
    : facilities;
}

export const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

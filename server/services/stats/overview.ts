// The science department's headline figures for a period and filters, computed with SQL
// aggregations (requests are never loaded row by row). A ratio with nothing to divide by is null,
// shown as "—".
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { technologyFields, serviceTypes } from "@/db/schema/enums";
import { prefectureCodes } from "@/db/reference/prefectures";
import { parseInput } from "../parse-input";
import { timeInput } from "../time-input";
import { equipmentUtilisation } from "../scheduling/utilisation";

export const statsInput = z
  .object({
    from: timeInput,
    to: timeInput,
    prefecture: z.enum(prefectureCodes, { error: "unknown prefecture" }).optional(),
    field: z.enum(technologyFields, { error: "unknown technology field" }).optional(),
    facilityId: z.coerce.number().int().positive().optional(),
    serviceType: z.enum(serviceTypes, { error: "unknown service type" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.to <= v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    else if (v.to - v.from > 5 * 366 * 86_400_000) ctx.addIssue({ code: "custom", path: ["to"], message: "the period may be at most 5 years" });
  });
export type StatsInput = z.input<typeof statsInput>;

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const HOUR = 3_600_000;

export function statsOverview(db: DB, raw: StatsInput) {
  const input = parseInput(statsInput, raw);
  const { from, to } = input;
  const facilityWhere: SQL[] = [sql`1 = 1`];
  if (input.prefecture) facilityWhere.push(sql`f.prefecture = ${input.prefecture}`);
  if (input.field) facilityWhere.push(sql`EXISTS (SELECT 1 FROM json_each(f.fields) j WHERE j.value = ${input.field})`);
  if (input.facilityId) facilityWhere.push(sql`f.id = ${input.facilityId}`);
  const facilityFilter = sql.join(facilityWhere, sql` AND `);
  const facilityFiltered = Boolean(input.prefecture || input.field || input.facilityId);
  // Requests of the filtered facilities (unrouted ones count only when no facility filter is set).
  const requestScope = sql`(${facilityFiltered ? sql`r.facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityFilter})` : sql`1 = 1`})${input.serviceType ? sql` AND r.service_type = ${input.serviceType}` : sql``}`;
  const median = (expr: SQL, where: SQL) =>
    db.get<{ m: number | null }>(sql`
      SELECT AVG(d) AS m FROM (
        SELECT d, ROW_NUMBER() OVER (ORDER BY d) AS rn, COUNT(*) OVER () AS n
        FROM (SELECT ${expr} AS d FROM booking_requests r WHERE ${requestScope} AND ${where}))
      WHERE rn IN ((n + 1) / 2, (n + 2) / 2)`)!.m;

  // Utilisation: booked ÷ available unit-hours over the filtered facilities' equipment.
  const facilityIds = db.all<{ id: number }>(sql`SELECT f.id FROM facilities f WHERE ${facilityFilter} AND f.kind = 'facility'`).map((r) => r.id);
  let booked = 0;
  let available = 0;
  for (const id of facilityIds)
    for (const u of equipmentUtilisation(db, id, from, to)) {
      booked += u.bookedUnitHours;
      available += u.availableUnitHours;
    }

  const byStatus = db.all<{ status: string; n: number }>(sql`SELECT status, COUNT(*) AS n FROM booking_requests r WHERE ${requestScope} AND r.created_at >= ${from} AND r.created_at < ${to} GROUP BY status ORDER BY status`);
  const funnel = db.get<{ submitted: number; quoted: number; confirmed: number; completed: number }>(sql`
    SELECT COUNT(*) AS submitted, COALESCE(SUM(r.quoted_at IS NOT NULL OR r.confirmed_at IS NOT NULL), 0) AS quoted,
      COALESCE(SUM(r.confirmed_at IS NOT NULL), 0) AS confirmed, COALESCE(SUM(r.completed_at IS NOT NULL), 0) AS completed
    FROM booking_requests r WHERE ${requestScope} AND r.created_at >= ${from} AND r.created_at < ${to}`)!;
  const closed = db.get<{ closed: number; completed: number; rejected: number }>(sql`
    SELECT COUNT(*) AS closed, COALESCE(SUM(r.status = 'completed'), 0) AS completed, COALESCE(SUM(r.status = 'rejected'), 0) AS rejected
    FROM booking_requests r WHERE ${requestScope} AND r.closed_at >= ${from} AND r.closed_at < ${to}`)!;
  const reasons = db.all<{ reason: string; n: number }>(sql`
    SELECT r.reason, COUNT(*) AS n FROM booking_requests r
    WHERE ${requestScope} AND r.status = 'rejected' AND r.closed_at >= ${from} AND r.closed_at < ${to} AND r.reason IS NOT NULL
    GROUP BY r.reason ORDER BY n DESC, r.reason LIMIT 10`);
  const firms = db.get<{ distinct_firms: number; repeat_firms: number }>(sql`
    SELECT COUNT(*) AS distinct_firms, COALESCE(SUM(n > 1), 0) AS repeat_firms FROM (
      SELECT r.firm_id, COUNT(*) AS n FROM booking_requests r
      WHERE ${requestScope} AND ((r.confirmed_at >= ${from} AND r.confirmed_at < ${to}) OR (r.completed_at >= ${from} AND r.completed_at < ${to}))
      GROUP BY r.firm_id)`)!;
  const firmsBySize = db.all<{ size: string; n: number }>(sql`
    SELECT fm.size, COUNT(DISTINCT r.firm_id) AS n FROM booking_requests r JOIN firms fm ON fm.id = r.firm_id
    WHERE ${requestScope} AND ((r.confirmed_at >= ${from} AND r.confirmed_at < ${to}) OR (r.completed_at >= ${from} AND r.completed_at < ${to}))
    GROUP BY fm.size ORDER BY fm.size`);
  const revenue = db.get<{ fen: number }>(sql`SELECT COALESCE(SUM(r.quote_amount_fen), 0) AS fen FROM booking_requests r WHERE ${requestScope} AND r.status = 'completed' AND r.completed_at >= ${from} AND r.completed_at < ${to}`)!.fen;
  const equipmentValue = db.get<{ fen: number }>(sql`SELECT COALESCE(SUM(e.original_value_fen), 0) AS fen FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE ${facilityFilter} AND e.status != 'retired'`)!.fen;
  const hub = db.get<{ routed: number; cross: number }>(sql`
    SELECT COUNT(*) AS routed, COALESCE(SUM(f.prefecture != fm.prefecture), 0) AS cross
    FROM booking_requests r JOIN facilities f ON f.id = r.facility_id JOIN firms fm ON fm.id = r.firm_id
    WHERE ${requestScope} AND r.routed_at >= ${from} AND r.routed_at < ${to}`)!;

  return {
    period: { from, to },
    utilisation: { bookedUnitHours: booked, availableUnitHours: available, ratio: ratio(booked, available) },
    requestsByStatus: byStatus,
    funnel,
    medianHoursToQuote: ((m) => (m === null ? null : m / HOUR))(median(sql`r.quoted_at - r.created_at`, sql`r.quoted_at IS NOT NULL AND r.created_at >= ${from} AND r.created_at < ${to}`)),
    medianHoursToStart: ((m) => (m === null ? null : m / HOUR))(median(sql`r.started_at - r.created_at`, sql`r.started_at IS NOT NULL AND r.created_at >= ${from} AND r.created_at < ${to}`)),
    completionRate: ratio(closed.completed, closed.closed),
    rejectionRate: ratio(closed.rejected, closed.closed),
    rejectionReasons: reasons,
    firmsServed: { distinct: firms.distinct_firms, repeatShare: ratio(firms.repeat_firms, firms.distinct_firms), bySize: firmsBySize },
    revenueFen: revenue,
    revenuePerEquipmentValue: ratio(revenue, equipmentValue),
    hub: {
      routed: hub.routed,
      medianHoursToRoute: ((m) => (m === null ? null : m / HOUR))(median(sql`r.routed_at - r.created_at`, sql`r.routed_at IS NOT NULL AND r.routed_at >= ${from} AND r.routed_at < ${to}`)),
      crossPrefectureShare: ratio(hub.cross, hub.routed),
    },
  };
}

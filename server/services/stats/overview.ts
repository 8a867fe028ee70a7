// The science department's headline figures for a period and filters, computed with SQL
// aggregations (requests are never loaded row by row). A ratio with nothing to divide by is null,
// shown as "—".
import { sql, type SQL } from "drizzle-orm";
import type { DB } from "@/db/client";
import { parseInput } from "../parse-input";
import { pluck } from "../pluck";
import { facilityCondition, ratio, requestCondition, statsInput, type StatsInput } from "./input";
import { networkUtilisation } from "./utilisation";
import { closedCounts, completionRate, rejectionRate, type ClosedCounts } from "./completion-rate";

export { statsInput, type StatsInput };

const HOUR = 3_600_000;

export function statsOverview(db: DB, raw: StatsInput) {
  const input = parseInput(statsInput, raw);
  const { from, to } = input;
  const facilityFilter = facilityCondition(input);
  const requestScope = requestCondition(input);
  // The median of a period's durations: read from a covering index and sorted here (a window
  // function over the same rows sorts them in a temporary b-tree, several times slower).
  const median = (expr: SQL, where: SQL) => {
    const d = Float64Array.from(
      pluck(db, sql`SELECT ${expr} FROM booking_requests r WHERE ${requestScope} AND ${where}`),
    ).sort();
    const n = d.length;
    return n === 0 ? null : (d[(n - 1) >> 1] + d[n >> 1]) / 2;
  };
  const byStatus = db.all<{ status: string; n: number }>(
    sql`SELECT status, COUNT(*) AS n FROM booking_requests r WHERE ${requestScope} AND r.created_at >= ${from} AND r.created_at < ${to} GROUP BY status ORDER BY status`,
  );
  const funnel = db.get<{
    submitted: number;
    quoted: number;
    confirmed: number;
    completed: number;
  }>(sql`
    SELECT COUNT(*) AS submitted, COALESCE(SUM(r.quoted_at IS NOT NULL OR r.confirmed_at IS NOT NULL), 0) AS quoted,
      COALESCE(SUM(r.confirmed_at IS NOT NULL), 0) AS confirmed, COALESCE(SUM(r.completed_at IS NOT NULL), 0) AS completed
    FROM booking_requests r WHERE ${requestScope} AND r.created_at >= ${from} AND r.created_at < ${to}`)!;
  const closed = db.get<ClosedCounts>(
    closedCounts(sql`${requestScope} AND r.closed_at >= ${from} AND r.closed_at < ${to}`),
  )!;
  // A common reason counts by its code (read in the reader's language); "other" by the words given.
  const reasons = db.all<{ code: string | null; reason: string | null; n: number }>(sql`
    SELECT r.reason_code AS code, CASE WHEN COALESCE(r.reason_code, 'other') = 'other' THEN r.reason END AS reason,
      COUNT(*) AS n FROM booking_requests r
    WHERE ${requestScope} AND r.status = 'rejected' AND r.closed_at >= ${from} AND r.closed_at < ${to}
      AND (r.reason IS NOT NULL OR r.reason_code IS NOT NULL)
    GROUP BY code, 2 ORDER BY n DESC, code, 2 LIMIT 10`);
  // Firms with confirmed or completed work in the period, grouped by size × industry × prefecture
  // (a firm has one of each) and summed into the three breakdowns. The two instants are read as
  // two index ranges, not as one OR over every request: a request completed in the period counts
  // from the second only when it was not confirmed in it.
  const servedGroups = db.all<{
    size: string;
    industry: string;
    prefecture: string;
    n: number;
    repeat: number;
  }>(sql`
    SELECT fm.size, fm.industry, fm.prefecture, COUNT(*) AS n, SUM(s.requests > 1) AS repeat FROM firms fm JOIN (
      SELECT w.firm_id, COUNT(*) AS requests FROM (
        SELECT r.firm_id FROM booking_requests r
        WHERE ${requestScope} AND r.confirmed_at >= ${from} AND r.confirmed_at < ${to}
        UNION ALL
        SELECT r.firm_id FROM booking_requests r
        WHERE ${requestScope} AND r.completed_at >= ${from} AND r.completed_at < ${to}
          AND (r.confirmed_at IS NULL OR r.confirmed_at < ${from} OR r.confirmed_at >= ${to})) w
      GROUP BY w.firm_id) s ON s.firm_id = fm.id
    GROUP BY 1, 2, 3`);
  const firmsBy = (key: "size" | "industry" | "prefecture") => {
    const acc = new Map<string, number>();
    for (const g of servedGroups) acc.set(g[key], (acc.get(g[key]) ?? 0) + g.n);
    return [...acc]
      .map(([k, n]) => ({ key: k, n }))
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  };
  const distinctFirms = servedGroups.reduce((s, g) => s + g.n, 0);
  const repeatFirms = servedGroups.reduce((s, g) => s + g.repeat, 0);
  // Service income: fapiao issued in the period (void ones excluded) and payments received in it.
  const revenue = db.get<{ fen: number }>(
    sql`SELECT COALESCE(SUM(i.amount_fen), 0) AS fen FROM invoices i JOIN booking_requests r ON r.id = i.request_id WHERE ${requestScope} AND i.status = 'issued' AND i.issued_at >= ${from} AND i.issued_at < ${to}`,
  )!.fen;
  const paid = db.get<{ fen: number }>(
    sql`SELECT COALESCE(SUM(p.amount_fen), 0) AS fen FROM payments p JOIN booking_requests r ON r.id = p.request_id WHERE ${requestScope} AND p.paid_at >= ${from} AND p.paid_at < ${to}`,
  )!.fen;
  // Voucher cover the department paid to the facilities on claims approved in the period.
  const voucher = db.get<{ fen: number }>(
    sql`SELECT COALESCE(SUM(l.amount_fen), 0) AS fen FROM voucher_ledger l JOIN booking_requests r ON r.id = l.request_id WHERE ${requestScope} AND l.kind = 'redeemed' AND l.at >= ${from} AND l.at < ${to}`,
  )!.fen;
  const equipmentValue = db.get<{ fen: number }>(
    sql`SELECT COALESCE(SUM(e.original_value_fen), 0) AS fen FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE ${facilityFilter} AND e.status != 'retired'`,
  )!.fen;
  const hub = db.get<{ routed: number; cross: number }>(sql`
    SELECT COUNT(*) AS routed, COALESCE(SUM(f.prefecture != fm.prefecture), 0) AS cross
    FROM booking_requests r JOIN facilities f ON f.id = r.facility_id JOIN firms fm ON fm.id = r.firm_id
    WHERE ${requestScope} AND r.routed_at >= ${from} AND r.routed_at < ${to}`)!;

  return {
    period: { from, to },
    utilisation: networkUtilisation(db, input),
    requestsByStatus: byStatus,
    funnel,
    medianHoursToQuote: ((m) => (m === null ? null : m / HOUR))(
      median(
        sql`r.quoted_at - r.created_at`,
        sql`r.quoted_at IS NOT NULL AND r.created_at >= ${from} AND r.created_at < ${to}`,
      ),
    ),
    medianHoursToStart: ((m) => (m === null ? null : m / HOUR))(
      median(
        sql`r.started_at - r.created_at`,
        sql`r.started_at IS NOT NULL AND r.created_at >= ${from} AND r.created_at < ${to}`,
      ),
    ),
    completionRate: completionRate(closed),
    rejectionRate: rejectionRate(closed),
    rejectionReasons: reasons,
    firmsServed: {
      distinct: distinctFirms,
      repeatShare: ratio(repeatFirms, distinctFirms),
      bySize: firmsBy("size"),
      byIndustry: firmsBy("industry"),
      byPrefecture: firmsBy("prefecture"),
    },
    /** Invoiced in the period (the figure "revenue" stands for), and paid in it. */
    revenueFen: revenue,
    paidFen: paid,
    /** Voucher cover redeemed in the period: paid by the department, apart from the firms. */
    voucherFen: voucher,
    revenuePerEquipmentValue: ratio(revenue, equipmentValue),
    hub: {
      routed: hub.routed,
      medianHoursToRoute: ((m) => (m === null ? null : m / HOUR))(
        median(
          sql`r.routed_at - r.created_at`,
          sql`r.routed_at IS NOT NULL AND r.routed_at >= ${from} AND r.routed_at < ${to}`,
        ),
      ),
      crossPrefectureShare: ratio(hub.cross, hub.routed),
    },
  };
}

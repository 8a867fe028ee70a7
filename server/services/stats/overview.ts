// The science department's headline figures for a period and filters, computed with SQL
// aggregations (requests are never loaded row by row). A ratio with nothing to divide by is null,
// shown as "—".
import { sql } from "drizzle-orm";
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
  // The median of a list of durations, sorted here (a window function sorts them in a temporary
  // b-tree, several times slower).
  const median = (list: number[]) => {
    const d = Float64Array.from(list).sort();
    const n = d.length;
    return n === 0 ? null : (d[(n - 1) >> 1] + d[n >> 1]) / 2 / HOUR;
  };
  const byStatus = db.all<{ status: string; n: number }>(
    sql`SELECT status, COUNT(*) AS n FROM booking_requests r WHERE ${requestScope} AND r.created_at >= ${from} AND r.created_at < ${to} GROUP BY status ORDER BY status`,
  );
  // The requests created in the period, read once from their covering index: the funnel, and the
  // times to quote and to start as lists (group_concat leaves out those not quoted, not started).
  const created = db.get<Record<string, number | string>>(sql`
    SELECT COUNT(*) AS submitted, COALESCE(SUM(r.quoted_at IS NOT NULL OR r.confirmed_at IS NOT NULL), 0) AS quoted,
      COALESCE(SUM(r.confirmed_at IS NOT NULL), 0) AS confirmed, COALESCE(SUM(r.completed_at IS NOT NULL), 0) AS completed,
      '[' || IFNULL(group_concat(r.quoted_at - r.created_at), '') || ']' AS toQuote,
      '[' || IFNULL(group_concat(r.started_at - r.created_at), '') || ']' AS toStart
    FROM booking_requests r INDEXED BY booking_requests_created_idx
    WHERE ${requestScope} AND r.created_at >= ${from} AND r.created_at < ${to}`)!;
  const funnel = {
    submitted: Number(created.submitted),
    quoted: Number(created.quoted),
    confirmed: Number(created.confirmed),
    completed: Number(created.completed),
  };
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
  // from the second only when it was not confirmed in it. The requests are counted per firm here
  // (in SQL, a GROUP BY over them sorts them in a temporary b-tree).
  const served = pluck(
    db,
    sql`
    SELECT r.firm_id FROM booking_requests r
    WHERE ${requestScope} AND r.confirmed_at >= ${from} AND r.confirmed_at < ${to}
    UNION ALL
    SELECT r.firm_id FROM booking_requests r
    WHERE ${requestScope} AND r.completed_at >= ${from} AND r.completed_at < ${to}
      AND (r.confirmed_at IS NULL OR r.confirmed_at < ${from} OR r.confirmed_at >= ${to})`,
  );
  const requestsOf = new Int32Array(served.reduce((m, id) => Math.max(m, id), 0) + 1);
  const firmIds: number[] = [];
  for (const firm of served) if (requestsOf[firm]++ === 0) firmIds.push(firm);
  const servedGroups = new Map<
    string,
    { size: string; industry: string; prefecture: string; n: number; repeat: number }
  >();
  for (const fm of db.all<{ id: number; size: string; industry: string; prefecture: string }>(sql`
    SELECT fm.id, fm.size, fm.industry, fm.prefecture FROM firms fm
    WHERE fm.id IN (SELECT value FROM json_each(${JSON.stringify(firmIds)}))`)) {
    const key = `${fm.size}|${fm.industry}|${fm.prefecture}`;
    const g = servedGroups.get(key) ?? { ...fm, n: 0, repeat: 0 };
    g.n += 1;
    if (requestsOf[fm.id] > 1) g.repeat += 1;
    servedGroups.set(key, g);
  }
  const firmsBy = (key: "size" | "industry" | "prefecture") => {
    const acc = new Map<string, number>();
    for (const g of servedGroups.values()) acc.set(g[key], (acc.get(g[key]) ?? 0) + g.n);
    return [...acc]
      .map(([k, n]) => ({ key: k, n }))
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  };
  const distinctFirms = [...servedGroups.values()].reduce((s, g) => s + g.n, 0);
  const repeatFirms = [...servedGroups.values()].reduce((s, g) => s + g.repeat, 0);
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
    medianHoursToQuote: median(JSON.parse(String(created.toQuote)) as number[]),
    medianHoursToStart: median(JSON.parse(String(created.toStart)) as number[]),
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
      medianHoursToRoute: median(
        pluck(
          db,
          sql`SELECT r.routed_at - r.created_at FROM booking_requests r
            WHERE ${requestScope} AND r.routed_at >= ${from} AND r.routed_at < ${to}`,
        ),
      ),
      crossPrefectureShare: ratio(hub.cross, hub.routed),
    },
  };
}

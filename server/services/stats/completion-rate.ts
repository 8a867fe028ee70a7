// The completion rate, defined once for the dashboard and for hub ranking (and explained on
// /about/metrics): completed ÷ all closed requests, a request being closed when it was completed,
// cancelled, rejected, withdrawn or expired (every closing move sets `closed_at`).
import { sql, type SQL } from "drizzle-orm";
import { ratio } from "./input";

/**
 * `closed`, `completed` and `rejected` counts over the requests aliased `r` that `where` selects,
 * one row per `groupBy` value (returned as `grp`) when given.
 */
export function closedCounts(where: SQL, groupBy?: SQL): SQL {
  return sql`SELECT ${groupBy ? sql`${groupBy} AS grp, ` : sql``}COUNT(*) AS closed,
      COALESCE(SUM(r.status = 'completed'), 0) AS completed,
      COALESCE(SUM(r.status = 'rejected'), 0) AS rejected
    FROM booking_requests r WHERE r.closed_at IS NOT NULL AND ${where}
    ${groupBy ? sql`GROUP BY ${groupBy}` : sql``}`;
}

export type ClosedCounts = { closed: number; completed: number; rejected: number };

export const completionRate = (c: ClosedCounts) => ratio(c.completed, c.closed);
export const rejectionRate = (c: ClosedCounts) => ratio(c.rejected, c.closed);

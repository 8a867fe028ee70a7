// What blocks capacity, written once. A reservation blocks capacity at instant `at` while it is
// not released and, for a hold, until its quote or proposal expires (`expires_at`, never null for
// a hold: the database refuses one without it). Bookings and maintenance block until released.
// Every path that asks "is this reservation live?" (availability, booking checks, matching, the
// board, exports, the invariant checker, the seed) uses these.
import { sql, type SQL } from "drizzle-orm";

type Blockable = { kind: string; releasedAt: number | null; expiresAt: number | null };

/** The rule in SQL: `alias` is the reservations table's name or alias, `at` an SQL expression. */
export function blocksCapacitySql(alias: string, at: string): string {
  return `(${alias}.released_at IS NULL AND (${alias}.kind <> 'hold' OR ${alias}.expires_at > ${at}))`;
}

/** The rule as a drizzle condition on the `reservations` table at a given instant. */
export function blocksCapacity(at: number): SQL {
  if (!Number.isFinite(at)) throw new RangeError(`not an instant: ${at}`);
  return sql.raw(blocksCapacitySql('"reservations"', String(at)));
}

/** The rule for a row already in memory. */
export function blocksCapacityAt(r: Blockable, at: number): boolean {
  return r.releasedAt == null && (r.kind !== "hold" || (r.expiresAt != null && r.expiresAt > at));
}

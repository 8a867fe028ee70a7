// How a required range reads against an equipment's envelope, for the equipment search (in SQL)
// and the hub's checks (in code) alike: `min` alone, the envelope reaches at least that value
// (its maximum ≥ min); `max` alone, it reaches down to it (its minimum ≤ max); both, it covers the
// range. Values are canonical; comparisons allow a relative tolerance so that a bound converted
// from another unit still meets the envelope it names exactly.
import { sql, type SQL } from "drizzle-orm";

/** Relative to the larger magnitude of the two values compared. */
export const RELATIVE_TOLERANCE = 1e-9;

export type CanonicalRange = { min: number | null; max: number | null };

/** a ≥ b, up to the tolerance. */
export function atLeast(a: number, b: number): boolean {
  return a >= b - RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function atLeastSql(a: SQL | number, b: SQL | number): SQL {
  return sql`(${a} >= ${b} - ${RELATIVE_TOLERANCE} * max(abs(${a}), abs(${b})))`;
}

/** Whether an envelope (null bound: unlimited) meets the range. */
export function envelopeMeets(range: CanonicalRange, envelope: CanonicalRange): boolean {
  const reachesUp = (v: number) => envelope.max === null || atLeast(envelope.max, v);
  const reachesDown = (v: number) => envelope.min === null || atLeast(v, envelope.min);
  if (range.min !== null && range.max !== null)
    return reachesDown(range.min) && reachesUp(range.max);
  return (
    (range.min === null || reachesUp(range.min)) && (range.max === null || reachesDown(range.max))
  );
}

/** The same test in SQL, on the envelope's columns. */
export function envelopeMeetsSql(range: CanonicalRange, min: SQL, max: SQL): SQL[] {
  const reachesUp = (v: number) => sql`(${max} IS NULL OR ${atLeastSql(max, v)})`;
  const reachesDown = (v: number) => sql`(${min} IS NULL OR ${atLeastSql(v, min)})`;
  if (range.min !== null && range.max !== null)
    return [reachesDown(range.min), reachesUp(range.max)];
  return [
    ...(range.min === null ? [] : [reachesUp(range.min)]),
    ...(range.max === null ? [] : [reachesDown(range.max)]),
  ];
}

// Registry numbers that are unique and gap-free per facility and year (sample IDs and report
// numbers): the next number is read and taken in the caller's write transaction, which
// better-sqlite3 runs as BEGIN IMMEDIATE, so two at once never see the same last number.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { localParts } from "@/db/local-time";
import { facilityTimeZone } from "../scheduling/facility-time-zone";

/** The facility's code in registry numbers: P and its registry id (P011). */
export const facilityCode = (facilityId: number) => `P${String(facilityId).padStart(3, "0")}`;

/** The year an instant falls in at the facility (its own time zone). */
export function facilityYear(tx: DbOrTx, facilityId: number, at: number): number {
  return localParts(at, facilityTimeZone(tx, facilityId)).year;
}

/** The next sequence of `table` (with facility_id, year, seq columns) for a facility and year. */
export function nextSequence(
  tx: DbOrTx,
  table: "samples" | "reports",
  facilityId: number,
  year: number,
): number {
  const last = tx.get<{ seq: number | null }>(
    sql`SELECT MAX(seq) AS seq FROM ${sql.identifier(table)} WHERE facility_id = ${facilityId} AND year = ${year}`,
  );
  return (last?.seq ?? 0) + 1;
}

/** P011-2026-00042 for a sample, P011-2026-R00042 for a report (kind "R"). */
export const registryNumber = (facilityId: number, year: number, seq: number, kind = "") =>
  `${facilityCode(facilityId)}-${year}-${kind}${String(seq).padStart(5, "0")}`;

// Who may act on a report: the staff of the facility that issues it. Another facility's report,
// and any report for a caller who is not its facility's staff, is NOT_FOUND.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reports, users } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound, refuse } from "../errors";

export type ReportRow = typeof reports.$inferSelect;

export const isStaffOf = (actor: Actor, facilityId: number | null) =>
  (actor.role === "operator" || actor.role === "coordinator") &&
  facilityId !== null &&
  actor.facilityId === facilityId;

/** A report of the caller's facility. */
export function ownReport(tx: DbOrTx, actor: Actor, id: number): ReportRow {
  const r = tx.select().from(reports).where(eq(reports.id, id)).get();
  if (!r || !isStaffOf(actor, r.facilityId)) throw notFound("report");
  return r;
}

/** The report is in one of `statuses`, or the refusal names the status it is in. */
export function assertStatus(r: ReportRow, statuses: ReportRow["status"][]) {
  if (!statuses.includes(r.status))
    throw refuse("INVALID_STATE", "report.notAwaiting", {
      title: r.title,
      reportStatus: r.status,
    });
}

/** One person fills one signatory role on a report: tested, reviewed, approved. */
export function assertNotSignedBy(r: ReportRow, actor: Actor) {
  if ([r.testedBy, r.reviewedBy].includes(actor.userId))
    throw refuse("FORBIDDEN", "report.sameSignatory", { title: r.title });
}

/** Whether the user holds the facility's authorised-signatory flag (read fresh, not from the
 * session, so that a withdrawn flag takes effect at once). */
export function assertSignatory(tx: DbOrTx, actor: Actor) {
  const u = tx
    .select({ signatory: users.signatory, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, actor.userId))
    .get();
  if (!u?.signatory || u.disabled) throw refuse("FORBIDDEN", "report.notSignatory");
}

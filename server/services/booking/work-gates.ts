// When work may start and when it may be called complete: the rules the start and complete moves
// apply, and that the demo seed is checked against.
import { and, count, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { attachments, facilities, reportingServiceTypes, reports } from "@/db/schema";
import { refuse } from "../errors";

/** From when work on a booked request may start without a reason: the facility's early-start
 * time before its slot. Null when it has no slot. */
export function startOpensAt(
  tx: DbOrTx,
  r: { facilityId: number | null; quoteStart: number | null },
): number | null {
  if (r.quoteStart === null || r.facilityId === null) return null;
  const f = tx
    .select({ minutes: facilities.earlyStartMinutes })
    .from(facilities)
    .where(eq(facilities.id, r.facilityId))
    .get();
  return r.quoteStart - (f?.minutes ?? 60) * 60_000;
}

/** Refuses to complete inspection, testing or verification work that has no report: one in the
 * report register (written, at any stage but returned) or a released report file. */
export function assertReportFiled(
  tx: DbOrTx,
  r: { id: number; ref: string; serviceType: string },
): void {
  if (!reportingServiceTypes.includes(r.serviceType)) return;
  const written = tx
    .select({ n: count() })
    .from(reports)
    .where(and(eq(reports.requestId, r.id), ne(reports.status, "returned")))
    .get()!.n;
  const files = tx
    .select({ n: count() })
    .from(attachments)
    .where(and(eq(attachments.requestId, r.id), eq(attachments.kind, "report")))
    .get()!.n;
  if (written + files === 0)
    throw refuse("INVALID_STATE", "request.reportNeeded", {
      ref: r.ref,
      serviceType: r.serviceType,
    });
}

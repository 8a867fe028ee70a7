// A request's reports as each reader may see them: the facility's staff see every report with the
// steps they may take; the firm and the department see released reports and what became of them
// (superseded by a newer number, or revoked with the date and reason), never drafts.
import { asc, eq, inArray } from "drizzle-orm";
import type { DB } from "@/db/client";
import { reports, users } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound, refuse } from "../errors";
import { loadRequestFor } from "../booking/request-access";
import { isStaffOf, ownReport } from "./access";
import { readChecked } from "./files";
import { writesReports } from "./draft";

export type ReportAction = "review" | "approve" | "return" | "revoke" | "amend";

const issued = new Set(["released", "superseded", "revoked"]);

export function reportsOfRequest(db: DB, actor: Actor, requestId: number) {
  const request = loadRequestFor(db, actor, requestId);
  const staff = isStaffOf(actor, request.facilityId);
  const rows = db
    .select()
    .from(reports)
    .where(eq(reports.requestId, request.id))
    .orderBy(asc(reports.id))
    .all()
    .filter((r) => staff || issued.has(r.status));
  const ids = rows
    .flatMap((r) => [r.testedBy, r.reviewedBy, r.approvedBy])
    .filter((id): id is number => id !== null);
  const names = new Map(
    ids.length
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, ids))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  const numberOf = new Map(rows.map((r) => [r.id, r.number]));
  const signatory =
    staff &&
    db.select({ s: users.signatory }).from(users).where(eq(users.id, actor.userId)).get()?.s ===
      true;
  const pendingAmendment = new Set(
    rows
      .filter((r) => r.status === "awaiting_review" || r.status === "awaiting_approval")
      .map((r) => r.supersedesId),
  );
  return {
    canDraft: staff && writesReports(request.status),
    reports: rows.map((r) => {
      const signed = [r.testedBy, r.reviewedBy].includes(actor.userId);
      const actions: ReportAction[] = [];
      if (staff) {
        if (r.status === "awaiting_review" && !signed) actions.push("review");
        const approvable = r.accredited
          ? r.status === "awaiting_approval"
          : r.status === "awaiting_review" || r.status === "awaiting_approval";
        if (approvable && !signed && signatory) actions.push("approve");
        if (r.status === "awaiting_review" || r.status === "awaiting_approval")
          actions.push("return");
        if (r.status === "released" && signatory) actions.push("revoke");
        if (r.status === "released" && !pendingAmendment.has(r.id) && writesReports(request.status))
          actions.push("amend");
      }
      return {
        id: r.id,
        title: r.title,
        status: r.status,
        accredited: r.accredited,
        number: r.number,
        issuedAt: r.approvedAt,
        attachmentId: r.attachmentId,
        marks: r.marks ?? [],
        tester: names.get(r.testedBy) ?? "",
        testedAt: r.testedAt,
        reviewer: r.reviewedBy ? (names.get(r.reviewedBy) ?? "") : null,
        approver: r.approvedBy ? (names.get(r.approvedBy) ?? "") : null,
        supersedes: r.supersedesId ? (numberOf.get(r.supersedesId) ?? null) : null,
        amendReason: r.reason,
        supersededBy: r.supersededById ? (numberOf.get(r.supersededById) ?? null) : null,
        supersededAt: r.supersededAt,
        revokedAt: r.revokedAt,
        // A return's reason is the facility's own business; a revocation's is the firm's too.
        closeReason: r.status === "revoked" || staff ? r.closeReason : "",
        draftFileName: staff ? r.draftFileName : null,
        actions,
      };
    }),
  };
}

/** The tester's file, for the facility's staff (the reviewer and approver read it). */
export function readDraft(db: DB, actor: Actor, reportId: number) {
  let r;
  try {
    r = ownReport(db, actor, reportId);
  } catch {
    throw notFound("file");
  }
  const bytes = readChecked(r.draftPath, r.draftSha256);
  if (!bytes) throw refuse("CONFLICT", "report.fileAltered", { title: r.title });
  return { fileName: r.draftFileName, mimeType: "application/pdf", bytes };
}

// The register's steps that take no file: review (a second person), return to the tester (with a
// reason, instead of review or approval) and revocation of a released report (by an authorised
// signatory, with a reason; the firm is told).
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { bookingRequests, reports } from "@/db/schema";
import type { Actor } from "../actor";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { reasonInput } from "../reason-input";
import { recordAudit } from "../audit/record-audit";
import { notifyOtherParty } from "../booking/notify";
import type { SystemNote } from "../booking/event-note";
import { assertNotSignedBy, assertSignatory, assertStatus, ownReport } from "./access";

/** The firm of the report's request hears of a release or a revocation. */
export function tellFirm(
  tx: DbOrTx,
  requestId: number,
  actor: Actor,
  kind: "request.report_released" | "request.report_revoked",
  at: number,
  note: SystemNote,
) {
  const request = tx.select().from(bookingRequests).where(eq(bookingRequests.id, requestId)).get()!;
  notifyOtherParty(tx, request, actor.userId, kind, at, note, "firm");
}

export const reportIdInput = z.object({ reportId: idInput("field.idReport") });
export const reportReasonInput = reportIdInput.extend({ reason: reasonInput() });

const audit = (tx: Parameters<typeof recordAudit>[0], actor: Actor, action: string, id: number) =>
  recordAudit(tx, {
    action: `reportRegister.${action}`,
    actorId: actor.userId,
    actorEmail: actor.email,
    target: `report:${id}`,
  });

export function reviewReport(db: DB, actor: Actor, raw: z.input<typeof reportIdInput>) {
  const input = parseInput(reportIdInput, raw);
  return db.transaction(
    (tx) => {
      const r = ownReport(tx, actor, input.reportId);
      assertStatus(r, ["awaiting_review"]);
      assertNotSignedBy(r, actor);
      const at = now();
      const row = tx
        .update(reports)
        .set({ status: "awaiting_approval", reviewedBy: actor.userId, reviewedAt: at })
        .where(eq(reports.id, r.id))
        .returning()
        .get();
      audit(tx, actor, "reviewed", r.id);
      return row;
    },
    { behavior: "immediate" },
  );
}

export function returnReport(db: DB, actor: Actor, raw: z.input<typeof reportReasonInput>) {
  const input = parseInput(reportReasonInput, raw);
  return db.transaction(
    (tx) => {
      const r = ownReport(tx, actor, input.reportId);
      assertStatus(r, ["awaiting_review", "awaiting_approval"]);
      const row = tx
        .update(reports)
        .set({
          status: "returned",
          returnedBy: actor.userId,
          returnedAt: now(),
          closeReason: input.reason,
        })
        .where(eq(reports.id, r.id))
        .returning()
        .get();
      audit(tx, actor, "returned", r.id);
      return row;
    },
    { behavior: "immediate" },
  );
}

export function revokeReport(db: DB, actor: Actor, raw: z.input<typeof reportReasonInput>) {
  const input = parseInput(reportReasonInput, raw);
  return db.transaction(
    (tx) => {
      const r = ownReport(tx, actor, input.reportId);
      assertStatus(r, ["released"]);
      assertSignatory(tx, actor);
      const at = now();
      const row = tx
        .update(reports)
        .set({
          status: "revoked",
          revokedBy: actor.userId,
          revokedAt: at,
          closeReason: input.reason,
        })
        .where(eq(reports.id, r.id))
        .returning()
        .get();
      tellFirm(tx, r.requestId, actor, "request.report_revoked", at, {
        code: "reportRevoked",
        params: { number: r.number!, reason: input.reason },
      });
      audit(tx, actor, "revoked", r.id);
      return row;
    },
    { behavior: "immediate" },
  );
}

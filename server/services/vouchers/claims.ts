// Redemption: after the firm has paid its share, the facility files a claim for the request's
// voucher cover, bundling the agreement, the fapiao, the payment record and the report. The
// department approves it (the ledger records the redemption) or returns it with a reason; a
// returned claim stays and the facility may file again.
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import {
  attachments,
  bookingRequests,
  claimStatuses,
  facilities,
  firms,
  invoices,
  voucherClaims,
  voucherProgrammes,
  type ClaimStatus,
} from "@/db/schema";
import type { Actor } from "../actor";
import { DomainError, notFound, refuse } from "../errors";
import type { Refusal } from "@/server/i18n/render";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { reasonInput } from "../reason-input";
import { loadRequestFor, type RequestRow } from "../booking/request-access";
import { firmDue, logStep } from "../money/billing";
import { appendEntry, openOf, requestCover } from "./ledger";

export const fileClaimInput = z.object({ id: idInput("field.idRequest") });
export const decideClaimInput = z.discriminatedUnion(
  "decision",
  [
    z.object({ id: idInput(), decision: z.literal("approve") }),
    z.object({
      id: idInput(),
      decision: z.literal("return"),
      reason: reasonInput(),
    }),
  ],
  { error: "field.decision" },
);
export const listClaimsInput = z.object({
  status: z.enum(claimStatuses, { error: "field.claimStatus" }).optional(),
  programmeId: idInput().optional(),
});

/** The documents a claim bundles, or the refusal naming each one that is missing. */
function claimDocuments(tx: DbOrTx, r: RequestRow) {
  const missing: Record<string, Refusal> = {};
  if (!r.agreementNumber) missing.agreement = { code: "field.claimNeedsAgreement" };
  const issued = tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.requestId, r.id), eq(invoices.status, "issued")))
    .orderBy(desc(invoices.issuedAt), desc(invoices.id))
    .all();
  const money = firmDue(tx, r.id);
  const uninvoiced = (r.quoteAmountFen ?? 0) - money.invoiced;
  if (issued.length === 0 || uninvoiced > 0)
    missing.invoice = { code: "field.claimNeedsInvoice", params: { amount: uninvoiced / 100 } };
  else if (money.dueFen > 0)
    missing.payment = { code: "field.claimNeedsPayment", params: { amount: money.dueFen / 100 } };
  const report = tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        eq(attachments.requestId, r.id),
        eq(attachments.kind, "report"),
        // Not the file of a report that was superseded or revoked.
        sql`${attachments.id} NOT IN (SELECT attachment_id FROM reports
          WHERE status IN ('superseded', 'revoked') AND attachment_id IS NOT NULL)`,
      ),
    )
    .orderBy(desc(attachments.createdAt), desc(attachments.id))
    .get();
  if (!report) missing.report = { code: "field.claimNeedsReport" };
  return { missing, invoice: issued[0], report, paid: money.paid };
}

const liveClaim = (tx: DbOrTx, requestId: number) =>
  tx
    .select()
    .from(voucherClaims)
    .where(
      and(
        eq(voucherClaims.requestId, requestId),
        inArray(voucherClaims.status, ["filed", "approved"]),
      ),
    )
    .get();

export function fileClaim(db: DB, actor: Actor, raw: z.input<typeof fileClaimInput>) {
  const input = parseInput(fileClaimInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      if (actor.role === "firm" || actor.role === "admin" || r.facilityId !== actor.facilityId)
        throw refuse("FORBIDDEN", "voucher.facilityOnly");
      if (r.status !== "completed")
        throw refuse("INVALID_STATE", "voucher.claimNotCompleted", {
          ref: r.ref,
          status: r.status,
        });
      const cover = requestCover(tx, r.id);
      if (liveClaim(tx, r.id)) throw refuse("CONFLICT", "voucher.claimExists", { ref: r.ref });
      if (cover.openFen <= 0)
        throw refuse("INVALID_STATE", "voucher.nothingToClaim", { ref: r.ref });
      const docs = claimDocuments(tx, r);
      if (Object.keys(docs.missing).length > 0)
        throw new DomainError("VALIDATION", null, docs.missing);
      const row = tx
        .insert(voucherClaims)
        .values({
          requestId: r.id,
          facilityId: r.facilityId!,
          programmeId: cover.parts[0].programmeId,
          amountFen: cover.openFen,
          agreementNumber: r.agreementNumber!,
          invoiceId: docs.invoice.id,
          reportAttachmentId: docs.report!.id,
          paidFen: docs.paid,
          filedBy: actor.userId,
          filedAt: at,
        })
        .returning()
        .get();
      logStep(
        tx,
        actor,
        r,
        at,
        "claim.filed",
        { claimId: row.id, amountFen: row.amountFen },
        { code: "claimFiled", params: { amount: row.amountFen / 100 } },
        "request.voucher_claim",
      );
      return row;
    },
    { behavior: "immediate" },
  );
}

export function decideClaim(db: DB, actor: Actor, raw: z.input<typeof decideClaimInput>) {
  const input = parseInput(decideClaimInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const claim = tx.select().from(voucherClaims).where(eq(voucherClaims.id, input.id)).get();
      if (!claim) throw notFound("claim");
      if (claim.status !== "filed") throw refuse("INVALID_STATE", "voucher.claimDecided");
      const r = loadRequestFor(tx, actor, claim.requestId);
      const approved = input.decision === "approve";
      if (approved) {
        const cover = requestCover(tx, r.id);
        if (cover.openFen !== claim.amountFen)
          throw refuse("CONFLICT", "voucher.claimStale", { ref: r.ref });
        for (const p of cover.parts) {
          const open = openOf(p.sums);
          if (open > 0)
            appendEntry(tx, {
              allotmentId: p.allotmentId,
              programmeId: p.programmeId,
              firmId: p.firmId,
              requestId: r.id,
              facilityId: r.facilityId,
              kind: "redeemed",
              amountFen: open,
              at,
              byUser: actor.userId,
            });
        }
      }
      const row = tx
        .update(voucherClaims)
        .set({
          status: approved ? "approved" : "returned",
          reason: approved ? null : input.reason,
          decidedBy: actor.userId,
          decidedAt: at,
        })
        .where(eq(voucherClaims.id, claim.id))
        .returning()
        .get();
      logStep(
        tx,
        actor,
        r,
        at,
        approved ? "claim.approved" : "claim.returned",
        approved ? { claimId: claim.id } : { claimId: claim.id, reason: input.reason },
        approved
          ? { code: "claimApproved", params: { amount: claim.amountFen / 100 } }
          : { code: "claimReturned", params: { reason: input.reason } },
        "request.voucher_claim",
      );
      return row;
    },
    { behavior: "immediate" },
  );
}

/** Claims as the department (all) or a facility (its own) lists them, newest first. */
export function listClaims(db: DbOrTx, actor: Actor, raw: z.input<typeof listClaimsInput>) {
  const input = parseInput(listClaimsInput, raw);
  const where: SQL[] = [];
  if (actor.role !== "admin") {
    if (actor.facilityId === null) throw refuse("FORBIDDEN", "voucher.facilityOnly");
    where.push(eq(voucherClaims.facilityId, actor.facilityId));
  }
  if (input.status) where.push(eq(voucherClaims.status, input.status));
  if (input.programmeId) where.push(eq(voucherClaims.programmeId, input.programmeId));
  return db
    .select({
      claim: voucherClaims,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      serviceType: bookingRequests.serviceType,
      quoteAmountFen: bookingRequests.quoteAmountFen,
      firm: {
        name: firms.name,
        creditCode: firms.creditCode,
        size: firms.size,
        prefecture: firms.prefecture,
      },
      facility: {
        nameEn: facilities.nameEn,
        nameZh: facilities.nameZh,
        creditCode: facilities.creditCode,
      },
      invoice: {
        number: invoices.number,
        issuedAt: invoices.issuedAt,
        amountFen: invoices.amountFen,
      },
      programme: {
        nameEn: voucherProgrammes.nameEn,
        nameZh: voucherProgrammes.nameZh,
        year: voucherProgrammes.year,
      },
    })
    .from(voucherClaims)
    .innerJoin(bookingRequests, eq(bookingRequests.id, voucherClaims.requestId))
    .innerJoin(firms, eq(firms.id, bookingRequests.firmId))
    .innerJoin(facilities, eq(facilities.id, voucherClaims.facilityId))
    .innerJoin(invoices, eq(invoices.id, voucherClaims.invoiceId))
    .innerJoin(voucherProgrammes, eq(voucherProgrammes.id, voucherClaims.programmeId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(voucherClaims.filedAt), desc(voucherClaims.id))
    .all();
}
export type ClaimListRow = ReturnType<typeof listClaims>[number];

/** A request's voucher state for its page: the cover, the claims, and what a claim still needs. */
export function requestVoucher(db: DbOrTx, r: RequestRow) {
  const cover = requestCover(db, r.id);
  if (cover.coverFen === 0 && cover.releasedFen === 0) return null;
  const claims = db
    .select()
    .from(voucherClaims)
    .where(eq(voucherClaims.requestId, r.id))
    .orderBy(desc(voucherClaims.filedAt), desc(voucherClaims.id))
    .all();
  const live = claims.find((c) => c.status !== "returned");
  const missing =
    r.status === "completed" && !live && cover.openFen > 0
      ? Object.keys(claimDocuments(db, r).missing)
      : [];
  return {
    openFen: cover.openFen,
    redeemedFen: cover.redeemedFen,
    releasedFen: cover.releasedFen,
    claims: claims.map((c) => ({
      id: c.id,
      status: c.status as ClaimStatus,
      amountFen: c.amountFen,
      reason: c.reason,
      filedAt: c.filedAt,
      decidedAt: c.decidedAt,
    })),
    /** Whether the facility can file now, and otherwise which documents are missing. */
    claimable: r.status === "completed" && !live && cover.openFen > 0 && missing.length === 0,
    missing,
  };
}

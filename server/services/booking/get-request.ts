// One request with everything its page shows: timeline, quote, reservation, messages,
// attachments, feedback, and the actions the caller may take now.
import { and, asc, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import {
  attachments,
  equipment,
  facilities,
  feedback,
  firms,
  messages,
  quoteApprovals,
  quoteLines,
  requestEvents,
  reservations,
  users,
} from "@/db/schema";
import type { Actor } from "../actor";
import { now } from "../clock";
import { expireQuotes } from "./expire-quotes";
import { loadRequestFor } from "./request-access";
import { pendingProposal } from "./reschedule";
import { actionsFor } from "./request-actions";
import { startOpensAt } from "./work-gates";
import { suggestedQuoteLines } from "../money/suggested-lines";
import { voucherOffer } from "../vouchers/offer";
import { requestVoucher } from "../vouchers/claims";
import { requestUse } from "../operations/equipment-use";

export type { RequestAction } from "./request-actions";

export function getRequest(db: DB, actor: Actor, id: number) {
  expireQuotes(db);
  const r = loadRequestFor(db, actor, id);
  const at = now();
  const firm = db
    .select({ name: firms.name, prefecture: firms.prefecture })
    .from(firms)
    .where(eq(firms.id, r.firmId))
    .get()!;
  const facility =
    r.facilityId === null
      ? null
      : db
          .select({
            slug: facilities.slug,
            nameEn: facilities.nameEn,
            nameZh: facilities.nameZh,
            timeZone: facilities.timeZone,
            vatRateBp: facilities.vatRateBp,
          })
          .from(facilities)
          .where(eq(facilities.id, r.facilityId))
          .get()!;
  const askedEquipment =
    r.equipmentId === null
      ? null
      : (db
          .select({ id: equipment.id, name: equipment.name, nameZh: equipment.nameZh })
          .from(equipment)
          .where(eq(equipment.id, r.equipmentId))
          .get() ?? null);
  const events = db
    .select({
      id: requestEvents.id,
      fromStatus: requestEvents.fromStatus,
      toStatus: requestEvents.toStatus,
      note: requestEvents.note,
      noteCode: requestEvents.noteCode,
      noteParams: requestEvents.noteParams,
      createdAt: requestEvents.createdAt,
      actorName: users.name,
      actorRole: users.role,
    })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorId))
    .where(eq(requestEvents.requestId, r.id))
    .orderBy(asc(requestEvents.createdAt), asc(requestEvents.id))
    .all();
  const booking = db
    .select({
      id: reservations.id,
      kind: reservations.kind,
      start: reservations.start,
      end: reservations.end,
      units: reservations.units,
      expiresAt: reservations.expiresAt,
      releasedAt: reservations.releasedAt,
      equipmentId: reservations.equipmentId,
      equipmentName: equipment.name,
      equipmentNameZh: equipment.nameZh,
    })
    .from(reservations)
    .leftJoin(equipment, eq(equipment.id, reservations.equipmentId))
    .where(eq(reservations.requestId, r.id))
    .orderBy(asc(reservations.id))
    .all();
  const thread = db
    .select({
      id: messages.id,
      body: messages.body,
      createdAt: messages.createdAt,
      authorName: users.name,
      authorRole: users.role,
    })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(eq(messages.requestId, r.id))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .all();
  const files = db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      sha256: attachments.sha256,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.requestId, r.id))
    .orderBy(asc(attachments.id))
    .all();
  const linesOf = (version: number) =>
    db
      .select()
      .from(quoteLines)
      .where(and(eq(quoteLines.requestId, r.id), eq(quoteLines.version, version)))
      .orderBy(asc(quoteLines.position))
      .all();
  // The current quote's lines (of its latest version).
  const lines = r.quoteVersion ? linesOf(r.quoteVersion) : [];
  const rating =
    db
      .select({ rating: feedback.rating, comment: feedback.comment, createdAt: feedback.createdAt })
      .from(feedback)
      .where(eq(feedback.requestId, r.id))
      .get() ?? null;
  const awaitingApproval =
    r.status === "quoted" &&
    db
      .select({ id: quoteApprovals.id })
      .from(quoteApprovals)
      .where(and(eq(quoteApprovals.requestId, r.id), eq(quoteApprovals.status, "pending")))
      .get() !== undefined;
  const actions = actionsFor(actor, {
    ...r,
    awaitingApproval,
    rated: rating !== null,
    proposal: pendingProposal(db, r.id, at) !== undefined,
    at,
  });
  return {
    request: r,
    /** The equipment the firm asked for (from its page or a hub suggestion), if any. */
    askedEquipment,
    /** From when work may start without a reason (the facility's early-start time). */
    startOpensAt: startOpensAt(db, r),
    firm,
    facility,
    events,
    reservations: booking,
    messages: thread,
    attachments: files,
    quoteLines: lines,
    /** The version before the current one, for the firm to see what a revision changed. */
    previousQuote: r.quoteVersion > 1 ? linesOf(r.quoteVersion - 1) : null,
    /** For a facility about to quote: the lines its quote form starts with (the current ones,
     * to revise a quote). */
    suggestedLines:
      facility && actor.role !== "firm" && r.status === "submitted"
        ? suggestedQuoteLines(db, r, facility.vatRateBp)
        : facility && actor.role !== "firm" && r.status === "quoted"
          ? lines.map((l) => ({
              kind: l.kind,
              description: l.description,
              quantity: l.quantityMilli / 1000,
              unit: l.unit,
              unitPriceFen: l.unitPriceFen,
              voucherEligible: l.voucherEligible,
            }))
          : [],
    feedback: rating,
    actions,
    /** A member's acceptance of the quote waits for a manager's approval. */
    awaitingApproval,
    /** For a firm about to accept: what its vouchers can pay of the quote. */
    voucherOffer: actions.includes("accept") ? voucherOffer(db, r, at) : null,
    /** The voucher cover of the request and its redemption claims, if it drew any. */
    voucher: requestVoucher(db, r),
    /** What actually happened on the equipment: check-ins and check-outs against the slot. */
    use: requestUse(db, r, at),
  };
}

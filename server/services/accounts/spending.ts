// Spending approval: a firm's managers set a threshold; a member's acceptance of a quote above it
// waits in the managers' queue instead of booking. Approving accepts the quote as the member chose
// (voucher included) if its hold is still valid, and says so if not; declining ends the wait.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { bookingRequests, firms, quoteApprovals, users } from "@/db/schema";
import type { Actor } from "../actor";
import { DomainError, notFound, refuse } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { recordAudit } from "../audit/record-audit";
import { assertManager } from "./team";
import { acceptQuote } from "../booking/accept-quote";

export const thresholdInput = z.object({
  thresholdFen: z
    .number({ error: "field.threshold" })
    .int("field.threshold")
    .min(0, "field.threshold")
    .max(100_000_000_000, "field.atMost")
    .nullable(),
});
export const decisionInput = z.object({
  id: idInput("field.idApproval"),
  approve: z.boolean({ error: "field.approve" }),
  note: z.string().trim().max(500, "field.maxChars").default(""),
});

export function setSpendingThreshold(db: DB, actor: Actor, raw: z.input<typeof thresholdInput>) {
  assertManager(actor);
  const input = parseInput(thresholdInput, raw);
  db.transaction((tx) => {
    tx.update(firms)
      .set({ spendingThresholdFen: input.thresholdFen })
      .where(eq(firms.id, actor.firmId))
      .run();
    recordAudit(tx, {
      action: "firm.spending_threshold_set",
      actorId: actor.userId,
      actorEmail: actor.email,
      target: `firm:${actor.firmId}`,
      detail: { thresholdFen: input.thresholdFen },
    });
  });
  return { thresholdFen: input.thresholdFen };
}

/** The managers' queue and the threshold. */
export function approvalQueue(db: DB, actor: Actor) {
  assertManager(actor);
  const threshold = db
    .select({ t: firms.spendingThresholdFen })
    .from(firms)
    .where(eq(firms.id, actor.firmId))
    .get()!.t;
  const pending = db
    .select({
      id: quoteApprovals.id,
      requestId: quoteApprovals.requestId,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      amountFen: quoteApprovals.amountFen,
      validUntil: bookingRequests.quoteValidUntil,
      requestedBy: users.name,
      createdAt: quoteApprovals.createdAt,
    })
    .from(quoteApprovals)
    .innerJoin(bookingRequests, eq(bookingRequests.id, quoteApprovals.requestId))
    .innerJoin(users, eq(users.id, quoteApprovals.requestedBy))
    .where(and(eq(quoteApprovals.firmId, actor.firmId), eq(quoteApprovals.status, "pending")))
    .orderBy(asc(quoteApprovals.createdAt))
    .all();
  return { thresholdFen: threshold, pending };
}

/**
 * A manager's decision. Approving accepts the quote (as the manager, with the member's voucher
 * choice); if the quote can no longer be accepted, the wait is marked lapsed and the refusal says
 * why.
 */
export function decideApproval(db: DB, actor: Actor, raw: z.input<typeof decisionInput>) {
  assertManager(actor);
  const input = parseInput(decisionInput, raw);
  const a = db.select().from(quoteApprovals).where(eq(quoteApprovals.id, input.id)).get();
  if (!a || a.firmId !== actor.firmId) throw notFound("approval");
  if (a.status !== "pending") throw refuse("INVALID_STATE", "firm.approvalDecided");
  const close = (status: "approved" | "declined" | "lapsed", note: string) =>
    db.transaction((tx) => {
      tx.update(quoteApprovals)
        .set({ status, decidedBy: actor.userId, decidedAt: now(), note })
        .where(and(eq(quoteApprovals.id, a.id), eq(quoteApprovals.status, "pending")))
        .run();
      recordAudit(tx, {
        action: `firm.approval_${status}`,
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `request:${a.requestId}`,
      });
    });
  if (!input.approve) {
    close("declined", input.note);
    return { status: "declined" as const };
  }
  try {
    acceptQuote(db, actor, { id: a.requestId, ...a.choice });
  } catch (e) {
    if (!(e instanceof DomainError) || e.code === "NOT_FOUND") throw e;
    close("lapsed", e.message);
    const ref = db
      .select({ ref: bookingRequests.ref })
      .from(bookingRequests)
      .where(eq(bookingRequests.id, a.requestId))
      .get()!.ref;
    throw refuse("INVALID_STATE", "firm.approvalLapsed", { ref, why: e.message });
  }
  close("approved", input.note);
  return { status: "approved" as const };
}

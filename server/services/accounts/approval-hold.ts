// The acceptance's side of spending approval: a member's acceptance of a quote above the firm's
// threshold is recorded as waiting for a manager (who is told) instead of booking. The managers'
// side is in ./spending.ts.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { firms, quoteApprovals } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { now } from "../clock";
import { recordAudit } from "../audit/record-audit";
import type { RequestRow } from "../booking/request-access";
import { notifyOtherParty } from "../booking/notify";

/**
 * Called by the acceptance in its transaction: true when this acceptance must wait for a manager
 * (the caller is a member and the quote is above the firm's threshold). The wait is recorded once
 * per request while it is pending.
 */
export function holdForApproval(
  tx: DbOrTx,
  actor: Actor & { firmId: number },
  r: RequestRow,
  choice: { useVoucher?: boolean; voucherFen?: number },
): boolean {
  if (actor.firmRole === "manager") return false;
  const firm = tx
    .select({ threshold: firms.spendingThresholdFen })
    .from(firms)
    .where(eq(firms.id, actor.firmId))
    .get();
  const amount = r.quoteAmountFen ?? 0;
  if (firm?.threshold === null || firm?.threshold === undefined || amount <= firm.threshold)
    return false;
  const pending = tx
    .select({ id: quoteApprovals.id })
    .from(quoteApprovals)
    .where(and(eq(quoteApprovals.requestId, r.id), eq(quoteApprovals.status, "pending")))
    .get();
  if (pending) throw refuse("CONFLICT", "firm.approvalPending", { ref: r.ref });
  tx.insert(quoteApprovals)
    .values({
      requestId: r.id,
      firmId: actor.firmId,
      requestedBy: actor.userId,
      amountFen: amount,
      choice,
      createdAt: now(),
    })
    .run();
  notifyOtherParty(
    tx,
    r,
    actor.userId,
    "request.approval_requested",
    now(),
    { code: "approvalRequested", params: { name: actor.name, yuan: amount / 100 } },
    "managers",
  );
  recordAudit(tx, {
    action: "firm.approval_requested",
    actorId: actor.userId,
    actorEmail: actor.email,
    target: `request:${r.id}`,
    detail: { amountFen: amount, thresholdFen: firm.threshold },
  });
  return true;
}

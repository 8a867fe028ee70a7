// The firm accepts a quote: the hold becomes a booking. A quote past its validity expires instead.
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { DB } from "@/db/client";
import { reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { moveInput } from "./inputs";
import { reserveCover, voucherChoice } from "../vouchers/offer";
import { assertVersion, loadRequestFor } from "./request-access";
import { assertTransition } from "./transitions";
import { recordTransition } from "./record-transition";
import { expireRequest } from "./expire-quotes";
import { assertAccreditedGates } from "./accreditation-gates";
import { agreementNumber } from "@/db/reference/agreement-number";
import { holdForApproval } from "../accounts/approval-hold";

export const acceptInput = moveInput.extend(voucherChoice);

export function acceptQuote(
  db: DB,
  actor: Actor & { firmId: number },
  raw: z.input<typeof acceptInput>,
) {
  const input = parseInput(acceptInput, raw);
  const outcome = db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      assertVersion(r, input.version);
      assertTransition(r.status, "confirmed", "firm");
      if (r.quoteValidUntil === null || r.quoteValidUntil <= at) {
        expireRequest(tx, r);
        return { expired: true as const, ref: r.ref, validUntil: r.quoteValidUntil ?? at };
      }
      assertAccreditedGates(tx, r.serviceId, r.quoteEquipmentId!, r.quoteEnd!);
      // A member's acceptance above the firm's threshold waits for a manager.
      if (
        holdForApproval(tx, actor, r, {
          useVoucher: input.useVoucher,
          voucherFen: input.voucherFen,
        })
      )
        return {
          expired: false as const,
          awaitingApproval: true,
          id: r.id,
          ref: r.ref,
          status: r.status,
          version: r.version,
          voucherFen: 0,
        };
      const promoted = tx
        .update(reservations)
        .set({ kind: "booking", expiresAt: null })
        .where(
          and(
            eq(reservations.requestId, r.id),
            eq(reservations.kind, "hold"),
            isNull(reservations.releasedAt),
          ),
        )
        .returning({ id: reservations.id })
        .all();
      if (promoted.length === 0)
        throw refuse("INVALID_STATE", "request.noHeldSlot", { ref: r.ref });
      // The voucher cover is reserved in this transaction, so concurrent acceptances can never
      // overspend an allotment, a firm's annual cap or a programme's budget.
      const cover = reserveCover(tx, r, input, actor.userId, at);
      // Accepting the quote accepts the service agreement of its version.
      const confirmed = recordTransition(
        tx,
        r,
        "confirmed",
        actor.userId,
        at,
        { confirmedAt: at, agreementNumber: agreementNumber(r.ref, r.quoteVersion) },
        cover > 0 ? { code: "voucherReserved", params: { amount: cover / 100 } } : null,
      );
      return {
        expired: false as const,
        awaitingApproval: false,
        id: confirmed.id,
        ref: confirmed.ref,
        status: confirmed.status,
        version: confirmed.version,
        voucherFen: cover,
      };
    },
    { behavior: "immediate" },
  );
  if (outcome.expired)
    throw refuse("INVALID_STATE", "request.quoteExpired", {
      ref: outcome.ref,
      validUntil: new Date(outcome.validUntil),
    });
  return outcome;
}

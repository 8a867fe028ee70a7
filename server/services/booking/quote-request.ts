// An operator quotes a request routed to their facility: a slot on their equipment, a price and
// a validity. A hold keeps the slot until the quote expires.
import { and, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { equipment, facilities, quoteLines, reservations } from "@/db/schema";
import { priceQuoteLines } from "../money/quote-lines";
import type { Actor } from "../actor";
import { refuse, validation, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { loadCapacity } from "../scheduling/availability";
import { quoteInput, type QuoteInput } from "./inputs";
import { assertVersion, loadRequestFor } from "./request-access";
import { assertTransition } from "./transitions";
import { assertSlotBookable } from "./slot-check";
import { recordTransition } from "./record-transition";
import { assertAccreditedGates } from "./accreditation-gates";

export function quoteRequest(db: DB, actor: Actor & { facilityId: number }, raw: QuoteInput) {
  const input = parseInput(quoteInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.id);
      if (r.facilityId !== actor.facilityId)
        throw refuse("INVALID_STATE", "request.notRoutedYet", { ref: r.ref });
      assertVersion(r, input.version);
      assertTransition(r.status, "quoted", "facility");
      const own = tx
        .select({ id: equipment.id })
        .from(equipment)
        .where(and(eq(equipment.id, input.equipmentId), eq(equipment.facilityId, actor.facilityId)))
        .get();
      if (!own) throw notFound("equipment");
      if (input.validUntil <= at) throw validation("validUntil", "field.inFuture");
      const cap = loadCapacity(tx, input.equipmentId);
      const slot = { start: input.start, end: input.end, units: input.units };
      assertSlotBookable(tx, cap, slot, at);
      assertAccreditedGates(tx, r.serviceId, cap.equipmentId, slot.end);
      const { vatRateBp } = tx
        .select({ vatRateBp: facilities.vatRateBp })
        .from(facilities)
        .where(eq(facilities.id, actor.facilityId))
        .get()!;
      const lines = input.lines ?? [
        {
          kind: "other" as const,
          description: "",
          quantity: 1,
          unit: "",
          unitPriceFen: input.amountFen!,
          voucherEligible: false,
        },
      ];
      const priced = priceQuoteLines(lines, vatRateBp);
      if (priced.totalFen < 0) throw validation("lines", "field.totalBelowZero");
      const quoteVersion = r.quoteVersion + 1;
      tx.insert(quoteLines)
        .values(
          priced.lines.map((l, position) => ({
            requestId: r.id,
            version: quoteVersion,
            position,
            kind: l.kind,
            description: l.description,
            quantityMilli: l.quantityMilli,
            unit: l.unit,
            unitPriceFen: l.unitPriceFen,
            netFen: l.netFen,
            vatFen: l.vatFen,
            voucherEligible: l.voucherEligible,
            createdAt: at,
          })),
        )
        .run();
      tx.insert(reservations)
        .values({
          facilityId: cap.facilityId,
          equipmentId: cap.equipmentId,
          requestId: r.id,
          kind: "hold",
          start: slot.start,
          end: slot.end,
          units: slot.units,
          expiresAt: input.validUntil,
          createdAt: at,
        })
        .run();
      const quoted = recordTransition(
        tx,
        r,
        "quoted",
        actor.userId,
        at,
        {
          quoteAmountFen: priced.totalFen,
          quoteVatFen: priced.vatFen,
          quoteVatRateBp: vatRateBp,
          quoteVersion,
          quoteValidUntil: input.validUntil,
          quoteEquipmentId: cap.equipmentId,
          quoteStart: slot.start,
          quoteEnd: slot.end,
          quoteUnits: slot.units,
          quotedAt: at,
        },
        { code: "quoted", params: { yuan: priced.totalFen / 100 } },
      );
      return { id: quoted.id, ref: quoted.ref, status: quoted.status, version: quoted.version };
    },
    { behavior: "immediate" },
  );
}

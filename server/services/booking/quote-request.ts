// An operator quotes a request routed to their facility: a slot on their equipment, the quote's
// lines and a validity. A hold keeps the slot until the quote expires. A quote not yet accepted
// can be revised: a new version of its lines (and slot), the earlier version kept for the firm to
// compare; once accepted, the price no longer changes.
import { and, eq, isNull } from "drizzle-orm";
import type { DB, DbOrTx } from "@/db/client";
import { equipment, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { refuse, validation, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { loadCapacity } from "../scheduling/availability";
import { storeQuoteLines } from "./quote-store";
import { quoteInput, type QuoteInput } from "./inputs";
import { assertVersion, loadRequestFor, type RequestRow } from "./request-access";
import { assertTransition } from "./transitions";
import { assertSlotBookable } from "./slot-check";
import { recordTransition } from "./record-transition";
import { assertAccreditedGates } from "./accreditation-gates";

type Quote = ReturnType<typeof quoteInput.parse>;

/** Checks the slot and lines, holds the slot and writes the lines of the next version; the
 * request's quote columns to set. */
function writeQuote(tx: DbOrTx, r: RequestRow, facilityId: number, input: Quote, at: number) {
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
  // Lines are checked first: a bad line is the operator's to fix whatever the slot.
  const { agreement: _agreement, ...quote } = storeQuoteLines(tx, r, facilityId, lines, at);
  const own = tx
    .select({ id: equipment.id })
    .from(equipment)
    .where(and(eq(equipment.id, input.equipmentId), eq(equipment.facilityId, facilityId)))
    .get();
  if (!own) throw notFound("equipment");
  if (input.validUntil <= at) throw validation("validUntil", "field.inFuture");
  const cap = loadCapacity(tx, input.equipmentId);
  const slot = { start: input.start, end: input.end, units: input.units };
  assertSlotBookable(tx, cap, slot, at);
  assertAccreditedGates(tx, r.serviceId, cap.equipmentId, slot.end);
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
  return {
    ...quote,
    quoteValidUntil: input.validUntil,
    quoteEquipmentId: cap.equipmentId,
    quoteStart: slot.start,
    quoteEnd: slot.end,
    quoteUnits: slot.units,
  };
}

function loadOwn(tx: DbOrTx, actor: Actor & { facilityId: number }, input: Quote) {
  const r = loadRequestFor(tx, actor, input.id);
  if (r.facilityId !== actor.facilityId)
    throw refuse("INVALID_STATE", "request.notRoutedYet", { ref: r.ref });
  assertVersion(r, input.version);
  return r;
}

export function quoteRequest(db: DB, actor: Actor & { facilityId: number }, raw: QuoteInput) {
  const input = parseInput(quoteInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadOwn(tx, actor, input);
      assertTransition(r.status, "quoted", "facility");
      const changes = writeQuote(tx, r, actor.facilityId, input, at);
      const quoted = recordTransition(
        tx,
        r,
        "quoted",
        actor.userId,
        at,
        { ...changes, quotedAt: at },
        { code: "quoted", params: { yuan: changes.quoteAmountFen / 100 } },
      );
      return { id: quoted.id, ref: quoted.ref, status: quoted.status, version: quoted.version };
    },
    { behavior: "immediate" },
  );
}

/** A new version of a quote the firm has not yet accepted; its hold moves with it. */
export function reviseQuote(db: DB, actor: Actor & { facilityId: number }, raw: QuoteInput) {
  const input = parseInput(quoteInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadOwn(tx, actor, input);
      if (r.status !== "quoted")
        throw refuse("INVALID_STATE", "quote.notOpen", { ref: r.ref, status: r.status });
      if ((r.quoteValidUntil ?? 0) <= at)
        throw refuse("INVALID_STATE", "quote.lapsed", { ref: r.ref });
      // The earlier hold gives way first, so the revision may keep the same slot.
      tx.update(reservations)
        .set({ releasedAt: at })
        .where(
          and(
            eq(reservations.requestId, r.id),
            eq(reservations.kind, "hold"),
            isNull(reservations.releasedAt),
          ),
        )
        .run();
      const changes = writeQuote(tx, r, actor.facilityId, input, at);
      const revised = recordTransition(
        tx,
        r,
        "quoted",
        actor.userId,
        at,
        { ...changes, quotedAt: at },
        {
          code: "quoteRevised",
          params: { version: changes.quoteVersion, yuan: changes.quoteAmountFen / 100 },
        },
        "request.quote_revised",
      );
      return { id: revised.id, ref: revised.ref, status: revised.status, version: revised.version };
    },
    { behavior: "immediate" },
  );
}

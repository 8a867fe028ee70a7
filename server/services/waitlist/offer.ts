// The waitlist's offers: when capacity has freed, the first entry in line whose need now fits gets
// a hold on the earliest fitting slot of its window, and its request is quoted at the published
// price, valid for WAITLIST_HOLD_MS (or until the slot starts). The firm accepts it as any quote;
// if it lapses, the quote expires and the capacity goes to the next in line. Runs in the write
// transaction of every path that frees capacity (cancel, withdraw, reject, expiry, reschedule,
// maintenance removed, fault closed) and once a minute in the server, so capacity freed by the
// clock alone (a hold running out) finds its taker within a minute.
import { asc, eq, inArray } from "drizzle-orm";
import type { DB, DbOrTx } from "@/db/client";
import { bookingRequests, equipment, reservations, waitlistEntries } from "@/db/schema";
import type { WaitlistStatus } from "@/db/schema";
import { DomainError } from "../errors";
import { now } from "../clock";
import { loadCapacity, freeIntervalsFor } from "../scheduling/availability";
import { firstSlot, nextMinute } from "../scheduling/free-intervals";
import { facilityTimeZone } from "../scheduling/facility-time-zone";
import { localTimeText } from "../scheduling/local-time";
import { assertSlotBookable } from "../booking/slot-check";
import { assertAccreditedGates } from "../booking/accreditation-gates";
import { recordTransition } from "../booking/record-transition";
import { storeQuoteLines, vatRateOf } from "../booking/quote-store";
import type { RequestRow } from "../booking/request-access";
import { suggestedQuoteLines } from "../money/suggested-lines";
import { findMatches } from "../hub/find-matches";

const HOUR = 3_600_000;
/** How long an offer holds its slot (unless the slot starts sooner). */
export const WAITLIST_HOLD_MS = 24 * HOUR;
/** An offered slot starts no sooner than this, so that the firm has time to answer. */
export const OFFER_NOTICE_MS = 2 * HOUR;

/** The earliest start an offer made at `at` may have within a window opening at `windowStart`. */
export const earliestOffer = (windowStart: number, at: number) =>
  Math.max(windowStart, nextMinute(at + OFFER_NOTICE_MS));

type Entry = typeof waitlistEntries.$inferSelect;
type Place = { facilityId: number; equipmentId: number; serviceId: number | null };
type Offer = Place & { start: number; end: number };

/** What an entry has become now that its request moved on, or null while it still applies. The
 * job writes it down; readers apply it at once, so that a page never shows an offer as open after
 * the firm accepted it. */
export function settled(
  e: Entry,
  r: RequestRow,
  at: number,
): { status: WaitlistStatus; reason?: "movedOn" | "windowPassed" | "declined" } | null {
  if (e.status === "offered") {
    if (r.status === "quoted") return null;
    if (["confirmed", "in_progress", "completed"].includes(r.status)) return { status: "booked" };
    if (r.status === "expired") return { status: "lapsed" };
    return { status: "closed", reason: "declined" };
  }
  if (r.status !== "submitted") return { status: "closed", reason: "movedOn" };
  if (e.windowEnd - earliestOffer(e.windowStart, at) < e.hours * HOUR)
    return { status: "closed", reason: "windowPassed" };
  return null;
}

/** The earliest slot of the entry's equipment that fits its need now, or null. */
export function equipmentFit(tx: DbOrTx, e: Entry, r: RequestRow, at: number): Offer | null {
  const cap = loadCapacity(tx, e.equipmentId!);
  if (!cap.bookable) return null;
  const from = earliestOffer(e.windowStart, at);
  const free = freeIntervalsFor(tx, cap, { from, to: e.windowEnd, now: at });
  const slot = firstSlot(free, e.hours, e.units);
  if (!slot) return null;
  try {
    assertSlotBookable(tx, cap, { ...slot, units: e.units }, at);
    assertAccreditedGates(tx, r.serviceId, cap.equipmentId, slot.end);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
  return {
    ...slot,
    facilityId: cap.facilityId,
    equipmentId: cap.equipmentId,
    serviceId: r.serviceId,
  };
}

/** For a hub need: the matcher's best candidate with a slot in the window, or null. */
export function hubFit(tx: DbOrTx, e: Entry, r: RequestRow, at: number): Offer | null {
  let found: ReturnType<typeof findMatches>;
  try {
    found = findMatches(
      tx,
      {
        serviceType: r.serviceType,
        category: e.category ?? undefined,
        requiredParams: r.requiredParams,
        earliestStart: earliestOffer(e.windowStart, at),
        deadline: e.windowEnd,
        hours: e.hours,
        units: e.units,
        limit: 5,
      },
      at,
    );
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
  const best = found.candidates.find((c) => c.slot);
  if (!best?.slot) return null;
  return {
    facilityId: best.facility.id,
    equipmentId: best.equipment.id,
    serviceId: best.service.id,
    start: best.slot.start,
    end: best.slot.end,
  };
}

export const fitOf = (tx: DbOrTx, e: Entry, r: RequestRow, at: number) =>
  e.equipmentId === null ? hubFit(tx, e, r, at) : equipmentFit(tx, e, r, at);

/** The lines of the offer at the published price (none when nothing is published). */
export function publishedLines(
  tx: DbOrTx,
  r: RequestRow,
  place: Place,
  hours: number,
  units: number,
) {
  return suggestedQuoteLines(
    tx,
    { ...r, ...place, quoteEquipmentId: place.equipmentId, hours, units },
    vatRateOf(tx, place.facilityId),
  );
}

function offer(tx: DbOrTx, e: Entry, r: RequestRow, fit: Offer, at: number): boolean {
  const lines = publishedLines(tx, r, fit, e.hours, e.units);
  if (lines.length === 0) return false;
  const validUntil = Math.min(at + WAITLIST_HOLD_MS, fit.start);
  tx.insert(reservations)
    .values({
      facilityId: fit.facilityId,
      equipmentId: fit.equipmentId,
      requestId: r.id,
      kind: "hold",
      start: fit.start,
      end: fit.end,
      units: e.units,
      expiresAt: validUntil,
      createdAt: at,
    })
    .run();
  const { agreement: _agreement, ...quote } = storeQuoteLines(tx, r, fit.facilityId, lines, at);
  recordTransition(
    tx,
    r,
    "quoted",
    null,
    at,
    {
      ...quote,
      facilityId: fit.facilityId,
      equipmentId: fit.equipmentId,
      serviceId: fit.serviceId,
      routedAt: r.facilityId === null ? at : r.routedAt,
      quoteValidUntil: validUntil,
      quoteEquipmentId: fit.equipmentId,
      quoteStart: fit.start,
      quoteEnd: fit.end,
      quoteUnits: e.units,
      quotedAt: at,
    },
    {
      code: "waitlistOffer",
      params: { until: localTimeText(validUntil, facilityTimeZone(tx, fit.facilityId)) },
    },
    "request.waitlist_offer",
  );
  tx.update(waitlistEntries)
    .set({
      status: "offered",
      offeredAt: at,
      offerStart: fit.start,
      offerEnd: fit.end,
      offerExpiresAt: validUntil,
      facilityId: fit.facilityId,
    })
    .where(eq(waitlistEntries.id, e.id))
    .run();
  return true;
}

/** Where capacity was freed: the reservations of some requests, some equipment, or a facility. */
export type Freed = { requests: number[] } | { equipment: number[] } | { facility: number };

/** The equipment (and its categories) a freeing touched. */
function freedEquipment(tx: DbOrTx, freed: Freed) {
  const ids =
    "equipment" in freed
      ? freed.equipment
      : "requests" in freed
        ? tx
            .selectDistinct({ id: reservations.equipmentId })
            .from(reservations)
            .where(inArray(reservations.requestId, freed.requests))
            .all()
            .flatMap((r) => (r.id === null ? [] : [r.id]))
        : tx
            .select({ id: equipment.id })
            .from(equipment)
            .where(eq(equipment.facilityId, freed.facility))
            .all()
            .map((r) => r.id);
  const rows = ids.length
    ? tx
        .select({ id: equipment.id, category: equipment.category })
        .from(equipment)
        .where(inArray(equipment.id, ids))
        .all()
    : [];
  return {
    ids: new Set(rows.map((r) => r.id)),
    categories: new Set(rows.map((r) => r.category)),
  };
}

function openEntries(tx: DbOrTx) {
  return tx
    .select({ entry: waitlistEntries, request: bookingRequests })
    .from(waitlistEntries)
    .innerJoin(bookingRequests, eq(bookingRequests.id, waitlistEntries.requestId))
    .where(inArray(waitlistEntries.status, ["waiting", "offered"]))
    .orderBy(asc(waitlistEntries.id))
    .all();
}

/**
 * In the caller's write transaction: settles entries whose request moved on, then offers freed
 * capacity in line order (each offer's hold is seen by the entries after it). With `freed`, only
 * the entries that capacity could serve are tried (the equipment's own lines, and hub needs of its
 * category); the job tries every entry. Returns the offers.
 */
export function offerWaitlist(tx: DbOrTx, at: number, freed?: Freed): number {
  const scope = freed ? freedEquipment(tx, freed) : null;
  const concerned = (e: Entry) =>
    !scope ||
    (e.equipmentId !== null
      ? scope.ids.has(e.equipmentId)
      : e.category === null || scope.categories.has(e.category));
  let offers = 0;
  for (const { entry, request } of openEntries(tx)) {
    const done = settled(entry, request, at);
    if (done) {
      tx.update(waitlistEntries)
        .set({ status: done.status, closeReason: done.reason ?? null, closedAt: at })
        .where(eq(waitlistEntries.id, entry.id))
        .run();
      continue;
    }
    if (entry.status !== "waiting" || !concerned(entry)) continue;
    const fit = fitOf(tx, entry, request, at);
    if (fit && offer(tx, entry, request, fit, at)) offers += 1;
  }
  return offers;
}

/** Whether the waitlist has anything to do at `at` (a read, so that the job writes only then). */
function anythingDue(db: DbOrTx, at: number): boolean {
  return openEntries(db).some(
    ({ entry, request }) =>
      settled(entry, request, at) !== null ||
      (entry.status === "waiting" && fitOf(db, entry, request, at) !== null),
  );
}

/** The job: once a minute in the server, with `BEGIN IMMEDIATE` when something is due. */
export function runWaitlist(db: DB, at: number = now()): number {
  if (!anythingDue(db, at)) return 0;
  return db.transaction((tx) => offerWaitlist(tx, at), { behavior: "immediate" });
}

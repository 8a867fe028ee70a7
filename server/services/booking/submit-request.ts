// A firm submits a request: to a facility (through its equipment or service) or to the hub. On
// auto-approve equipment a free preferred slot is booked at once; a taken one is refused.
import { storeQuoteLines, vatRateOf } from "./quote-store";
import { suggestedQuoteLines } from "../money/suggested-lines";
import { and, eq, sql } from "drizzle-orm";
import type { DB, DbOrTx } from "@/db/client";
import {
  bookingRequests,
  equipment,
  facilities,
  requestCounters,
  reservations,
  services,
} from "@/db/schema";
import type { Actor } from "../actor";
import { refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { loadCapacity } from "../scheduling/availability";
import { submitRequestInput, type SubmitRequestInput } from "./inputs";
import { assertSlotBookable } from "./slot-check";
import { localParts, NETWORK_TIME_ZONE } from "../scheduling/local-time";
import { notifyOtherParty } from "./notify";
import { recordTransition, writeEvent } from "./record-transition";
import { assertAccreditedGates } from "./accreditation-gates";
import { prepared } from "../prepared-queries";

const ph = sql.placeholder;

// The path's queries, each written once per connection (prepared-queries.ts).
const bumpCounter = (db: DbOrTx) =>
  db
    .insert(requestCounters)
    .values({ year: ph("year"), last: 1 })
    .onConflictDoUpdate({
      target: requestCounters.year,
      set: { last: sql`${requestCounters.last} + 1` },
    })
    .returning({ last: requestCounters.last })
    .prepare();
const sharedEquipment = (db: DbOrTx) =>
  db
    .select()
    .from(equipment)
    .where(and(eq(equipment.id, ph("id")), eq(equipment.sharing, "external")))
    .prepare();
const activeService = (db: DbOrTx) =>
  db
    .select()
    .from(services)
    .where(and(eq(services.id, ph("id")), eq(services.status, "active")))
    .prepare();
const facilityStatus = (db: DbOrTx) =>
  db
    .select({ status: facilities.status })
    .from(facilities)
    .where(eq(facilities.id, ph("id")))
    .prepare();
const insertRequest = (db: DbOrTx) =>
  db
    .insert(bookingRequests)
    .values({
      ref: ph("ref"),
      firmId: ph("firmId"),
      requesterId: ph("requesterId"),
      facilityId: ph("facilityId"),
      serviceId: ph("serviceId"),
      serviceType: ph("serviceType"),
      equipmentId: ph("equipmentId"),
      title: ph("title"),
      description: ph("description"),
      sampleDetails: ph("sampleDetails"),
      hazardClass: ph("hazardClass"),
      standard: ph("standard"),
      quantity: ph("quantity"),
      requiredParams: ph("requiredParams"),
      equipmentCategory: ph("equipmentCategory"),
      earliestStart: ph("earliestStart"),
      deadline: ph("deadline"),
      hours: ph("hours"),
      units: ph("units"),
      preferredStart: ph("preferredStart"),
      status: "submitted",
      createdAt: ph("at"),
      updatedAt: ph("at"),
    })
    .returning()
    .prepare();
const insertBooking = (db: DbOrTx) =>
  db
    .insert(reservations)
    .values({
      facilityId: ph("facilityId"),
      equipmentId: ph("equipmentId"),
      requestId: ph("requestId"),
      kind: "booking",
      start: ph("start"),
      end: ph("end"),
      units: ph("units"),
      createdAt: ph("at"),
    })
    .prepare();

/** The next PT-YYYY-NNNNNN reference for the year (Asia/Shanghai) of `at`. */
export function nextReference(tx: DbOrTx, at: number): string {
  const year = localParts(at, NETWORK_TIME_ZONE).year;
  const row = prepared(tx, bumpCounter).get({ year })!;
  return `PT-${year}-${String(row.last).padStart(6, "0")}`;
}

/** The facility the request goes to (null: the hub), and the equipment it names, checked. */
function resolveFacility(
  tx: DbOrTx,
  input: { facilityId?: number; serviceId?: number; equipmentId?: number; units: number },
) {
  let facilityId = input.facilityId ?? null;
  let named: { autoApprove: boolean } | null = null;
  if (input.equipmentId !== undefined) {
    const e = prepared(tx, sharedEquipment).get({ id: input.equipmentId });
    if (!e || e.status === "retired")
      throw validation("equipmentId", "field.noSuchSharedEquipment");
    if (facilityId !== null && facilityId !== e.facilityId)
      throw validation("equipmentId", "field.otherFacility");
    if (input.units > e.units)
      throw validation("units", "field.equipmentUnits", { units: e.units });
    facilityId = e.facilityId;
    named = e;
  }
  if (input.serviceId !== undefined) {
    const s = prepared(tx, activeService).get({ id: input.serviceId });
    if (!s) throw validation("serviceId", "field.noSuchService");
    if (facilityId !== null && facilityId !== s.facilityId)
      throw validation("serviceId", "field.serviceOtherFacility");
    facilityId = s.facilityId;
  }
  if (facilityId !== null) {
    const f = prepared(tx, facilityStatus).get({ id: facilityId });
    if (!f) throw validation("facilityId", "field.noSuchFacility");
    if (f.status !== "active") throw refuse("INVALID_STATE", "request.facilitySuspended");
  }
  return { facilityId, equipment: named };
}

export function submitRequest(db: DB, actor: Actor & { firmId: number }, raw: SubmitRequestInput) {
  // A self-registered user confirms their email address before the first request.
  if (!actor.emailVerified)
    throw refuse("FORBIDDEN", "account.emailUnverified", { email: actor.email });
  const input = parseInput(submitRequestInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const { facilityId, equipment: named } = resolveFacility(tx, input);
      const ref = nextReference(tx, at);
      const request = prepared(tx, insertRequest).get({
        ref,
        firmId: actor.firmId,
        requesterId: actor.userId,
        facilityId,
        serviceId: input.serviceId ?? null,
        serviceType: input.serviceType,
        equipmentId: input.equipmentId ?? null,
        title: input.title,
        description: input.description,
        sampleDetails: input.sampleDetails,
        hazardClass: input.hazardClass ?? null,
        standard: input.standard ?? null,
        quantity: input.quantity ?? null,
        requiredParams: input.requiredParams,
        equipmentCategory: input.equipmentCategory ?? null,
        earliestStart: input.earliestStart,
        deadline: input.deadline,
        hours: input.hours,
        units: input.units,
        preferredStart: input.preferredStart ?? null,
        at,
      })!;
      writeEvent(tx, {
        requestId: request.id,
        actorId: actor.userId,
        fromStatus: null,
        toStatus: "submitted",
        note: facilityId === null ? { code: "sentToHub" } : null,
        at,
      });
      notifyOtherParty(tx, request, actor.userId, "request.submitted", at);

      // On auto-approve equipment the preferred slot is booked at once.
      if (
        named?.autoApprove &&
        input.equipmentId !== undefined &&
        input.preferredStart !== undefined
      ) {
        const cap = loadCapacity(tx, input.equipmentId);
        const slot = {
          start: input.preferredStart,
          end: input.preferredStart + input.hours * 3_600_000,
          units: input.units,
        };
        assertSlotBookable(tx, cap, slot, at);
        assertAccreditedGates(tx, input.serviceId ?? null, cap.equipmentId, slot.end);
        prepared(tx, insertBooking).run({
          facilityId: cap.facilityId,
          equipmentId: cap.equipmentId,
          requestId: request.id,
          ...slot,
          at,
        });
        // Confirmed at the published price: the fee schedule of the service, or machine time.
        const { agreement, ...quote } = storeQuoteLines(
          tx,
          request,
          cap.facilityId,
          suggestedQuoteLines(tx, request, vatRateOf(tx, cap.facilityId)),
          at,
        );
        const confirmed = recordTransition(
          tx,
          request,
          "confirmed",
          null,
          at,
          {
            ...quote,
            agreementNumber: agreement,
            quoteValidUntil: at,
            quoteEquipmentId: cap.equipmentId,
            quoteStart: slot.start,
            quoteEnd: slot.end,
            quoteUnits: slot.units,
            confirmedAt: at,
          },
          { code: "autoApproved" },
        );
        return { id: confirmed.id, ref, status: confirmed.status };
      }
      return { id: request.id, ref, status: request.status };
    },
    { behavior: "immediate" },
  );
}

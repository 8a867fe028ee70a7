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
  requestEvents,
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
import { noteColumns } from "./event-note";
import { localParts, NETWORK_TIME_ZONE } from "../scheduling/local-time";
import { notifyOtherParty } from "./notify";
import { recordTransition } from "./record-transition";
import { assertAccreditedGates } from "./accreditation-gates";

/** The next PT-YYYY-NNNNNN reference for the year (Asia/Shanghai) of `at`. */
export function nextReference(tx: DbOrTx, at: number): string {
  const year = localParts(at, NETWORK_TIME_ZONE).year;
  const row = tx
    .insert(requestCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({
      target: requestCounters.year,
      set: { last: sql`${requestCounters.last} + 1` },
    })
    .returning({ last: requestCounters.last })
    .get();
  return `PT-${year}-${String(row.last).padStart(6, "0")}`;
}

function resolveFacility(
  tx: DbOrTx,
  input: { facilityId?: number; serviceId?: number; equipmentId?: number; units: number },
) {
  let facilityId = input.facilityId ?? null;
  if (input.equipmentId !== undefined) {
    const e = tx
      .select()
      .from(equipment)
      .where(and(eq(equipment.id, input.equipmentId), eq(equipment.sharing, "external")))
      .get();
    if (!e || e.status === "retired")
      throw validation("equipmentId", "field.noSuchSharedEquipment");
    if (facilityId !== null && facilityId !== e.facilityId)
      throw validation("equipmentId", "field.otherFacility");
    if (input.units > e.units)
      throw validation("units", "field.equipmentUnits", { units: e.units });
    facilityId = e.facilityId;
  }
  if (input.serviceId !== undefined) {
    const s = tx
      .select()
      .from(services)
      .where(and(eq(services.id, input.serviceId), eq(services.status, "active")))
      .get();
    if (!s) throw validation("serviceId", "field.noSuchService");
    if (facilityId !== null && facilityId !== s.facilityId)
      throw validation("serviceId", "field.serviceOtherFacility");
    facilityId = s.facilityId;
  }
  if (facilityId !== null) {
    const f = tx
      .select({ status: facilities.status })
      .from(facilities)
      .where(eq(facilities.id, facilityId))
      .get();
    if (!f) throw validation("facilityId", "field.noSuchFacility");
    if (f.status !== "active") throw refuse("INVALID_STATE", "request.facilitySuspended");
  }
  return facilityId;
}

export function submitRequest(db: DB, actor: Actor & { firmId: number }, raw: SubmitRequestInput) {
  // A self-registered user confirms their email address before the first request.
  if (!actor.emailVerified)
    throw refuse("FORBIDDEN", "account.emailUnverified", { email: actor.email });
  const input = parseInput(submitRequestInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const facilityId = resolveFacility(tx, input);
      const ref = nextReference(tx, at);
      const request = tx
        .insert(bookingRequests)
        .values({
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
          status: "submitted",
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get();
      tx.insert(requestEvents)
        .values({
          requestId: request.id,
          actorId: actor.userId,
          fromStatus: null,
          toStatus: "submitted",
          ...noteColumns(facilityId === null ? { code: "sentToHub" } : null),
          createdAt: at,
        })
        .run();
      notifyOtherParty(tx, request, actor.userId, "request.submitted", at);

      if (input.equipmentId !== undefined && input.preferredStart !== undefined) {
        const cap = loadCapacity(tx, input.equipmentId);
        const autoApprove = tx
          .select({ auto: equipment.autoApprove })
          .from(equipment)
          .where(eq(equipment.id, input.equipmentId))
          .get()!;
        if (autoApprove.auto) {
          const slot = {
            start: input.preferredStart,
            end: input.preferredStart + input.hours * 3_600_000,
            units: input.units,
          };
          assertSlotBookable(tx, cap, slot, at);
          assertAccreditedGates(tx, input.serviceId ?? null, cap.equipmentId, slot.end);
          tx.insert(reservations)
            .values({
              facilityId: cap.facilityId,
              equipmentId: cap.equipmentId,
              requestId: request.id,
              kind: "booking",
              start: slot.start,
              end: slot.end,
              units: slot.units,
              createdAt: at,
            })
            .run();
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
      }
      return { id: request.id, ref, status: request.status };
    },
    { behavior: "immediate" },
  );
}

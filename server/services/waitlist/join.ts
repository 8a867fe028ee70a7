// A firm joins the waitlist with a request no slot fits (of an equipment, or a hub need), for a
// window, hours and units; it leaves while still waiting. Joining is refused, with the reason, when
// a slot fits now (book it instead), when nothing could be offered at a published price, or when
// the window cannot hold the need.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { DB } from "@/db/client";
import { equipment, waitlistEntries } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound, refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { loadRequestFor, type RequestRow } from "../booking/request-access";
import { earliestOffer, fitOf, publishedLines } from "./offer";
import { joinWaitlistInput, waitlistEntryInput, type JoinWaitlistInput } from "./inputs";

const HOUR = 3_600_000;

/** Why a request cannot wait in line, or null: only a request waiting for a quote, with its
 * equipment named (or sent to the hub), joins. The request page shows the form on this rule. */
export function waitlistBlocker(r: RequestRow) {
  if (r.status !== "submitted")
    return refuse("INVALID_STATE", "waitlist.notWaitingForQuote", { ref: r.ref, status: r.status });
  if (r.facilityId !== null && r.equipmentId === null)
    return refuse("INVALID_STATE", "waitlist.needsEquipment", { ref: r.ref });
  return null;
}

export function joinWaitlist(db: DB, actor: Actor & { firmId: number }, raw: JoinWaitlistInput) {
  const input = parseInput(joinWaitlistInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = loadRequestFor(tx, actor, input.requestId);
      const blocked = waitlistBlocker(r);
      if (blocked) throw blocked;
      const before = tx
        .select({ id: waitlistEntries.id })
        .from(waitlistEntries)
        .where(eq(waitlistEntries.requestId, r.id))
        .get();
      if (before) throw refuse("CONFLICT", "waitlist.alreadyInLine", { ref: r.ref });
      if (input.windowEnd - earliestOffer(input.windowStart, at) < input.hours * HOUR)
        throw validation("windowEnd", "field.waitWindowPassed");
      let category = r.equipmentCategory;
      if (r.equipmentId !== null) {
        const e = tx.select().from(equipment).where(eq(equipment.id, r.equipmentId)).get()!;
        category = e.category;
        if (input.units > e.units)
          throw validation("units", "field.equipmentUnits", { units: e.units });
        if (input.hours < e.minHours || input.hours > e.maxHours)
          throw validation("hours", "field.waitHoursRange", { min: e.minHours, max: e.maxHours });
        if (e.status === "retired")
          throw refuse("INVALID_STATE", "waitlist.equipmentRetired", { name: e.name });
        const priced = publishedLines(
          tx,
          r,
          { facilityId: e.facilityId, equipmentId: e.id, serviceId: r.serviceId },
          input.hours,
          input.units,
        );
        if (priced.length === 0)
          throw refuse("INVALID_STATE", "waitlist.noPublishedPrice", { name: e.name });
      }
      const entry = tx
        .insert(waitlistEntries)
        .values({
          requestId: r.id,
          firmId: actor.firmId,
          equipmentId: r.equipmentId,
          facilityId: r.facilityId,
          category,
          windowStart: input.windowStart,
          windowEnd: input.windowEnd,
          hours: input.hours,
          units: input.units,
          createdAt: at,
        })
        .returning()
        .get();
      // Waiting is for when nothing fits: a slot that fits now is the firm's to book.
      const fit = fitOf(tx, entry, r, at);
      if (fit)
        throw refuse("CONFLICT", "waitlist.slotFree", {
          start: new Date(fit.start),
          end: new Date(fit.end),
        });
      return entry;
    },
    { behavior: "immediate" },
  );
}

export function leaveWaitlist(
  db: DB,
  actor: Actor & { firmId: number },
  raw: z.input<typeof waitlistEntryInput>,
) {
  const { entryId } = parseInput(waitlistEntryInput, raw);
  return db.transaction(
    (tx) => {
      const entry = tx
        .select()
        .from(waitlistEntries)
        .where(and(eq(waitlistEntries.id, entryId), eq(waitlistEntries.firmId, actor.firmId)))
        .get();
      if (!entry) throw notFound("waitlistEntry");
      if (entry.status !== "waiting")
        throw refuse("INVALID_STATE", "waitlist.notInLine", { status: entry.status });
      const at = now();
      tx.update(waitlistEntries)
        .set({ status: "closed", closeReason: "left", closedAt: at })
        .where(and(eq(waitlistEntries.id, entry.id), eq(waitlistEntries.status, "waiting")))
        .run();
      return { id: entry.id, status: "closed" as const };
    },
    { behavior: "immediate" },
  );
}

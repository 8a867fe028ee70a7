// Who sees the waitlist: the firm its own request's place in line; operators the line of their
// facility's equipment; the hub's coordinators the line of needs sent to the hub.
import { and, asc, count, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookingRequests, equipment, firms, waitlistEntries } from "@/db/schema";
import type { Actor } from "../actor";
import { loadRequestFor } from "../booking/request-access";
import { parseInput } from "../parse-input";
import { now } from "../clock";
import { settled } from "./offer";
import { waitlistOfRequestInput } from "./inputs";
import type { z } from "zod";

type Entry = typeof waitlistEntries.$inferSelect;

/** The entry as it stands now (its request may have moved on since the job last ran). */
function current(e: Entry, r: Parameters<typeof settled>[1]): Entry {
  if (e.status !== "waiting" && e.status !== "offered") return e;
  const done = settled(e, r, now());
  return done ? { ...e, status: done.status, closeReason: done.reason ?? null } : e;
}

/** The entries ahead of `e` in its line (the same equipment, or the same hub need category). */
export function placeInLine(tx: DbOrTx, e: Entry): number {
  const sameLine =
    e.equipmentId !== null
      ? eq(waitlistEntries.equipmentId, e.equipmentId)
      : and(
          isNull(waitlistEntries.equipmentId),
          e.category === null
            ? isNull(waitlistEntries.category)
            : eq(waitlistEntries.category, e.category),
        );
  const ahead = tx
    .select({ n: count() })
    .from(waitlistEntries)
    .where(and(sameLine, eq(waitlistEntries.status, "waiting"), lt(waitlistEntries.id, e.id)))
    .get()!.n;
  return ahead + 1;
}

/** A request's place on the waitlist (the newest entry), for those who may see the request. */
export function waitlistOfRequest(
  db: DbOrTx,
  actor: Actor,
  raw: z.input<typeof waitlistOfRequestInput>,
) {
  const { requestId } = parseInput(waitlistOfRequestInput, raw);
  const r = loadRequestFor(db, actor, requestId);
  const e = db.select().from(waitlistEntries).where(eq(waitlistEntries.requestId, r.id)).get();
  if (!e) return null;
  const state = current(e, r);
  return { ...state, place: state.status === "waiting" ? placeInLine(db, e) : null };
}

/** The open lines an operator (their facility's equipment) or a coordinator (the hub) sees. */
export function facilityWaitlist(db: DbOrTx, actor: Actor & { facilityId: number }) {
  const mine =
    actor.role === "coordinator"
      ? or(isNull(waitlistEntries.facilityId), eq(waitlistEntries.facilityId, actor.facilityId))
      : eq(waitlistEntries.facilityId, actor.facilityId);
  const rows = db
    .select({
      entry: waitlistEntries,
      request: bookingRequests,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      firmName: firms.name,
      equipmentName: equipment.name,
      equipmentNameZh: equipment.nameZh,
    })
    .from(waitlistEntries)
    .innerJoin(bookingRequests, eq(bookingRequests.id, waitlistEntries.requestId))
    .innerJoin(firms, eq(firms.id, waitlistEntries.firmId))
    .leftJoin(
      equipment,
      eq(
        equipment.id,
        sql`coalesce(${waitlistEntries.equipmentId}, ${bookingRequests.quoteEquipmentId})`,
      ),
    )
    .where(and(mine, inArray(waitlistEntries.status, ["waiting", "offered"])))
    .orderBy(asc(waitlistEntries.equipmentId), asc(waitlistEntries.id))
    .all();
  const list = rows.flatMap(({ entry, request, ...rest }) => {
    const state = current(entry, request);
    return state.status === "waiting" || state.status === "offered" ? [{ ...state, ...rest }] : [];
  });
  // Every entry of a line this reader sees is in the list (a line is one equipment, or one hub
  // category): places are counted here in line order, not queried entry by entry.
  const placeOf = new Map<number, number>();
  const waitingIn = new Map<string, number>();
  for (const e of [...list].sort((a, b) => a.id - b.id))
    if (e.status === "waiting") {
      const line = e.equipmentId !== null ? `e${e.equipmentId}` : `c${e.category ?? ""}`;
      waitingIn.set(line, (waitingIn.get(line) ?? 0) + 1);
      placeOf.set(e.id, waitingIn.get(line)!);
    }
  return list.map((e) => ({ ...e, place: placeOf.get(e.id) ?? null }));
}

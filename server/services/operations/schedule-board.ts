// The operator's schedule board: every equipment (one lane per unit where units > 1) with its
// holds, bookings and maintenance over a window; holds and bookings carry firm and reference,
// which only the facility's own staff see.
import { and, asc, eq, gt, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookingRequests, equipment, firms, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { validation } from "../errors";
import { now } from "../clock";

export type BoardItem = {
  id: number;
  kind: "hold" | "booking" | "maintenance";
  start: number;
  end: number;
  units: number;
  requestId: number | null;
  ref: string | null;
  firmName: string | null;
  reason: string | null;
  expiresAt: number | null;
};

/** Greedy interval partitioning: each item goes to the first lane free at its start. */
function lanesFor(items: BoardItem[], count: number): BoardItem[][] {
  const lanes: BoardItem[][] = Array.from({ length: Math.max(1, count) }, () => []);
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    if (item.kind === "maintenance") {
      for (const lane of lanes) lane.push(item);
      continue;
    }
    for (let u = 0; u < item.units; u++) {
      const lane =
        lanes.find((l) =>
          l.every((x) => x.kind === "maintenance" || x.end <= item.start || x.start >= item.end),
        ) ?? lanes[0];
      lane.push(item);
    }
  }
  return lanes;
}

export function scheduleBoard(
  db: DB,
  actor: Actor & { facilityId: number },
  window: { from: number; to: number },
) {
  if (!(window.to > window.from) || window.to - window.from > 62 * 86_400_000)
    throw validation("to", "field.boardWindow");
  const at = now();
  const items = db
    .select({
      id: equipment.id,
      name: equipment.name,
      nameZh: equipment.nameZh,
      units: equipment.units,
      status: equipment.status,
    })
    .from(equipment)
    .where(and(eq(equipment.facilityId, actor.facilityId), ne(equipment.status, "retired")))
    .orderBy(asc(equipment.name))
    .all();
  const ids = items.map((e) => e.id);
  const rows = ids.length
    ? db
        .select({
          id: reservations.id,
          equipmentId: reservations.equipmentId,
          kind: reservations.kind,
          start: reservations.start,
          end: reservations.end,
          units: reservations.units,
          requestId: reservations.requestId,
          reason: reservations.reason,
          expiresAt: reservations.expiresAt,
          ref: bookingRequests.ref,
          firmName: firms.name,
        })
        .from(reservations)
        .leftJoin(bookingRequests, eq(bookingRequests.id, reservations.requestId))
        .leftJoin(firms, eq(firms.id, bookingRequests.firmId))
        .where(
          and(
            eq(reservations.facilityId, actor.facilityId),
            or(inArray(reservations.equipmentId, ids), isNull(reservations.equipmentId)),
            isNull(reservations.releasedAt),
            or(ne(reservations.kind, "hold"), gt(reservations.expiresAt, at)),
            lt(reservations.start, window.to),
            gt(reservations.end, window.from),
          ),
        )
        .all()
    : [];
  const facilityWide = rows.filter((r) => r.equipmentId === null) as BoardItem[];
  return {
    from: window.from,
    to: window.to,
    now: at,
    equipment: items.map((e) => ({
      ...e,
      lanes: lanesFor(
        [...(rows.filter((r) => r.equipmentId === e.id) as BoardItem[]), ...facilityWide],
        e.units,
      ),
    })),
  };
}

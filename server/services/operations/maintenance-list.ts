// The facility's maintenance windows (equipment and facility-wide), and removing one.
import { and, asc, eq, gt, isNull, lt } from "drizzle-orm";
import type { DB } from "@/db/client";
import { equipment, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { now } from "../clock";
import { recordAudit } from "../audit/record-audit";
import { offerWaitlist } from "../waitlist/offer";

export function listMaintenance(
  db: DB,
  actor: Actor & { facilityId: number },
  window: { from?: number; to?: number },
) {
  const from = window.from ?? now() - 30 * 86_400_000;
  const to = window.to ?? now() + 365 * 86_400_000;
  return db
    .select({
      id: reservations.id,
      equipmentId: reservations.equipmentId,
      equipmentName: equipment.name,
      start: reservations.start,
      end: reservations.end,
      reason: reservations.reason,
    })
    .from(reservations)
    .leftJoin(equipment, eq(equipment.id, reservations.equipmentId))
    .where(
      and(
        eq(reservations.facilityId, actor.facilityId),
        eq(reservations.kind, "maintenance"),
        isNull(reservations.releasedAt),
        gt(reservations.end, from),
        lt(reservations.start, to),
      ),
    )
    .orderBy(asc(reservations.start))
    .all();
}

export function removeMaintenance(db: DB, actor: Actor & { facilityId: number }, id: number) {
  return db.transaction(
    (tx) => {
      const row = tx
        .select()
        .from(reservations)
        .where(
          and(
            eq(reservations.id, id),
            eq(reservations.kind, "maintenance"),
            eq(reservations.facilityId, actor.facilityId),
            isNull(reservations.releasedAt),
          ),
        )
        .get();
      if (!row) throw notFound("maintenance");
      const at = now();
      tx.update(reservations).set({ releasedAt: at }).where(eq(reservations.id, id)).run();
      offerWaitlist(
        tx,
        at,
        row.equipmentId === null ? { facility: row.facilityId } : { equipment: [row.equipmentId] },
      );
      recordAudit(tx, {
        action: "maintenance.removed",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `reservation:${id}`,
      });
      return { id };
    },
    { behavior: "immediate" },
  );
}

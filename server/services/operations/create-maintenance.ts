// An operator blocks an equipment or the whole facility for maintenance, once or weekly. A window
// that meets holds or bookings is refused with the list of affected requests, unless the operator
// asks to cancel them: then each is cancelled with the window's reason and the firm is told, all
// in the same transaction as the window.
import { blocksCapacity } from "@/db/blocking";
import { addLocalDays, describeBookings } from "@/server/services/scheduling/local-time";
import { facilityTimeZone } from "../scheduling/facility-time-zone";
import { and, eq, gt, inArray, lt } from "drizzle-orm";
import type { DB, DbOrTx } from "@/db/client";
import { bookingRequests, equipment, reservations } from "@/db/schema";
import type { Actor } from "../actor";
import { DomainError, refuse, notFound } from "../errors";
import type { Refusal } from "@/server/i18n/render";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { recordAudit } from "../audit/record-audit";
import { recordTransition } from "../booking/record-transition";
import { releaseReservations } from "../booking/release-reservations";
import { createMaintenanceInput, type CreateMaintenanceInput } from "./inputs";

type Affected = { requestId: number; ref: string; status: string; start: number; end: number };

/**
 * Live holds and bookings whose setup-widened interval meets [start, end) on the given equipment.
 */
function affectedBy(
  tx: DbOrTx,
  facilityId: number,
  equipmentIds: number[],
  start: number,
  end: number,
  at: number,
): Affected[] {
  if (!equipmentIds.length) return [];
  const rows = tx
    .select({
      requestId: reservations.requestId,
      start: reservations.start,
      end: reservations.end,
      setup: equipment.setupMinutes,
      ref: bookingRequests.ref,
      status: bookingRequests.status,
    })
    .from(reservations)
    .innerJoin(equipment, eq(equipment.id, reservations.equipmentId))
    .innerJoin(bookingRequests, eq(bookingRequests.id, reservations.requestId))
    .where(
      and(
        eq(reservations.facilityId, facilityId),
        inArray(reservations.equipmentId, equipmentIds),
        inArray(reservations.kind, ["hold", "booking"]),
        blocksCapacity(at),
        lt(reservations.start, end + 86_400_000),
        gt(reservations.end, start - 86_400_000),
      ),
    )
    .all();
  return rows
    .filter((r) => r.start - r.setup * 60_000 < end && start < r.end + r.setup * 60_000)
    .map((r) => ({
      requestId: r.requestId!,
      ref: r.ref,
      status: r.status,
      start: r.start,
      end: r.end,
    }));
}

export function createMaintenance(
  db: DB,
  actor: Actor & { facilityId: number },
  raw: CreateMaintenanceInput,
) {
  const input = parseInput(createMaintenanceInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      let equipmentIds: number[];
      if (input.equipmentId !== undefined) {
        const own = tx
          .select({ id: equipment.id })
          .from(equipment)
          .where(
            and(eq(equipment.id, input.equipmentId), eq(equipment.facilityId, actor.facilityId)),
          )
          .get();
        if (!own) throw notFound("equipment");
        equipmentIds = [own.id];
      } else
        equipmentIds = tx
          .select({ id: equipment.id })
          .from(equipment)
          .where(eq(equipment.facilityId, actor.facilityId))
          .all()
          .map((e) => e.id);

      // Each week at the same wall-clock time of the facility, across a daylight-saving change.
      const timeZone = facilityTimeZone(tx, actor.facilityId);
      const windows = Array.from({ length: input.weeks }, (_, w) => ({
        start: addLocalDays(input.start, 7 * w, timeZone),
        end: addLocalDays(input.end, 7 * w, timeZone),
      }));
      const affected = new Map<number, Affected>();
      for (const w of windows)
        for (const a of affectedBy(tx, actor.facilityId, equipmentIds, w.start, w.end, at))
          affected.set(a.requestId, a);
      if (affected.size && !input.cancelAffected) {
        const meets: Refusal = {
          code: "operations.maintenanceMeets",
          params: {
            count: affected.size,
            list: describeBookings([...affected.values()], timeZone),
          },
        };
        throw new DomainError("CONFLICT", meets, { affected: meets });
      }
      for (const a of affected.values()) {
        const r = tx
          .select()
          .from(bookingRequests)
          .where(eq(bookingRequests.id, a.requestId))
          .get()!;
        // Quoted (held) and confirmed (booked) requests are both cancelled, as the operator chose.
        if (r.status === "quoted" || r.status === "confirmed") {
          releaseReservations(tx, r.id, at);
          recordTransition(
            tx,
            r,
            "cancelled",
            actor.userId,
            at,
            { closedAt: at, reason: input.reason },
            { code: "cancelledForMaintenance", params: { reason: input.reason } },
          );
        } else
          throw refuse("CONFLICT", "operations.notCancellable", { ref: r.ref, status: r.status });
      }
      const created = windows.map((w) =>
        tx
          .insert(reservations)
          .values({
            facilityId: actor.facilityId,
            equipmentId: input.equipmentId ?? null,
            requestId: null,
            kind: "maintenance",
            start: w.start,
            end: w.end,
            units: 0,
            reason: input.reason,
            createdAt: at,
          })
          .returning({ id: reservations.id, start: reservations.start, end: reservations.end })
          .get(),
      );
      recordAudit(tx, {
        action: "maintenance.created",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: input.equipmentId
          ? `equipment:${input.equipmentId}`
          : `facility:${actor.facilityId}`,
        detail: { windows: created.length, cancelled: [...affected.values()].map((a) => a.ref) },
      });
      return { windows: created, cancelled: [...affected.values()].map((a) => a.ref) };
    },
    { behavior: "immediate" },
  );
}

// The booking path in-process (validate, check the slot, insert request, reservation, events,
// notifications) against a bare INSERT of the same reservation row, on a copy of the dataset.
import { and, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { equipment, users } from "@/db/schema";
import { submitRequest } from "@/server/services/booking/submit-request";
import { loadActor } from "@/server/services/users/load-actor";
import { measure, type Timing } from "./harness";

export function benchBookingPath(db: DB): { bare: Timing; booking: Timing } {
  const firmUser = db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, "firm"))
    .limit(1)
    .get()!;
  const actor = loadActor(db, firmUser.id)!;
  const auto = db
    .select()
    .from(equipment)
    .where(and(eq(equipment.autoApprove, true), eq(equipment.status, "operational")))
    .limit(1)
    .get()!;
  // Slots far in the future (after anything a run before left there), one gap apart, so every
  // booking succeeds.
  const gap = (auto.setupMinutes * 2 + 60) * 60_000 + 3_600_000;
  const taken = db.$client
    .prepare(`SELECT MAX("end") FROM reservations WHERE equipment_id = ?`)
    .pluck()
    .get(auto.id) as number | null;
  const after = Math.max(Date.now() + 3 * 365 * 86_400_000, (taken ?? 0) + gap);
  const base = Math.ceil(after / 3_600_000) * 3_600_000;
  let n = 0;
  const bareInsert = db.$client.prepare(
    `INSERT INTO reservations (facility_id, equipment_id, request_id, kind, start, "end", units, created_at) VALUES (?, ?, NULL, 'booking', ?, ?, 1, ?)`,
  );
  let m = 0;
  const bare = measure(
    "bare INSERT of a reservation row (own transaction)",
    () => {
      const start = base - 400 * 86_400_000 - m++ * gap;
      db.$client
        .transaction(() =>
          bareInsert.run(auto.facilityId, auto.id, start, start + 3_600_000, Date.now()),
        )
        .immediate();
    },
    2000,
    50,
  );
  const booking = measure(
    "request.submit booking path (auto-approve)",
    () => {
      const start = base + n++ * gap;
      const r = submitRequest(
        db,
        { ...actor, firmId: actor.firmId! },
        {
          title: "Bench",
          serviceType: "testing",
          equipmentId: auto.id,
          earliestStart: start,
          deadline: start + 2 * 3_600_000,
          preferredStart: start,
          hours: 1,
          units: 1,
        },
      );
      if (r.status !== "confirmed") throw new Error("bench booking was not confirmed");
    },
    500,
    20,
  );
  return { bare, booking };
}

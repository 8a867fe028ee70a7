// An accredited service may be quoted or confirmed only on equipment calibrated through the end
// of the slot, by a facility whose accreditation (CMA or CNAS) is valid through it too.
import { and, eq, gte, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accreditations, equipment, services } from "@/db/schema";
import { refuse } from "../errors";

export function assertAccreditedGates(
  tx: DbOrTx,
  serviceId: number | null,
  equipmentId: number,
  slotEnd: number,
): void {
  if (serviceId === null) return;
  const service = tx
    .select({
      accredited: services.accredited,
      facilityId: services.facilityId,
      name: services.name,
    })
    .from(services)
    .where(eq(services.id, serviceId))
    .get();
  if (!service?.accredited) return;
  const e = tx
    .select({ name: equipment.name, calibrationDueAt: equipment.calibrationDueAt })
    .from(equipment)
    .where(eq(equipment.id, equipmentId))
    .get()!;
  if (e.calibrationDueAt === null || e.calibrationDueAt < slotEnd)
    throw e.calibrationDueAt === null
      ? refuse("INVALID_STATE", "accredited.noCalibration", {
          service: service.name,
          equipment: e.name,
        })
      : refuse("INVALID_STATE", "accredited.calibrationExpires", {
          service: service.name,
          equipment: e.name,
          dueAt: new Date(e.calibrationDueAt),
        });
  const valid = tx
    .select({ id: accreditations.id })
    .from(accreditations)
    .where(
      and(
        eq(accreditations.facilityId, service.facilityId),
        inArray(accreditations.type, ["CMA", "CNAS"]),
        gte(accreditations.validUntil, slotEnd),
      ),
    )
    .get();
  if (!valid) throw refuse("INVALID_STATE", "accredited.accreditation", { service: service.name });
}

// An accredited service may be quoted or confirmed only on equipment calibrated through the end
// of the slot, by a facility whose accreditation (CMA or CNAS) is valid through it too.
import { and, eq, gte, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accreditations, equipment, services } from "@/db/schema";
import { DomainError } from "../errors";
import { shanghaiTime } from "./slot-check";

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
    throw new DomainError(
      "INVALID_STATE",
      e.calibrationDueAt === null
        ? `${service.name} is accredited work, but ${e.name} has no calibration on record.`
        : `${service.name} is accredited work, but the calibration of ${e.name} expires on ${shanghaiTime(e.calibrationDueAt)}, before the slot ends.`,
    );
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
  if (!valid)
    throw new DomainError(
      "INVALID_STATE",
      `${service.name} is accredited work, but the facility's CMA/CNAS accreditation does not run until the slot ends.`,
    );
}

// One equipment item's public page: specifications, the services that use it, price and rules.
import { feeColumns } from "./fee-columns";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  equipment,
  equipmentFaults,
  equipmentParams,
  facilities,
  serviceEquipment,
  services,
} from "@/db/schema";
import { notFound } from "../errors";
import { now } from "../clock";
import { calibrationStatus } from "./calibration";

/** The open fault's public dates (its description stays with the facility). */
const openFaultDates = (db: DbOrTx, equipmentId: number) =>
  db
    .select({ since: equipmentFaults.reportedAt, expectedBackAt: equipmentFaults.expectedBackAt })
    .from(equipmentFaults)
    .where(and(eq(equipmentFaults.equipmentId, equipmentId), isNull(equipmentFaults.closedAt)))
    .get() ?? null;

export function getEquipment(db: DbOrTx, id: number) {
  const row = db
    .select({
      e: equipment,
      f: {
        slug: facilities.slug,
        nameEn: facilities.nameEn,
        nameZh: facilities.nameZh,
        prefecture: facilities.prefecture,
        status: facilities.status,
        openingHours: facilities.openingHours,
        timeZone: facilities.timeZone,
        vatRateBp: facilities.vatRateBp,
      },
    })
    .from(equipment)
    .innerJoin(facilities, eq(facilities.id, equipment.facilityId))
    .where(and(eq(equipment.id, id), eq(equipment.sharing, "external")))
    .get();
  if (!row) throw notFound("equipment");
  const e = row.e;
  const params = db
    .select({
      key: equipmentParams.key,
      unit: equipmentParams.unit,
      min: equipmentParams.min,
      max: equipmentParams.max,
    })
    .from(equipmentParams)
    .where(eq(equipmentParams.equipmentId, id))
    .all();
  const usedBy = db
    .select({
      id: services.id,
      type: services.type,
      name: services.name,
      nameZh: services.nameZh,
      standards: services.standards,
      accredited: services.accredited,
      fees: feeColumns,
    })
    .from(serviceEquipment)
    .innerJoin(services, eq(services.id, serviceEquipment.serviceId))
    .innerJoin(facilities, eq(facilities.id, services.facilityId))
    .where(and(eq(serviceEquipment.equipmentId, id), eq(services.status, "active")))
    .all();
  return {
    id: e.id,
    name: e.name,
    nameZh: e.nameZh,
    category: e.category,
    manufacturer: e.manufacturer,
    model: e.model,
    description: e.description,
    units: e.units,
    hourlyRateFen: e.hourlyRateFen,
    setupMinutes: e.setupMinutes,
    minHours: e.minHours,
    maxHours: e.maxHours,
    leadDays: e.leadDays,
    status: e.status,
    /** While down: since when and, if the facility said, when it is expected back. */
    fault: e.status === "down" ? openFaultDates(db, e.id) : null,
    autoApprove: e.autoApprove,
    calibrationDueAt: e.calibrationDueAt,
    calibration: calibrationStatus(e.calibrationDueAt, now()),
    facility: row.f,
    params,
    services: usedBy,
  };
}

// One facility's public profile: accreditations, opening hours, contact, equipment and services.
import { and, asc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accreditations, equipment, equipmentParams, facilities, services } from "@/db/schema";
import { notFound } from "../errors";
import { now } from "../clock";

export function getFacility(db: DbOrTx, slug: string) {
  const facility = db.select().from(facilities).where(eq(facilities.slug, slug)).get();
  if (!facility) throw notFound("facility");
  const at = now();
  const { icalToken: _secret, ...profile } = facility;
  const certs = db
    .select()
    .from(accreditations)
    .where(eq(accreditations.facilityId, facility.id))
    .orderBy(asc(accreditations.type))
    .all();
  const items = db
    .select()
    .from(equipment)
    .where(
      and(
        eq(equipment.facilityId, facility.id),
        ne(equipment.status, "retired"),
        eq(equipment.sharing, "external"),
      ),
    )
    .orderBy(asc(equipment.name))
    .all();
  const params = items.length
    ? db
        .select()
        .from(equipmentParams)
        .innerJoin(equipment, eq(equipment.id, equipmentParams.equipmentId))
        .where(eq(equipment.facilityId, facility.id))
        .all()
        .map((r) => r.equipment_params)
    : [];
  const catalogue = db
    .select()
    .from(services)
    .where(and(eq(services.facilityId, facility.id), eq(services.status, "active")))
    .orderBy(asc(services.type), asc(services.name))
    .all();
  return {
    facility: profile,
    accreditations: certs.map((c) => ({
      type: c.type,
      certificateNo: c.certificateNo,
      scope: c.scope,
      validUntil: c.validUntil,
      valid: c.validUntil > at,
    })),
    equipment: items.map((e) => ({
      id: e.id,
      name: e.name,
      nameZh: e.nameZh,
      category: e.category,
      manufacturer: e.manufacturer,
      model: e.model,
      units: e.units,
      status: e.status,
      hourlyRateFen: e.hourlyRateFen,
      params: params
        .filter((p) => p.equipmentId === e.id)
        .map(({ key, unit, min, max }) => ({ key, unit, min, max })),
    })),
    services: catalogue.map((s) => ({
      id: s.id,
      type: s.type,
      name: s.name,
      nameZh: s.nameZh,
      standards: s.standards,
      accredited: s.accredited,
      typicalHours: s.typicalHours,
      fees: {
        priceBasis: s.priceBasis,
        priceFen: s.priceFen,
        minChargeFen: s.minChargeFen,
        urgentSurchargePct: s.urgentSurchargePct,
        hazardSurchargePct: s.hazardSurchargePct,
        smallFirmDiscountPct: s.smallFirmDiscountPct,
        vatRateBp: facility.vatRateBp,
      },
    })),
  };
}

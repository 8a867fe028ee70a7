// An operator's catalogue: adding equipment, and adding, editing or withdrawing services with the
// equipment they run on. Only within their own facility.
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { equipmentRecordInput } from "./equipment-record";
import type { DB, DbOrTx } from "@/db/client";
import { equipment, equipmentParams, serviceEquipment, services } from "@/db/schema";
import { serviceTypes, priceBases } from "@/db/schema/enums";
import { equipmentParamsInput, writeEquipmentParams } from "./equipment-params";
import type { Actor } from "../actor";
import { validation, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { facilityTimeZone } from "../scheduling/facility-time-zone";
import { recordAudit } from "../audit/record-audit";
import { idInput } from "@/server/services/id-input";
import { numeric } from "../number-input";

export const createEquipmentInput = z
  .object({
    name: z
      .string({ error: "field.nameNeeded" })
      .trim()
      .min(2, "field.minChars")
      .max(120, "field.maxChars"),
    nameZh: z.string().trim().max(120).default(""),
    category: z
      .string({ error: "field.categoryNeeded" })
      .trim()
      .min(2, "field.minChars")
      .max(60)
      .regex(/^[a-z0-9_]+$/, "field.keyFormat"),
    manufacturer: z.string().trim().max(120).default(""),
    model: z.string().trim().max(120).default(""),
    units: numeric(z.number().int("field.wholeUnits").min(1, "field.atLeast").max(100).default(1)),
    hourlyRateFen: numeric(
      z.number({ error: "field.rateInFen" }).int().min(0, "field.notNegativeShort"),
    ),
    setupMinutes: numeric(z.number().int().min(0).max(1440).default(0)),
    minHours: numeric(z.number().int().min(1).max(720).default(1)),
    maxHours: numeric(z.number().int().min(1).max(720).default(24)),
    leadDays: numeric(z.number().int().min(0).max(365).default(1)),
    originalValueFen: numeric(z.number().int().min(0).default(0)),
    calibrationDueAt: numeric(z.number().int().positive().nullable().default(null)),
    autoApprove: z.boolean().default(false),
    sharing: z.enum(["external", "internal"]).default("external"),
    params: equipmentParamsInput.default([]),
    ...equipmentRecordInput,
  })
  .superRefine((v, ctx) => {
    if (v.minHours > v.maxHours)
      ctx.addIssue({
        code: "custom",
        path: ["maxHours"],
        message: "field.notBelowMinimum",
      });
  });

export function createEquipment(
  db: DB,
  actor: Actor & { facilityId: number },
  raw: z.input<typeof createEquipmentInput>,
) {
  const input = parseInput(createEquipmentInput, raw);
  return db.transaction(
    (tx) => {
      const { params, ...values } = input;
      const row = tx
        .insert(equipment)
        .values({ ...values, facilityId: actor.facilityId, createdAt: now(), updatedAt: now() })
        .returning({ id: equipment.id })
        .get();
      writeEquipmentParams(tx, row.id, params, false);
      recordAudit(tx, {
        action: "equipment.created",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `equipment:${row.id}`,
      });
      return { id: row.id };
    },
    { behavior: "immediate" },
  );
}

/** A whole percentage from 0 to 100. */
const percent = numeric(
  z
    .number({ error: "field.percent" })
    .int("field.percent")
    .min(0, "field.percent")
    .max(100, "field.percent")
    .default(0),
);

export const saveServiceInput = z.object({
  id: idInput().optional(),
  type: z.enum(serviceTypes, { error: "field.serviceType" }),
  name: z
    .string({ error: "field.nameNeeded" })
    .trim()
    .min(2, "field.minChars")
    .max(160, "field.maxChars"),
  nameZh: z.string().trim().max(160).default(""),
  description: z.string().trim().max(4000).default(""),
  standards: z.array(z.string().trim().min(2).max(60)).max(12, "field.maxStandards").default([]),
  accredited: z.boolean().default(false),
  typicalHours: numeric(z.number().int().min(1).max(2000).nullable().default(null)),
  priceBasis: z.enum(priceBases, { error: "field.priceBasis" }).default("quote"),
  priceFen: numeric(z.number().int().min(0, "field.notNegativeShort").nullable().default(null)),
  minChargeFen: numeric(
    z.number().int("field.wholeFen").min(0, "field.notNegativeShort").default(0),
  ),
  urgentSurchargePct: percent,
  hazardSurchargePct: percent,
  smallFirmDiscountPct: percent,
  equipmentIds: z.array(idInput("field.idEquipment")).max(50).default([]),
});

function assertOwnEquipment(tx: DbOrTx, facilityId: number, ids: number[]) {
  if (!ids.length) return;
  const own = tx
    .select({ id: equipment.id })
    .from(equipment)
    .where(and(eq(equipment.facilityId, facilityId), inArray(equipment.id, ids)))
    .all();
  if (own.length !== new Set(ids).size) throw notFound("equipment");
}

export function saveService(
  db: DB,
  actor: Actor & { facilityId: number },
  raw: z.input<typeof saveServiceInput>,
) {
  const input = parseInput(saveServiceInput, raw);
  if (input.priceBasis !== "quote" && input.priceFen === null)
    throw validation("priceFen", "field.priceNeeded");
  return db.transaction(
    (tx) => {
      assertOwnEquipment(tx, actor.facilityId, input.equipmentIds);
      const { id, equipmentIds, ...values } = input;
      let serviceId: number;
      if (id !== undefined) {
        const existing = tx
          .select({ id: services.id, version: services.version })
          .from(services)
          .where(and(eq(services.id, id), eq(services.facilityId, actor.facilityId)))
          .get();
        if (!existing) throw notFound("service");
        tx.update(services)
          .set({ ...values, version: existing.version + 1, updatedAt: now() })
          .where(eq(services.id, id))
          .run();
        tx.delete(serviceEquipment).where(eq(serviceEquipment.serviceId, id)).run();
        serviceId = id;
      } else
        serviceId = tx
          .insert(services)
          .values({ ...values, facilityId: actor.facilityId })
          .returning({ id: services.id })
          .get().id;
      if (equipmentIds.length)
        tx.insert(serviceEquipment)
          .values([...new Set(equipmentIds)].map((equipmentId) => ({ serviceId, equipmentId })))
          .run();
      recordAudit(tx, {
        action: id ? "service.updated" : "service.created",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `service:${serviceId}`,
      });
      return { id: serviceId };
    },
    { behavior: "immediate" },
  );
}

export function withdrawService(db: DB, actor: Actor & { facilityId: number }, id: number) {
  const changed = db
    .update(services)
    .set({ status: "withdrawn", updatedAt: now() })
    .where(and(eq(services.id, id), eq(services.facilityId, actor.facilityId)))
    .run().changes;
  if (!changed) throw notFound("service");
  recordAudit(db, {
    action: "service.withdrawn",
    actorId: actor.userId,
    actorEmail: actor.email,
    target: `service:${id}`,
  });
  return { id };
}

/** All of the facility's equipment (internal and retired too) and services, for its operators. */
export function ownCatalogue(db: DB, actor: Actor & { facilityId: number }) {
  const items = db
    .select()
    .from(equipment)
    .where(eq(equipment.facilityId, actor.facilityId))
    .all()
    .sort((a, b) => a.name.localeCompare(b.name));
  const catalogue = db
    .select()
    .from(services)
    .where(eq(services.facilityId, actor.facilityId))
    .all()
    .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
  const params = items.length
    ? db
        .select()
        .from(equipmentParams)
        .where(
          inArray(
            equipmentParams.equipmentId,
            items.map((e) => e.id),
          ),
        )
        .all()
    : [];
  const links = catalogue.length
    ? db
        .select()
        .from(serviceEquipment)
        .where(
          inArray(
            serviceEquipment.serviceId,
            catalogue.map((s) => s.id),
          ),
        )
        .all()
    : [];
  return {
    timeZone: facilityTimeZone(db, actor.facilityId),
    equipment: items,
    params: params.map(({ equipmentId, key, min, max }) => ({ equipmentId, key, min, max })),
    services: catalogue.map((s) => ({
      ...s,
      equipmentIds: links.filter((l) => l.serviceId === s.id).map((l) => l.equipmentId),
    })),
  };
}

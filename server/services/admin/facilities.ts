// Admins keep the registry: create facilities (the network has one hub), edit their entries, and
// suspend or reactivate them. A suspended facility is hidden from search and takes no new
// requests (the registry and booking paths check the status); its existing work stays visible.
import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DB } from "@/db/client";
import { facilities } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import type { Actor } from "../actor";
import { refuse, fieldRefusal, notFound } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { recordAudit } from "../audit/record-audit";
import { likeTerms } from "../registry/like-terms";
import {
  adminListFacilitiesInput,
  createFacilityInput,
  setFacilityStatusInput,
  updateFacilityInput,
} from "./facility-inputs";
import { classifyFacilityUses } from "../operations/use-kind";

export function adminListFacilities(db: DB, raw: z.input<typeof adminListFacilitiesInput>) {
  const input = parseInput(adminListFacilitiesInput, raw);
  const where: SQL[] = [];
  if (input.status) where.push(eq(facilities.status, input.status));
  for (const term of likeTerms(input.q))
    where.push(
      sql`(${facilities.nameEn} LIKE ${term} ESCAPE '\\' OR ${facilities.nameZh} LIKE ${term} ESCAPE '\\' OR ${facilities.slug} LIKE ${term} ESCAPE '\\')`,
    );
  const filter = where.length ? and(...where) : undefined;
  const rows = db
    .select({
      id: facilities.id,
      slug: facilities.slug,
      nameEn: facilities.nameEn,
      nameZh: facilities.nameZh,
      kind: facilities.kind,
      prefecture: facilities.prefecture,
      status: facilities.status,
      version: facilities.version,
      // Correlated on the outer row by its qualified name: an interpolated column would render
      // as a bare "id", which inside the subquery means the subquery's own table.
      equipment: sql<number>`(SELECT COUNT(*) FROM equipment e WHERE e.facility_id = "facilities"."id" AND e.status != 'retired')`,
      operators: sql<number>`(SELECT COUNT(*) FROM users u WHERE u.facility_id = "facilities"."id" AND u.disabled = 0)`,
      openRequests: sql<number>`(SELECT COUNT(*) FROM booking_requests r WHERE r.facility_id = "facilities"."id" AND r.status IN ('submitted', 'quoted', 'confirmed', 'in_progress'))`,
    })
    .from(facilities)
    .where(filter)
    .orderBy(sql`${facilities.kind} = 'facility'`, asc(facilities.nameEn))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(facilities).where(filter).get()!.n;
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

export function adminGetFacility(db: DB, id: number) {
  const f = db.select().from(facilities).where(eq(facilities.id, id)).get();
  if (!f) throw notFound("facility");
  return f;
}

export function createFacility(db: DB, actor: Actor, raw: z.input<typeof createFacilityInput>) {
  const input = parseInput(createFacilityInput, raw);
  return db.transaction(
    (tx) => {
      if (
        tx
          .select({ id: facilities.id })
          .from(facilities)
          .where(eq(facilities.slug, input.slug))
          .get()
      )
        throw fieldRefusal("CONFLICT", "slug", "field.alreadyTaken");
      if (
        input.kind === "hub" &&
        tx.select({ id: facilities.id }).from(facilities).where(eq(facilities.kind, "hub")).get()
      )
        throw fieldRefusal("CONFLICT", "kind", "field.hubExists");
      const { openingHours, ...values } = input;
      const created = tx
        .insert(facilities)
        .values({ ...values, openingHours: openingHoursPresets[openingHours] })
        .returning({ id: facilities.id, slug: facilities.slug })
        .get();
      recordAudit(tx, {
        action: "admin.facility_created",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `facility:${created.id}`,
        detail: { slug: input.slug, kind: input.kind },
      });
      return created;
    },
    { behavior: "immediate" },
  );
}

export function updateFacility(db: DB, actor: Actor, raw: z.input<typeof updateFacilityInput>) {
  const input = parseInput(updateFacilityInput, raw);
  return db.transaction(
    (tx) => {
      const f = tx.select().from(facilities).where(eq(facilities.id, input.id)).get();
      if (!f) throw notFound("facility");
      if (input.version !== undefined && input.version !== f.version)
        throw refuse("CONFLICT", "admin.facilityStale");
      const { id: _id, version: _v, ...changes } = input;
      tx.update(facilities)
        .set({ ...changes, version: f.version + 1, updatedAt: now() })
        .where(eq(facilities.id, f.id))
        .run();
      if ("creditCode" in changes && changes.creditCode !== f.creditCode)
        classifyFacilityUses(tx, f.id);
      recordAudit(tx, {
        action: "admin.facility_updated",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `facility:${f.id}`,
        detail: { fields: Object.keys(changes) },
      });
      return { id: f.id, version: f.version + 1 };
    },
    { behavior: "immediate" },
  );
}

export function setFacilityStatus(
  db: DB,
  actor: Actor,
  raw: z.input<typeof setFacilityStatusInput>,
) {
  const input = parseInput(setFacilityStatusInput, raw);
  return db.transaction(
    (tx) => {
      const f = tx.select().from(facilities).where(eq(facilities.id, input.id)).get();
      if (!f) throw notFound("facility");
      if (f.kind === "hub" && input.status === "suspended")
        throw refuse("INVALID_STATE", "admin.hubNotSuspendable");
      if (f.status === input.status)
        throw refuse("INVALID_STATE", "admin.facilityAlready", {
          name: f.nameEn,
          nameZh: f.nameZh,
          facilityStatus: input.status,
        });
      tx.update(facilities)
        .set({ status: input.status, version: f.version + 1, updatedAt: now() })
        .where(eq(facilities.id, f.id))
        .run();
      recordAudit(tx, {
        action:
          input.status === "suspended" ? "admin.facility_suspended" : "admin.facility_reactivated",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `facility:${f.id}`,
        detail: { reason: input.reason || null },
      });
      return { id: f.id, status: input.status };
    },
    { behavior: "immediate" },
  );
}

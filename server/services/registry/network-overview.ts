// The network at a glance, for the home page: the hub, the N facilities, equipment, fields,
// prefectures.
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { equipment, facilities, services } from "@/db/schema";

export function networkOverview(db: DB) {
  const activeFacility = eq(facilities.status, "active");
  const hub = db
    .select({
      slug: facilities.slug,
      nameEn: facilities.nameEn,
      nameZh: facilities.nameZh,
      prefecture: facilities.prefecture,
    })
    .from(facilities)
    .where(and(eq(facilities.kind, "hub"), activeFacility))
    .get();
  const facilityCount = db
    .select({ n: count() })
    .from(facilities)
    .where(and(eq(facilities.kind, "facility"), activeFacility))
    .get()!.n;
  const equipmentCount = db
    .select({ n: count() })
    .from(equipment)
    .innerJoin(facilities, eq(facilities.id, equipment.facilityId))
    .where(and(activeFacility, ne(equipment.status, "retired"), eq(equipment.sharing, "external")))
    .get()!.n;
  const serviceCount = db
    .select({ n: count() })
    .from(services)
    .innerJoin(facilities, eq(facilities.id, services.facilityId))
    .where(and(activeFacility, eq(services.status, "active")))
    .get()!.n;
  const byPrefecture = db
    .select({ prefecture: facilities.prefecture, n: count() })
    .from(facilities)
    .where(activeFacility)
    .groupBy(facilities.prefecture)
    .orderBy(sql`count(*) DESC`, facilities.prefecture)
    .all();
  const byField = db.all<{ field: string; n: number }>(
    sql`SELECT j.value AS field, COUNT(*) AS n FROM facilities f, json_each(f.fields) j WHERE f.status = 'active' GROUP BY j.value ORDER BY n DESC, field`,
  );
  return { hub: hub ?? null, facilityCount, equipmentCount, serviceCount, byPrefecture, byField };
}

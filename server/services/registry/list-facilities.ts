// The facility registry: the hub first, then the N facilities, filtered, searched and paged.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { now } from "../clock";
import { listFacilitiesInput, type ListFacilitiesInput } from "./inputs";
import { parseInput } from "../parse-input";
import { likeTerms } from "./like-terms";

export type FacilityListItem = {
  id: number;
  slug: string;
  nameEn: string;
  nameZh: string;
  kind: "hub" | "facility";
  host: string | null;
  prefecture: string;
  fields: string[];
  equipmentCount: number;
  serviceTypes: string[];
  accreditations: string[];
};

export function listFacilities(db: DbOrTx, raw: ListFacilitiesInput) {
  const input = parseInput(listFacilitiesInput, raw);
  const at = now();
  const where: SQL[] = [sql`f.status = 'active'`];
  for (const term of likeTerms(input.q))
    where.push(
      sql`f.id IN (SELECT rowid FROM facility_search WHERE body LIKE ${term} ESCAPE '\\')`,
    );
  if (input.field)
    where.push(sql`EXISTS (SELECT 1 FROM json_each(f.fields) j WHERE j.value = ${input.field})`);
  if (input.prefecture) where.push(sql`f.prefecture = ${input.prefecture}`);
  if (input.serviceType)
    where.push(
      sql`EXISTS (SELECT 1 FROM services s WHERE s.facility_id = f.id AND s.type = ${input.serviceType} AND s.status = 'active')`,
    );
  if (input.accreditation)
    where.push(
      sql`EXISTS (SELECT 1 FROM accreditations a WHERE a.facility_id = f.id AND a.type = ${input.accreditation} AND a.valid_until > ${at})`,
    );
  if (input.kind) where.push(sql`f.kind = ${input.kind}`);
  const filter = sql.join(where, sql` AND `);
  const name = input.locale === "zh" ? sql`f.name_zh` : sql`f.name_en COLLATE NOCASE`;
  const order = input.sort === "equipment" ? sql`equipment_count DESC, ${name}` : name;
  const rows = db.all<{
    id: number;
    slug: string;
    name_en: string;
    name_zh: string;
    kind: "hub" | "facility";
    host: string | null;
    prefecture: string;
    fields: string;
    equipment_count: number;
    service_types: string | null;
    accreditations: string | null;
  }>(sql`
    SELECT f.id, f.slug, f.name_en, f.name_zh, f.kind, f.host, f.prefecture, f.fields,
      (SELECT COUNT(*) FROM equipment e WHERE e.facility_id = f.id AND e.status != 'retired' AND e.sharing = 'external') AS equipment_count,
      (SELECT group_concat(DISTINCT s.type) FROM services s WHERE s.facility_id = f.id AND s.status = 'active') AS service_types,
      (SELECT group_concat(DISTINCT a.type) FROM accreditations a WHERE a.facility_id = f.id AND a.valid_until > ${at}) AS accreditations
    FROM facilities f
    WHERE ${filter}
    ORDER BY (f.kind = 'hub') DESC, ${order}
    LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`);
  const total = db.get<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM facilities f WHERE ${filter}`,
  )!.n;
  const items: FacilityListItem[] = rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    kind: r.kind,
    host: r.host,
    prefecture: r.prefecture,
    fields: JSON.parse(r.fields) as string[],
    equipmentCount: r.equipment_count,
    serviceTypes: r.service_types ? r.service_types.split(",") : [],
    accreditations: r.accreditations ? r.accreditations.split(",") : [],
  }));
  return {
    items,
    total,
    page: input.page,
    pageSize: input.pageSize,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

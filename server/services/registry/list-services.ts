// The service catalogue: by type, searchable by name and standard code, each with its facility.
import { feeSql, feesFromRow } from "./fee-columns";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { parseInput } from "../parse-input";
import { listServicesInput, type ListServicesInput } from "./inputs";
import { likeTerms } from "./like-terms";

export function listServices(db: DbOrTx, raw: ListServicesInput) {
  const input = parseInput(listServicesInput, raw);
  const where: SQL[] = [sql`s.status = 'active'`, sql`f.status = 'active'`];
  for (const term of likeTerms(input.q))
    where.push(
      sql`(s.name LIKE ${term} ESCAPE '\\' OR s.name_zh LIKE ${term} ESCAPE '\\' OR s.standards LIKE ${term} ESCAPE '\\')`,
    );
  if (input.type) where.push(sql`s.type = ${input.type}`);
  if (input.facility) where.push(sql`f.slug = ${input.facility}`);
  const filter = sql.join(where, sql` AND `);
  const rows = db.all<{
    id: number;
    type: string;
    name: string;
    name_zh: string;
    standards: string;
    accredited: number;
    typical_hours: number | null;
    price_basis: string;
    price_fen: number | null;
    facility_slug: string;
    facility_name_en: string;
    facility_name_zh: string;
    prefecture: string;
  }>(sql`
    SELECT s.id, s.type, s.name, s.name_zh, s.standards, s.accredited, s.typical_hours, ${sql.raw(feeSql)},
      f.slug AS facility_slug, f.name_en AS facility_name_en, f.name_zh AS facility_name_zh, f.prefecture
    FROM services s JOIN facilities f ON f.id = s.facility_id
    WHERE ${filter}
    ORDER BY s.type, s.name COLLATE NOCASE, f.name_en
    LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`);
  const total = db.get<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM services s JOIN facilities f ON f.id = s.facility_id WHERE ${filter}`,
  )!.n;
  return {
    items: rows.map((r) => ({
      id: r.id,
      type: r.type,
      name: r.name,
      nameZh: r.name_zh,
      standards: JSON.parse(r.standards) as string[],
      accredited: r.accredited === 1,
      typicalHours: r.typical_hours,
      fees: feesFromRow(r),
      facility: {
        slug: r.facility_slug,
        nameEn: r.facility_name_en,
        nameZh: r.facility_name_zh,
        prefecture: r.prefecture,
      },
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

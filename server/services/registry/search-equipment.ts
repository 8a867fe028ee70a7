// Parametric equipment search: each range read against the envelopes as `param-range.ts` says,
// in each key's canonical unit. With a duration, each result shows its next free slot.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { ParameterKey } from "@/db/reference/parameters";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { loadCapacity, freeIntervalsFor } from "../scheduling/availability";
import { firstSlot, nextMinute } from "../scheduling/free-intervals";
import { searchEquipmentInput, type SearchEquipmentInput } from "./inputs";
import { toCanonical } from "./units";
import { envelopeMeetsSql } from "./param-range";
import { likeTerms } from "./like-terms";

/** How far ahead the next free slot is looked for. */
export const NEXT_SLOT_HORIZON_DAYS = 90;

export function searchEquipment(db: DbOrTx, raw: SearchEquipmentInput) {
  const input = parseInput(searchEquipmentInput, raw);
  const where: SQL[] = [
    sql`f.status = 'active'`,
    sql`e.status != 'retired'`,
    sql`e.sharing = 'external'`,
  ];
  for (const term of likeTerms(input.q))
    where.push(
      sql`(e.name LIKE ${term} ESCAPE '\\' OR e.name_zh LIKE ${term} ESCAPE '\\' OR e.category LIKE ${term} ESCAPE '\\' OR e.manufacturer LIKE ${term} ESCAPE '\\' OR e.model LIKE ${term} ESCAPE '\\' OR f.name_en LIKE ${term} ESCAPE '\\' OR f.name_zh LIKE ${term} ESCAPE '\\')`,
    );
  if (input.category) where.push(sql`e.category = ${input.category}`);
  if (input.prefecture) where.push(sql`f.prefecture = ${input.prefecture}`);
  for (const p of input.params) {
    const key = p.key as ParameterKey;
    const min = p.min === undefined ? null : toCanonical(key, p.min, p.unit);
    const max = p.max === undefined ? null : toCanonical(key, p.max, p.unit);
    const bounds: SQL[] = [
      sql`p.key = ${key}`,
      ...envelopeMeetsSql({ min, max }, sql`p.min`, sql`p.max`),
    ];
    where.push(
      sql`e.id IN (SELECT p.equipment_id FROM equipment_params p WHERE ${sql.join(bounds, sql` AND `)})`,
    );
  }
  const filter = sql.join(where, sql` AND `);
  const rows = db.all<{
    id: number;
    name: string;
    name_zh: string;
    category: string;
    manufacturer: string;
    model: string;
    units: number;
    status: string;
    hourly_rate_fen: number;
    min_hours: number;
    max_hours: number;
    facility_slug: string;
    facility_name_en: string;
    facility_name_zh: string;
    prefecture: string;
  }>(sql`
    SELECT e.id, e.name, e.name_zh, e.category, e.manufacturer, e.model, e.units, e.status, e.hourly_rate_fen, e.min_hours, e.max_hours,
      f.slug AS facility_slug, f.name_en AS facility_name_en, f.name_zh AS facility_name_zh, f.prefecture
    FROM equipment e JOIN facilities f ON f.id = e.facility_id
    WHERE ${filter}
    ORDER BY e.name COLLATE NOCASE, e.id
    LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`);
  const total = db.get<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE ${filter}`,
  )!.n;
  const ids = rows.map((r) => r.id);
  const params = ids.length
    ? db.all<{
        equipment_id: number;
        key: string;
        unit: string;
        min: number | null;
        max: number | null;
      }>(
        sql`SELECT equipment_id, key, unit, min, max FROM equipment_params WHERE equipment_id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )
    : [];
  const at = now();
  const items = rows.map((r) => {
    let nextFreeSlot: { start: number; end: number } | null | undefined;
    if (input.durationHours !== undefined) {
      const cap = loadCapacity(db, r.id);
      const fits = input.durationHours >= cap.minHours && input.durationHours <= cap.maxHours;
      nextFreeSlot = fits
        ? firstSlot(
            freeIntervalsFor(db, cap, {
              from: nextMinute(at),
              to: at + NEXT_SLOT_HORIZON_DAYS * 86_400_000,
              now: at,
            }),
            input.durationHours,
          )
        : null;
    }
    return {
      id: r.id,
      name: r.name,
      nameZh: r.name_zh,
      category: r.category,
      manufacturer: r.manufacturer,
      model: r.model,
      units: r.units,
      status: r.status,
      hourlyRateFen: r.hourly_rate_fen,
      minHours: r.min_hours,
      maxHours: r.max_hours,
      facility: {
        slug: r.facility_slug,
        nameEn: r.facility_name_en,
        nameZh: r.facility_name_zh,
        prefecture: r.prefecture,
      },
      params: params
        .filter((p) => p.equipment_id === r.id)
        .map(({ key, unit, min, max }) => ({ key, unit, min, max })),
      nextFreeSlot,
    };
  });
  return {
    items,
    total,
    page: input.page,
    pageSize: input.pageSize,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
    horizonDays: NEXT_SLOT_HORIZON_DAYS,
  };
}

/** Equipment categories in use, for the category filter. */
export function equipmentCategories(db: DbOrTx): string[] {
  return db
    .all<{ category: string }>(
      sql`SELECT DISTINCT category FROM equipment WHERE status != 'retired' ORDER BY category`,
    )
    .map((r) => r.category);
}

// The department's voucher figures for a year: the programmes' budgets against what is allotted,
// reserved for accepted requests and redeemed, in total and by prefecture, firm size, facility or
// technology field. Allotments belong to firms, so the facility and field views count only the
// cover drawn on requests (a facility in two fields counts in both).
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { parseInput } from "../parse-input";

export const voucherGroupings = ["prefecture", "size", "facility", "field"] as const;
export const figuresInput = z.object({
  year: z
    .number({ error: "field.year" })
    .int("field.year")
    .min(2020, "field.year")
    .max(2099, "field.year"),
  by: z.enum(voucherGroupings, { error: "field.grouping" }).default("prefecture"),
});

const amounts = sql`
  COALESCE(SUM(CASE l.kind WHEN 'allotted' THEN l.amount_fen WHEN 'expired' THEN -l.amount_fen ELSE 0 END), 0) AS allotted,
  COALESCE(SUM(CASE l.kind WHEN 'reserved' THEN l.amount_fen WHEN 'released' THEN -l.amount_fen WHEN 'redeemed' THEN -l.amount_fen ELSE 0 END), 0) AS reserved,
  COALESCE(SUM(CASE l.kind WHEN 'redeemed' THEN l.amount_fen ELSE 0 END), 0) AS redeemed,
  COALESCE(SUM(CASE l.kind WHEN 'expired' THEN l.amount_fen ELSE 0 END), 0) AS expired,
  COUNT(DISTINCT l.firm_id) AS firms`;

type Amounts = {
  allotted: number;
  reserved: number;
  redeemed: number;
  expired: number;
  firms: number;
};

// Each entry carries its firm and (for cover drawn on a request) its facility, so each grouping
// reads the ledger's covering index and a small table; the facilities' fields are expanded once.
const keyOf = {
  prefecture: { key: sql`f.prefecture`, join: sql`JOIN firms f ON f.id = l.firm_id` },
  size: { key: sql`f.size`, join: sql`JOIN firms f ON f.id = l.firm_id` },
  facility: { key: sql`CAST(l.facility_id AS TEXT)`, join: sql`` },
  field: {
    key: sql`ff.field`,
    join: sql`JOIN ff ON ff.facility_id = l.facility_id`,
  },
} as const;

export function voucherFigures(db: DbOrTx, raw: z.input<typeof figuresInput>) {
  const input = parseInput(figuresInput, raw);
  const inYear = sql`l.programme_id IN (SELECT id FROM voucher_programmes WHERE year = ${input.year})`;
  const budget = db.get<{ budget: number; programmes: number }>(
    sql`SELECT COALESCE(SUM(budget_fen), 0) AS budget, COUNT(*) AS programmes FROM voucher_programmes WHERE year = ${input.year}`,
  );
  const total = db.get<Amounts>(sql`SELECT ${amounts} FROM voucher_ledger l WHERE ${inYear}`);
  const g = keyOf[input.by];
  const rows = db.all<Amounts & { key: string }>(
    sql`WITH ff AS MATERIALIZED (
          SELECT fa.id AS facility_id, j.value AS field FROM facilities fa, json_each(fa.fields) j)
        SELECT ${g.key} AS key, ${amounts}
        FROM voucher_ledger l ${g.join}
        WHERE ${inYear} ${input.by === "facility" || input.by === "field" ? sql`AND l.facility_id IS NOT NULL` : sql``}
        GROUP BY key ORDER BY redeemed + reserved DESC, allotted DESC, key`,
  );
  const facilityNames =
    input.by === "facility"
      ? new Map(
          db
            .all<{ id: number; nameEn: string; nameZh: string }>(
              sql`SELECT id, name_en AS nameEn, name_zh AS nameZh FROM facilities`,
            )
            .map((f) => [String(f.id), { en: f.nameEn, zh: f.nameZh }]),
        )
      : null;
  return {
    year: input.year,
    by: input.by,
    budgetFen: budget.budget,
    programmes: budget.programmes,
    allottedFen: total.allotted,
    reservedFen: total.reserved,
    redeemedFen: total.redeemed,
    expiredFen: total.expired,
    /** What the budgets have not yet allotted. */
    unallottedFen: budget.budget - total.allotted,
    rows: rows.map((r) => ({
      key: r.key,
      name: facilityNames?.get(r.key) ?? null,
      allottedFen: r.allotted,
      reservedFen: r.reserved,
      redeemedFen: r.redeemed,
      firms: r.firms,
    })),
  };
}

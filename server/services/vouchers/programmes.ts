// Voucher programmes: the department sets the year, budget, rate per service type, cap per firm,
// who may apply (firm sizes, prefectures) and when (application window, validity).
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { firmSizes, serviceTypes, voucherProgrammes } from "@/db/schema";
import { prefectures } from "@/db/reference/prefectures";
import { addDays, localDateKey, NETWORK_TIME_ZONE, parseLocal } from "../scheduling/local-time";
import type { Actor } from "../actor";
import { notFound, validation } from "../errors";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { recordAudit } from "../audit/record-audit";
import { fenInput } from "../money/fen-input";
import { committedOf, openOf, programmeSums } from "./ledger";

const day = z
  .string({ error: "field.day" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "field.day")
  .refine((d) => !Number.isNaN(parseLocal(d, NETWORK_TIME_ZONE)), "field.day");
const rateBp = z
  .number({ error: "field.rateBp" })
  .int("field.rateBp")
  .min(0, "field.rateBp")
  .max(10_000, "field.rateBp");
const name = z
  .string({ error: "field.programmeName" })
  .trim()
  .min(2, "field.programmeName")
  .max(120, "field.maxChars");

export const programmeInput = z
  .object({
    year: z
      .number({ error: "field.year" })
      .int("field.year")
      .min(2020, "field.year")
      .max(2099, "field.year"),
    nameEn: name,
    nameZh: name,
    budgetFen: fenInput,
    firmCapFen: fenInput,
    ratesBp: z.object(
      Object.fromEntries(serviceTypes.map((s) => [s, rateBp])) as Record<
        (typeof serviceTypes)[number],
        typeof rateBp
      >,
    ),
    eligibleSizes: z
      .array(z.enum(firmSizes, { error: "field.firmSize" }))
      .min(1, "field.sizesNeeded"),
    eligiblePrefectures: z.array(
      z.string().refine((c) => prefectures.some((p) => p.code === c), "field.prefecture"),
    ),
    applyFrom: day,
    applyUntil: day,
    validUntil: day,
  })
  .superRefine((v, ctx) => {
    if (v.applyUntil < v.applyFrom)
      ctx.addIssue({ code: "custom", path: ["applyUntil"], message: "field.afterFrom" });
    if (v.validUntil < v.applyUntil)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "field.validAfterApply" });
    if (v.firmCapFen > v.budgetFen)
      ctx.addIssue({ code: "custom", path: ["firmCapFen"], message: "field.capAboveBudget" });
  });
export const updateProgrammeInput = programmeInput.and(z.object({ id: idInput() }));
export const programmeIdInput = z.object({ id: idInput() });
export type ProgrammeRow = typeof voucherProgrammes.$inferSelect;

/** A day of the network's calendar as instants: its midnight, and the midnight after it. */
const startOf = (d: string) => parseLocal(d, NETWORK_TIME_ZONE);
const endOf = (d: string) => parseLocal(addDays(d, 1), NETWORK_TIME_ZONE);
/** The last day a window ending at `until` includes. */
export const lastDayOf = (until: number) => localDateKey(until - 1, NETWORK_TIME_ZONE);

function rowOf(input: z.output<typeof programmeInput>) {
  return {
    year: input.year,
    nameEn: input.nameEn,
    nameZh: input.nameZh,
    budgetFen: input.budgetFen,
    firmCapFen: input.firmCapFen,
    ratesBp: input.ratesBp,
    eligibleSizes: input.eligibleSizes,
    eligiblePrefectures: input.eligiblePrefectures,
    applyFrom: startOf(input.applyFrom),
    applyUntil: endOf(input.applyUntil),
    validUntil: endOf(input.validUntil),
  };
}

export function createProgramme(db: DB, actor: Actor, raw: unknown) {
  const input = parseInput(programmeInput, raw);
  return db.transaction(
    (tx) => {
      const row = tx
        .insert(voucherProgrammes)
        .values({ ...rowOf(input), createdBy: actor.userId })
        .returning()
        .get();
      recordAudit(tx, {
        action: "programme.created",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `programme:${row.id}`,
        detail: { year: row.year, budgetFen: row.budgetFen },
      });
      return row;
    },
    { behavior: "immediate" },
  );
}

export function updateProgramme(db: DB, actor: Actor, raw: unknown) {
  const input = parseInput(updateProgrammeInput, raw);
  return db.transaction(
    (tx) => {
      programmeRow(tx, input.id);
      const sums = programmeSums(tx, input.id);
      // The budget cannot fall below what is already allotted (net of what expired).
      const allotted = sums.allotted - sums.expired;
      if (input.budgetFen < Math.max(allotted, committedOf(sums)))
        throw validation("budgetFen", "field.belowAllotted", { min: allotted / 100 });
      const row = tx
        .update(voucherProgrammes)
        .set(rowOf(input))
        .where(eq(voucherProgrammes.id, input.id))
        .returning()
        .get();
      recordAudit(tx, {
        action: "programme.updated",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `programme:${row.id}`,
        detail: { budgetFen: row.budgetFen, firmCapFen: row.firmCapFen },
      });
      return row;
    },
    { behavior: "immediate" },
  );
}

export function programmeRow(tx: DbOrTx, id: number): ProgrammeRow {
  const row = tx.select().from(voucherProgrammes).where(eq(voucherProgrammes.id, id)).get();
  if (!row) throw notFound("programme");
  return row;
}

export function listProgrammes(db: DbOrTx) {
  return db
    .select()
    .from(voucherProgrammes)
    .orderBy(desc(voucherProgrammes.year), desc(voucherProgrammes.id))
    .all();
}

/** Every programme for the department, with its days and what is allotted (net of expiry),
 * reserved for open requests and redeemed. */
export function programmesWithFigures(db: DbOrTx) {
  return listProgrammes(db).map((p) => {
    const s = programmeSums(db, p.id);
    return {
      ...p,
      ...programmeDays(p),
      allottedFen: s.allotted - s.expired,
      reservedFen: openOf(s),
      redeemedFen: s.redeemed,
    };
  });
}

/** Whether a firm of this size and prefecture may apply under the programme. */
export const firmEligible = (p: ProgrammeRow, firm: { size: string; prefecture: string }) =>
  p.eligibleSizes.includes(firm.size) &&
  (p.eligiblePrefectures.length === 0 || p.eligiblePrefectures.includes(firm.prefecture));

/** The programme as a form shows it: its days in the network's calendar. */
export const programmeDays = (p: ProgrammeRow) => ({
  applyFrom: localDateKey(p.applyFrom, NETWORK_TIME_ZONE),
  applyUntil: lastDayOf(p.applyUntil),
  validUntil: lastDayOf(p.validUntil),
});

// Allotments: a firm applies under an open programme it is eligible for; the department grants
// an amount (within the firm's annual cap and the programme's budget) or refuses with a reason.
// A grant is the ledger's "allotted" entry.
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { firms, voucherAllotments, voucherLedger, voucherProgrammes } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound, refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { reasonInput } from "../reason-input";
import { recordAudit } from "../audit/record-audit";
import { fenInput } from "../money/fen-input";
import {
  allotmentSumsOf,
  appendEntry,
  availableOf,
  openOf,
  programmeSums,
  sumsWhere,
} from "./ledger";
import { firmEligible, programmeDays, programmeRow } from "./programmes";
import { notifyFirm } from "./notify-firm";

export const applyInput = z.object({
  programmeId: idInput(),
  requestedFen: fenInput,
  purpose: z
    .string({ error: "field.purpose" })
    .trim()
    .min(10, "field.purposeMin")
    .max(1000, "field.maxChars"),
});
export const decideAllotmentInput = z.discriminatedUnion(
  "decision",
  [
    z.object({ id: idInput(), decision: z.literal("approve"), grantedFen: fenInput }),
    z.object({
      id: idInput(),
      decision: z.literal("refuse"),
      reason: reasonInput(),
    }),
  ],
  { error: "field.decision" },
);

/** Granted in the programme's year to the firm, net of what expired, leaving one allotment out. */
function firmYearAllotted(tx: DbOrTx, firmId: number, year: number, except: number) {
  const ids = tx
    .select({ id: voucherAllotments.id })
    .from(voucherAllotments)
    .innerJoin(voucherProgrammes, eq(voucherProgrammes.id, voucherAllotments.programmeId))
    .where(
      and(
        eq(voucherAllotments.firmId, firmId),
        eq(voucherProgrammes.year, year),
        ne(voucherAllotments.id, except),
      ),
    )
    .all()
    .map((a) => a.id);
  if (ids.length === 0) return 0;
  const s = sumsWhere(tx, inArray(voucherLedger.allotmentId, ids));
  return s.allotted - s.expired;
}

export function applyForAllotment(db: DB, actor: Actor & { firmId: number }, raw: unknown) {
  const input = parseInput(applyInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const p = programmeRow(tx, input.programmeId);
      if (at < p.applyFrom || at >= p.applyUntil)
        throw refuse("INVALID_STATE", "voucher.notOpen", {
          from: programmeDays(p).applyFrom,
          until: programmeDays(p).applyUntil,
        });
      const firm = tx.select().from(firms).where(eq(firms.id, actor.firmId)).get()!;
      if (!firmEligible(p, firm)) throw refuse("FORBIDDEN", "voucher.notEligible");
      const live = tx
        .select({ id: voucherAllotments.id })
        .from(voucherAllotments)
        .where(
          and(
            eq(voucherAllotments.programmeId, p.id),
            eq(voucherAllotments.firmId, actor.firmId),
            ne(voucherAllotments.status, "refused"),
          ),
        )
        .get();
      if (live) throw refuse("CONFLICT", "voucher.alreadyApplied");
      const capLeft = p.firmCapFen - firmYearAllotted(tx, actor.firmId, p.year, 0);
      if (input.requestedFen > capLeft)
        throw validation("requestedFen", "field.aboveFirmCap", { max: Math.max(0, capLeft) / 100 });
      const row = tx
        .insert(voucherAllotments)
        .values({
          programmeId: p.id,
          firmId: actor.firmId,
          requestedFen: input.requestedFen,
          purpose: input.purpose,
          appliedBy: actor.userId,
          createdAt: at,
        })
        .returning()
        .get();
      recordAudit(tx, {
        action: "allotment.applied",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `allotment:${row.id}`,
        detail: { programmeId: p.id, requestedFen: row.requestedFen },
      });
      return row;
    },
    { behavior: "immediate" },
  );
}

export function decideAllotment(db: DB, actor: Actor, raw: unknown) {
  const input = parseInput(decideAllotmentInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const a = tx.select().from(voucherAllotments).where(eq(voucherAllotments.id, input.id)).get();
      if (!a) throw notFound("allotment");
      if (a.status !== "pending") throw refuse("INVALID_STATE", "voucher.decided");
      const p = programmeRow(tx, a.programmeId);
      if (input.decision === "approve") {
        if (input.grantedFen > a.requestedFen)
          throw validation("grantedFen", "field.aboveRequested", { max: a.requestedFen / 100 });
        const capLeft = p.firmCapFen - firmYearAllotted(tx, a.firmId, p.year, a.id);
        if (input.grantedFen > capLeft)
          throw validation("grantedFen", "field.aboveFirmCap", { max: Math.max(0, capLeft) / 100 });
        const sums = programmeSums(tx, p.id);
        const budgetLeft = p.budgetFen - (sums.allotted - sums.expired);
        if (input.grantedFen > budgetLeft)
          throw validation("grantedFen", "field.aboveBudget", {
            max: Math.max(0, budgetLeft) / 100,
          });
        if (at >= p.validUntil) throw refuse("INVALID_STATE", "voucher.programmeEnded");
      }
      const approved = input.decision === "approve";
      const row = tx
        .update(voucherAllotments)
        .set({
          status: approved ? "approved" : "refused",
          grantedFen: approved ? input.grantedFen : null,
          reason: approved ? null : input.reason,
          decidedBy: actor.userId,
          decidedAt: at,
        })
        .where(eq(voucherAllotments.id, a.id))
        .returning()
        .get();
      if (approved)
        appendEntry(tx, {
          allotmentId: a.id,
          programmeId: p.id,
          firmId: a.firmId,
          kind: "allotted",
          amountFen: input.grantedFen,
          at,
          byUser: actor.userId,
        });
      recordAudit(tx, {
        action: approved ? "allotment.approved" : "allotment.refused",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `allotment:${a.id}`,
        detail: approved ? { grantedFen: input.grantedFen } : { reason: input.reason },
      });
      notifyFirm(tx, a.firmId, at, {
        code: approved ? "allotmentApproved" : "allotmentRefused",
        params: approved
          ? { amount: input.grantedFen / 100, en: p.nameEn, zh: p.nameZh }
          : { reason: input.reason, en: p.nameEn, zh: p.nameZh },
      });
      return row;
    },
    { behavior: "immediate" },
  );
}

type AllotmentRow = typeof voucherAllotments.$inferSelect;

/** Allotments with their balances from the ledger (one query for all of them). */
function withBalances<T extends { a: AllotmentRow }>(tx: DbOrTx, rows: T[]) {
  const sums = allotmentSumsOf(
    tx,
    rows.map((r) => r.a.id),
  );
  return rows.map((r) => {
    const s = sums.get(r.a.id)!;
    return {
      ...r,
      balances: {
        allottedFen: s.allotted,
        availableFen: availableOf(s),
        reservedFen: openOf(s),
        redeemedFen: s.redeemed,
        expiredFen: s.expired,
      },
    };
  });
}

/** The firm's applications and allotments, newest first, with balances and ledger entries. */
export function firmAllotments(db: DbOrTx, firmId: number) {
  const rows = db
    .select()
    .from(voucherAllotments)
    .where(eq(voucherAllotments.firmId, firmId))
    .orderBy(desc(voucherAllotments.createdAt))
    .all()
    .map((a) => ({ a }));
  return withBalances(db, rows).map(({ a, balances }) => ({
    ...a,
    ...balances,
    entries: db
      .select()
      .from(voucherLedger)
      .where(eq(voucherLedger.allotmentId, a.id))
      .orderBy(desc(voucherLedger.at), desc(voucherLedger.id))
      .limit(50)
      .all(),
  }));
}

/** Every application of a programme for the department, pending first. */
export function programmeAllotments(db: DbOrTx, programmeId: number) {
  const rows = db
    .select({ a: voucherAllotments, firm: firms })
    .from(voucherAllotments)
    .innerJoin(firms, eq(firms.id, voucherAllotments.firmId))
    .where(eq(voucherAllotments.programmeId, programmeId))
    .orderBy(voucherAllotments.status, desc(voucherAllotments.createdAt))
    .all();
  return withBalances(db, rows).map(({ a, firm, balances }) => ({
    ...a,
    ...balances,
    firm: { name: firm.name, size: firm.size, prefecture: firm.prefecture },
  }));
}

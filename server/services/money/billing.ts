// After the work: the facility records the fapiao it issued (number, date, amount, its PDF) and
// the payments received against it; a part payment leaves a balance; an invoice with no payment
// can be voided with a reason. The firm, the facility and admins see the billing of a request.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { attachments, invoices, payments, type RequestStatus } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound, refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { reasonInput } from "../reason-input";
import { fenInput } from "./fen-input";
import { timeInput } from "../time-input";
import { loadRequestFor, type RequestRow } from "../booking/request-access";
import { notifyOtherParty } from "../booking/notify";
import { recordAudit } from "../audit/record-audit";
import type { SystemNote } from "../booking/event-note";
import { requestCover } from "../vouchers/ledger";

/** When a document is dated: not after tomorrow (time zones aside, nothing is dated ahead). */
const DAY = 86_400_000;

export const recordInvoiceInput = z.object({
  id: idInput("field.idRequest"),
  number: z
    .string({ error: "field.invoiceNumber" })
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/, "field.invoiceNumber"),
  issuedAt: timeInput,
  amountFen: fenInput,
  attachmentId: idInput("field.idFile").optional(),
});
export const voidInvoiceInput = z.object({
  invoiceId: idInput("field.idInvoice"),
  reason: reasonInput(),
});
export const recordPaymentInput = z.object({
  invoiceId: idInput("field.idInvoice"),
  paidAt: timeInput,
  amountFen: fenInput,
  bankReference: z
    .string({ error: "field.bankReference" })
    .trim()
    .min(4, "field.bankReference")
    .max(60, "field.maxChars"),
});
export const billingInput = z.object({ id: idInput("field.idRequest") });

/** The facility's own request, routed to it. */
function ownRequest(tx: DbOrTx, actor: Actor, id: number): RequestRow {
  const r = loadRequestFor(tx, actor, id);
  if (actor.role === "firm" || actor.role === "admin" || r.facilityId !== actor.facilityId)
    throw refuse("FORBIDDEN", "billing.facilityOnly");
  return r;
}

function ownInvoice(tx: DbOrTx, actor: Actor, invoiceId: number) {
  const invoice = tx.select().from(invoices).where(eq(invoices.id, invoiceId)).get();
  if (!invoice) throw notFound("invoice");
  // Another facility's invoice is not found, whatever its number.
  try {
    return { invoice, r: ownRequest(tx, actor, invoice.requestId) };
  } catch {
    throw notFound("invoice");
  }
}

const sumOf = (
  tx: DbOrTx,
  table: typeof invoices | typeof payments,
  where: ReturnType<typeof and>,
) =>
  tx
    .select({ n: sql<number>`COALESCE(SUM(${table.amountFen}), 0)` })
    .from(table)
    .where(where)
    .get()!.n;

const invoicedFen = (tx: DbOrTx, requestId: number) =>
  sumOf(tx, invoices, and(eq(invoices.requestId, requestId), eq(invoices.status, "issued")));
const paidOn = (tx: DbOrTx, invoiceId: number) =>
  sumOf(tx, payments, and(eq(payments.invoiceId, invoiceId)));

const billable: RequestStatus[] = ["completed"];

/** What the firm still owes: what is invoiced, less what it paid and the voucher cover (which
 * the department pays the facility on an approved claim). */
export function firmDue(tx: DbOrTx, requestId: number) {
  const invoiced = invoicedFen(tx, requestId);
  const paid = sumOf(tx, payments, eq(payments.requestId, requestId));
  const voucherFen = requestCover(tx, requestId).coverFen;
  return { invoiced, paid, voucherFen, dueFen: Math.max(0, invoiced - voucherFen - paid) };
}

/** Audits a billing step on the request and, with a note, tells the other party. */
export function logStep(
  tx: DbOrTx,
  actor: Actor,
  r: RequestRow,
  at: number,
  action: string,
  detail: Record<string, unknown>,
  note?: SystemNote,
  kind = "request.invoiced",
) {
  recordAudit(tx, {
    action,
    actorId: actor.userId,
    actorEmail: actor.email,
    target: `request:${r.id}`,
    detail,
  });
  if (note) notifyOtherParty(tx, r, actor.userId, kind, at, note);
}

export function recordInvoice(db: DB, actor: Actor, raw: z.input<typeof recordInvoiceInput>) {
  const input = parseInput(recordInvoiceInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const r = ownRequest(tx, actor, input.id);
      if (!billable.includes(r.status) || r.quoteAmountFen === null)
        throw refuse("INVALID_STATE", "billing.notCompleted", { ref: r.ref, status: r.status });
      if (input.issuedAt > at + DAY) throw validation("issuedAt", "field.notInFuture");
      const open = r.quoteAmountFen - invoicedFen(tx, r.id);
      if (input.amountFen > open)
        throw validation("amountFen", "field.aboveUninvoiced", { max: open / 100 });
      if (input.attachmentId !== undefined) {
        const file = tx
          .select({ id: attachments.id })
          .from(attachments)
          .where(
            and(
              eq(attachments.id, input.attachmentId),
              eq(attachments.requestId, r.id),
              eq(attachments.kind, "invoice"),
            ),
          )
          .get();
        if (!file) throw notFound("file");
      }
      const taken = tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.requestId, r.id), eq(invoices.number, input.number)))
        .get();
      if (taken) throw validation("number", "field.invoiceNumberUsed");
      const row = tx
        .insert(invoices)
        .values({
          requestId: r.id,
          number: input.number,
          issuedAt: input.issuedAt,
          amountFen: input.amountFen,
          attachmentId: input.attachmentId ?? null,
          createdBy: actor.userId,
          createdAt: at,
        })
        .returning()
        .get();
      logStep(
        tx,
        actor,
        r,
        at,
        "invoice.recorded",
        { number: row.number, amountFen: row.amountFen },
        {
          code: "invoiced",
          params: { number: row.number, yuan: row.amountFen / 100 },
        },
      );
      return { id: row.id, ref: r.ref, number: row.number };
    },
    { behavior: "immediate" },
  );
}

export function voidInvoice(db: DB, actor: Actor, raw: z.input<typeof voidInvoiceInput>) {
  const input = parseInput(voidInvoiceInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const { invoice, r } = ownInvoice(tx, actor, input.invoiceId);
      if (invoice.status === "void")
        throw refuse("INVALID_STATE", "billing.alreadyVoid", { number: invoice.number });
      if (paidOn(tx, invoice.id) > 0)
        throw refuse("INVALID_STATE", "billing.invoicePaid", { number: invoice.number });
      tx.update(invoices)
        .set({ status: "void", voidReason: input.reason, voidedAt: at })
        .where(eq(invoices.id, invoice.id))
        .run();
      const detail = { number: invoice.number, reason: input.reason };
      logStep(tx, actor, r, at, "invoice.voided", detail, {
        code: "invoiceVoided",
        params: detail,
      });
      return { id: invoice.id, ref: r.ref, number: invoice.number };
    },
    { behavior: "immediate" },
  );
}

export function recordPayment(db: DB, actor: Actor, raw: z.input<typeof recordPaymentInput>) {
  const input = parseInput(recordPaymentInput, raw);
  return db.transaction(
    (tx) => {
      const at = now();
      const { invoice, r } = ownInvoice(tx, actor, input.invoiceId);
      if (invoice.status === "void")
        throw refuse("INVALID_STATE", "billing.voidInvoice", { number: invoice.number });
      if (input.paidAt > at + DAY) throw validation("paidAt", "field.notInFuture");
      const balance = invoice.amountFen - paidOn(tx, invoice.id);
      if (input.amountFen > balance)
        throw validation("amountFen", "field.aboveBalance", { max: balance / 100 });
      const due = firmDue(tx, r.id);
      if (input.amountFen > due.dueFen)
        throw validation("amountFen", "field.aboveFirmShare", {
          max: due.dueFen / 100,
          voucher: due.voucherFen / 100,
        });
      const row = tx
        .insert(payments)
        .values({
          requestId: r.id,
          invoiceId: invoice.id,
          paidAt: input.paidAt,
          amountFen: input.amountFen,
          bankReference: input.bankReference,
          createdBy: actor.userId,
          createdAt: at,
        })
        .returning()
        .get();
      logStep(tx, actor, r, at, "payment.recorded", {
        invoice: invoice.number,
        amountFen: row.amountFen,
      });
      return { id: row.id, ref: r.ref, balanceFen: balance - row.amountFen };
    },
    { behavior: "immediate" },
  );
}

/** A request's invoices with their payments, and what is quoted, invoiced, paid and open. */
export function billingOf(db: DbOrTx, actor: Actor, raw: z.input<typeof billingInput>) {
  const { id } = parseInput(billingInput, raw);
  const r = loadRequestFor(db, actor, id);
  const list = db
    .select()
    .from(invoices)
    .where(eq(invoices.requestId, r.id))
    .orderBy(invoices.issuedAt, invoices.id)
    .all();
  const paid = db.select().from(payments).where(eq(payments.requestId, r.id)).all();
  const issued = list.filter((i) => i.status === "issued");
  const invoiced = issued.reduce((a, i) => a + i.amountFen, 0);
  const received = paid.reduce((a, p) => a + p.amountFen, 0);
  const cover = requestCover(db, r.id);
  return {
    quotedFen: r.quoteAmountFen,
    invoicedFen: invoiced,
    paidFen: received,
    /** Voucher cover held for the request (open) and paid out on an approved claim. */
    voucherFen: cover.coverFen,
    voucherRedeemedFen: cover.redeemedFen,
    /** What the firm still owes: invoiced, less payments and the voucher cover. */
    balanceFen: Math.max(0, invoiced - cover.coverFen - received),
    uninvoicedFen: r.quoteAmountFen === null ? 0 : r.quoteAmountFen - invoiced,
    invoices: list.map((i) => ({
      ...i,
      payments: paid.filter((p) => p.invoiceId === i.id),
      balanceFen:
        i.status === "void"
          ? 0
          : i.amountFen -
            paid.filter((p) => p.invoiceId === i.id).reduce((a, p) => a + p.amountFen, 0),
    })),
  };
}

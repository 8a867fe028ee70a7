// The service side of the evaluation figures, per equipment (the equipment a request's quote
// booked) so that any grouping sums them: income invoiced, paid and covered by vouchers, ratings,
// response times (submission or routing to quote), and the outside firms whose work was recorded
// on the equipment. Each is one aggregation over the period's rows.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { externalUsePairs } from "../scheduling/use-cube";
import {
  equipmentOf,
  monthFigures,
  periodParts,
  type MonthFigures,
} from "../scheduling/month-figures";

const HOUR = 3_600_000;

export type ServiceRow = {
  invoicedFen: number;
  paidFen: number;
  voucherFen: number;
  ratingSum: number;
  ratings: number;
  responseHoursSum: number;
  responses: number;
};
export const emptyService = (): ServiceRow => ({
  invoicedFen: 0,
  paidFen: 0,
  voucherFen: 0,
  ratingSum: 0,
  ratings: 0,
  responseHoursSum: 0,
  responses: 0,
});

export type ServiceFigures = {
  byEquipment: Map<number, ServiceRow>;
  /** Outside firms with recorded use, per equipment id. */
  usersOf: Map<number, number[]>;
};

export function serviceFigures(
  db: DbOrTx,
  facilityWhere: SQL,
  from: number,
  to: number,
  at: number,
  /** The whole months' figures, when the caller has read them already. */
  monthly?: MonthFigures,
): ServiceFigures {
  // "+" keeps SQLite on each period's index rather than the facility's.
  const scoped = sql`r.quote_equipment_id IS NOT NULL AND +r.facility_id IN (SELECT f.id FROM facilities f WHERE ${facilityWhere})`;
  const sums = (what: SQL) => db.all<{ id: number; a: number; n: number }>(what);
  const invoiced = sums(sql`
    SELECT r.quote_equipment_id AS id, SUM(i.amount_fen) AS a, COUNT(*) AS n FROM invoices i CROSS JOIN booking_requests r ON r.id = i.request_id
    WHERE ${scoped} AND i.status = 'issued' AND i.issued_at >= ${from} AND i.issued_at < ${to} GROUP BY 1`);
  const paid = sums(sql`
    SELECT r.quote_equipment_id AS id, SUM(p.amount_fen) AS a, COUNT(*) AS n FROM payments p CROSS JOIN booking_requests r ON r.id = p.request_id
    WHERE ${scoped} AND p.paid_at >= ${from} AND p.paid_at < ${to} GROUP BY 1`);
  const voucher = sums(sql`
    SELECT r.quote_equipment_id AS id, SUM(l.amount_fen) AS a, COUNT(*) AS n FROM voucher_ledger l CROSS JOIN booking_requests r ON r.id = l.request_id
    WHERE ${scoped} AND l.kind = 'redeemed' AND l.at >= ${from} AND l.at < ${to} GROUP BY 1`);
  const ratings = sums(sql`
    SELECT r.quote_equipment_id AS id, SUM(fb.rating) AS a, COUNT(*) AS n FROM feedback fb CROSS JOIN booking_requests r ON r.id = fb.request_id
    WHERE ${scoped} AND fb.created_at >= ${from} AND fb.created_at < ${to} GROUP BY 1`);
  // Response times: the whole months from the monthly figures, the cut ones from the requests.
  const { whole, cut } = periodParts(from, to);
  const responses = whole
    ? [...(monthly ?? monthFigures(db, facilityWhere, whole, 0)).byEquipment].map(([id, x]) => ({
        id,
        a: x.responseMs,
        n: x.responses,
      }))
    : [];
  for (const c of cut)
    responses.push(
      ...sums(sql`
        SELECT r.quote_equipment_id AS id, SUM(r.quoted_at - COALESCE(r.routed_at, r.created_at)) AS a, COUNT(*) AS n FROM booking_requests r
        WHERE ${scoped} AND r.quoted_at >= ${c.start} AND r.quoted_at < ${c.end} GROUP BY 1`),
    );
  const usersOf = new Map<number, number[]>();
  for (const [e, firm] of externalUsePairs(db, from, to, at, equipmentOf(facilityWhere)))
    (usersOf.get(e) ?? usersOf.set(e, []).get(e)!).push(firm);

  const byEquipment = new Map<number, ServiceRow>();
  const row = (id: number) => byEquipment.get(id) ?? byEquipment.set(id, emptyService()).get(id)!;
  for (const x of invoiced) row(x.id).invoicedFen += x.a;
  for (const x of paid) row(x.id).paidFen += x.a;
  for (const x of voucher) row(x.id).voucherFen += x.a;
  for (const x of ratings) {
    row(x.id).ratingSum += x.a;
    row(x.id).ratings += x.n;
  }
  for (const x of responses) {
    if (!x.n) continue;
    row(x.id).responseHoursSum += x.a / HOUR;
    row(x.id).responses += x.n;
  }
  return { byEquipment, usersOf };
}

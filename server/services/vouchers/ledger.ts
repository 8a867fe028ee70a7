// The voucher ledger: entries only append, and every balance is a sum over them.
//   available = allotted − reserved + released − expired   (what the firm may still draw)
//   open      = reserved − released − redeemed             (held for accepted requests)
//   committed = reserved − released                         (drawn: open plus redeemed)
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { voucherLedger, type VoucherEntryKind } from "@/db/schema";
import { statement } from "../sql-statements";

export type Entry = {
  allotmentId: number;
  programmeId: number;
  firmId: number;
  requestId?: number | null;
  facilityId?: number | null;
  kind: VoucherEntryKind;
  amountFen: number;
  at: number;
  byUser?: number | null;
};

export function appendEntry(tx: DbOrTx, e: Entry): void {
  if (!Number.isInteger(e.amountFen) || e.amountFen <= 0)
    throw new Error(`a ledger entry moves a positive whole number of fen, not ${e.amountFen}`);
  statement(
    tx,
    `INSERT INTO voucher_ledger
       (allotment_id, programme_id, firm_id, request_id, facility_id, kind, amount_fen, at, by_user)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.allotmentId,
    e.programmeId,
    e.firmId,
    e.requestId ?? null,
    e.facilityId ?? null,
    e.kind,
    e.amountFen,
    e.at,
    e.byUser ?? null,
  );
}

export type Sums = Record<VoucherEntryKind, number>;
const zero = (): Sums => ({ allotted: 0, reserved: 0, released: 0, redeemed: 0, expired: 0 });

/** The sums of each kind of entry over the rows `where` selects. */
export function sumsWhere(tx: DbOrTx, where: SQL | undefined): Sums {
  const sums = zero();
  for (const row of tx
    .select({ kind: voucherLedger.kind, n: sql<number>`SUM(${voucherLedger.amountFen})` })
    .from(voucherLedger)
    .where(where)
    .groupBy(voucherLedger.kind)
    .all())
    sums[row.kind] = row.n;
  return sums;
}

export const availableOf = (s: Sums) => s.allotted - s.reserved + s.released - s.expired;
export const openOf = (s: Sums) => s.reserved - s.released - s.redeemed;
export const committedOf = (s: Sums) => s.reserved - s.released;

/** Sums of one prepared statement's rows of (kind, n). */
function sumsOf(rows: unknown[]): Sums {
  const sums = zero();
  for (const r of rows as { kind: VoucherEntryKind; n: number }[]) sums[r.kind] = r.n;
  return sums;
}

export const allotmentSums = (tx: DbOrTx, allotmentId: number) =>
  sumsOf(
    statement(
      tx,
      `SELECT kind, SUM(amount_fen) AS n FROM voucher_ledger WHERE allotment_id = ? GROUP BY kind`,
    ).all(allotmentId),
  );

/** The sums of each of these allotments, in one query. */
export function allotmentSumsOf(tx: DbOrTx, allotmentIds: number[]): Map<number, Sums> {
  const out = new Map(allotmentIds.map((id) => [id, zero()]));
  if (allotmentIds.length === 0) return out;
  const rows = statement(
    tx,
    `SELECT allotment_id AS id, kind, SUM(amount_fen) AS n FROM voucher_ledger
     WHERE allotment_id IN (SELECT value FROM json_each(?)) GROUP BY allotment_id, kind`,
  ).all(JSON.stringify(allotmentIds)) as { id: number; kind: VoucherEntryKind; n: number }[];
  for (const r of rows) out.get(r.id)![r.kind] = r.n;
  return out;
}

/** What the firm has drawn this year, over every programme of the year (the annual cap). */
export function firmYearCommitted(tx: DbOrTx, firmId: number, year: number): number {
  return committedOf(
    sumsOf(
      statement(
        tx,
        `SELECT kind, SUM(amount_fen) AS n FROM voucher_ledger
         WHERE firm_id = ? AND programme_id IN (SELECT id FROM voucher_programmes WHERE year = ?)
         GROUP BY kind`,
      ).all(firmId, year),
    ),
  );
}

export const programmeSums = (tx: DbOrTx, programmeId: number) =>
  sumsOf(
    statement(
      tx,
      `SELECT kind, SUM(amount_fen) AS n FROM voucher_ledger WHERE programme_id = ? GROUP BY kind`,
    ).all(programmeId),
  );

/** A request's cover: what is held for it and what was paid out for it, by allotment. */
export function requestCover(tx: DbOrTx, requestId: number) {
  const rows = statement(
    tx,
    `SELECT allotment_id AS allotmentId, programme_id AS programmeId, firm_id AS firmId,
       MAX(facility_id) AS facilityId, kind, SUM(amount_fen) AS n
     FROM voucher_ledger WHERE request_id = ? GROUP BY allotment_id, kind`,
  ).all(requestId) as {
    allotmentId: number;
    programmeId: number;
    firmId: number;
    facilityId: number | null;
    kind: VoucherEntryKind;
    n: number;
  }[];
  const byAllotment = new Map<
    number,
    { programmeId: number; firmId: number; facilityId: number | null; sums: Sums }
  >();
  for (const r of rows) {
    const a = byAllotment.get(r.allotmentId) ?? {
      programmeId: r.programmeId,
      firmId: r.firmId,
      facilityId: r.facilityId,
      sums: zero(),
    };
    a.sums[r.kind] = r.n;
    byAllotment.set(r.allotmentId, a);
  }
  const parts = [...byAllotment].map(([allotmentId, a]) => ({ allotmentId, ...a }));
  const openFen = parts.reduce((n, p) => n + openOf(p.sums), 0);
  const redeemedFen = parts.reduce((n, p) => n + p.sums.redeemed, 0);
  const releasedFen = parts.reduce((n, p) => n + p.sums.released, 0);
  return { parts, openFen, redeemedFen, releasedFen, coverFen: openFen + redeemedFen };
}

/** A request that will not happen gives its open cover back to the allotments it came from. */
export function releaseCover(tx: DbOrTx, requestId: number, at: number): number {
  let released = 0;
  for (const p of requestCover(tx, requestId).parts) {
    const open = openOf(p.sums);
    if (open <= 0) continue;
    appendEntry(tx, {
      allotmentId: p.allotmentId,
      programmeId: p.programmeId,
      firmId: p.firmId,
      requestId,
      facilityId: p.facilityId,
      kind: "released",
      amountFen: open,
      at,
    });
    released += open;
  }
  return released;
}

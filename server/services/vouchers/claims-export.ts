// The department's export of voucher claims: a table (CSV or XLSX, UTF-8, column names in
// Chinese and English) and, for a batch, a ZIP of each claim's documents: the service agreement,
// the fapiao, the payment record and the report.
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import type { DB } from "@/db/client";
import { attachments, invoices, payments } from "@/db/schema";
import { dataDir } from "@/db/paths";
import type { Actor } from "../actor";
import { toCsv } from "../csv";
import { toXlsx } from "../export/xlsx";
import { localTimeText, localDateKey, NETWORK_TIME_ZONE } from "../scheduling/local-time";
import { agreementPdf } from "../money/agreement";
import { extensionOf } from "../booking/file-types";
import { listClaims, listClaimsInput, type ClaimListRow } from "./claims";
import { parseInput } from "../parse-input";
import type { z } from "zod";

const header = [
  "兑付编号 Claim",
  "项目 Programme",
  "申请编号 Request",
  "协议编号 Agreement",
  "服务平台 Facility",
  "平台信用代码 Facility credit code",
  "企业 Firm",
  "企业信用代码 Firm credit code",
  "企业规模 Firm size",
  "市州 Prefecture",
  "服务类型 Service type",
  "合同金额(元) Contract total (CNY)",
  "发票号 Fapiao no.",
  "开票日期 Fapiao date",
  "企业已付(元) Paid by firm (CNY)",
  "创新券兑付(元) Voucher claimed (CNY)",
  "状态 Status",
  "提交时间 Filed",
  "处理时间 Decided",
  "退回原因 Reason returned",
];

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const day = (ms: number) => localDateKey(ms, NETWORK_TIME_ZONE);
const time = (ms: number | null) => (ms === null ? "" : localTimeText(ms, NETWORK_TIME_ZONE));

const rowOf = (c: ClaimListRow) => [
  c.claim.id,
  `${c.programme.year} ${c.programme.nameZh} ${c.programme.nameEn}`,
  c.ref,
  c.claim.agreementNumber,
  `${c.facility.nameZh} ${c.facility.nameEn}`,
  c.facility.creditCode ?? "",
  c.firm.name,
  c.firm.creditCode,
  c.firm.size,
  c.firm.prefecture,
  c.serviceType,
  yuan(c.quoteAmountFen),
  c.invoice.number,
  day(c.invoice.issuedAt),
  yuan(c.claim.paidFen),
  yuan(c.claim.amountFen),
  c.claim.status,
  time(c.claim.filedAt),
  time(c.claim.decidedAt),
  c.claim.reason ?? "",
];

export type ClaimExportFormat = "csv" | "xlsx" | "zip";

export async function exportClaims(
  db: DB,
  actor: Actor,
  format: ClaimExportFormat,
  raw: z.input<typeof listClaimsInput>,
): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  const filter = parseInput(listClaimsInput, raw);
  const claims = listClaims(db, actor, filter);
  const rows = claims.map(rowOf);
  const stem = `voucher-claims-${filter.status ?? "all"}-${day(Date.now())}`;
  if (format === "csv")
    return {
      fileName: `${stem}.csv`,
      contentType: "text/csv; charset=utf-8",
      bytes: strToU8(toCsv(header, rows)),
    };
  if (format === "xlsx")
    return {
      fileName: `${stem}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      bytes: toXlsx("claims", header, rows),
    };
  const files: Record<string, Uint8Array> = { "claims.csv": strToU8(toCsv(header, rows)) };
  for (const c of claims) {
    const dir = `${c.ref}-claim-${c.claim.id}`;
    const agreement = await agreementPdf(db, actor, c.claim.requestId);
    files[`${dir}/agreement-${agreement.fileName}`] = agreement.bytes;
    const file = (id: number) => db.select().from(attachments).where(eq(attachments.id, id)).get()!;
    const bytesOf = (a: { storagePath: string }) =>
      fs.readFileSync(path.join(dataDir(), a.storagePath));
    for (const inv of db
      .select()
      .from(invoices)
      .where(and(eq(invoices.requestId, c.claim.requestId), eq(invoices.status, "issued")))
      .all())
      if (inv.attachmentId !== null) {
        const a = file(inv.attachmentId);
        files[`${dir}/fapiao-${inv.number}.${extensionOf(a.mimeType)}`] = bytesOf(a);
      }
    const report = file(c.claim.reportAttachmentId);
    files[`${dir}/report.${extensionOf(report.mimeType)}`] = bytesOf(report);
    const paid = db.select().from(payments).where(eq(payments.requestId, c.claim.requestId)).all();
    files[`${dir}/payments.csv`] = strToU8(
      toCsv(
        ["付款日期 Paid on", "金额(元) Amount (CNY)", "银行流水号 Bank reference"],
        paid.map((p) => [day(p.paidAt), p.amountFen / 100, p.bankReference]),
      ),
    );
  }
  return { fileName: `${stem}.zip`, contentType: "application/zip", bytes: zipSync(files) };
}

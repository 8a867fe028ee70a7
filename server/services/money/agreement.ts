// The service agreement (委托服务协议) of a request's quote, in Chinese and English: both parties
// with their credit codes, the scope, standard and samples, the schedule, the quote's lines with
// VAT and total, and the terms. The firm reads it before accepting; accepting the quote accepts
// it, and its number (which names the quote version) is recorded with the acceptance.
import { and, asc, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { equipment, facilities, firms, quoteLines, services, voucherProgrammes } from "@/db/schema";
import { requestCover } from "../vouchers/ledger";
import { eligibleLinesFen } from "../vouchers/eligible";
import { agreementNumber } from "@/db/reference/agreement-number";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { loadRequestFor } from "../booking/request-access";
import { localTimeText } from "../scheduling/local-time";
import { PdfWriter } from "../pdf/pdf-writer";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh.json";

const enNames = en.names;
const zhNames = zh.names;

const zhKinds: Record<string, string> = {
  machine_time: "机时",
  setup: "准备",
  consumables: "耗材",
  labour: "人工",
  sample_prep: "样品制备",
  report: "报告",
  surcharge: "附加费",
  discount: "折扣",
  other: "其他",
};
const enKinds: Record<string, string> = {
  machine_time: "Machine time",
  setup: "Setup",
  consumables: "Consumables",
  labour: "Labour",
  sample_prep: "Sample preparation",
  report: "Report",
  surcharge: "Surcharge",
  discount: "Discount",
  other: "Other",
};
const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const terms: [string, string][] = [
  [
    "保密：双方对在本协议履行中获知的对方技术资料、样品信息和检测结果负有保密义务，未经对方书面同意不得向第三方披露，法律法规另有规定的除外。",
    "Confidentiality: each party keeps the other's technical information, sample details and results learned under this agreement confidential and discloses them to no third party without written consent, unless the law requires.",
  ],
  [
    "责任：受托方按约定标准和方法完成工作；因受托方原因造成的损失，赔偿以本协议服务费为限。委托方对所提供样品及资料的真实性、合法性负责。",
    "Liability: the facility performs the work to the agreed standard and method; its liability for loss it causes is limited to the fee of this agreement. The firm answers for the truth and lawfulness of the samples and information it provides.",
  ],
  [
    "付款：受托方在工作完成后开具增值税发票，委托方于收到发票后三十日内付款。",
    "Payment: the facility issues a VAT fapiao when the work is complete; the firm pays within thirty days of receiving it.",
  ],
  [
    "争议：本协议适用中华人民共和国法律；争议由双方协商解决，协商不成的，提交受托方所在地人民法院诉讼解决。",
    "Disputes: this agreement is governed by the law of the People's Republic of China; disputes the parties cannot settle go to the people's court where the facility is located.",
  ],
];

/** The agreement of the request's current quote version as a PDF, for its firm and facility. */
export async function agreementPdf(db: DB, actor: Actor, requestId: number) {
  const r = loadRequestFor(db, actor, requestId);
  if (r.quoteVersion === 0 || r.facilityId === null || r.quoteStart === null)
    throw refuse("INVALID_STATE", "agreement.noQuote", { ref: r.ref });
  const firm = db.select().from(firms).where(eq(firms.id, r.firmId)).get()!;
  const facility = db.select().from(facilities).where(eq(facilities.id, r.facilityId)).get()!;
  const service = r.serviceId
    ? db.select().from(services).where(eq(services.id, r.serviceId)).get()
    : undefined;
  const machine = r.quoteEquipmentId
    ? db.select().from(equipment).where(eq(equipment.id, r.quoteEquipmentId)).get()
    : undefined;
  const lines = db
    .select()
    .from(quoteLines)
    .where(and(eq(quoteLines.requestId, r.id), eq(quoteLines.version, r.quoteVersion)))
    .orderBy(asc(quoteLines.position))
    .all();
  const number = agreementNumber(r.ref, r.quoteVersion);
  const accepted = r.agreementNumber === number && r.confirmedAt !== null;
  const tz = facility.timeZone;
  const subtotal = lines.reduce((a, l) => a + l.netFen, 0);
  const eligible = eligibleLinesFen(lines);

  const pdf = await PdfWriter.create(`${number} 委托服务协议 Service agreement`);
  await pdf.heading("委托服务协议 Service agreement");
  await pdf.row("协议编号 Agreement no.", number);
  await pdf.row("申请编号 Request", `${r.ref} · ${r.title}`);
  await pdf.row(
    "状态 Status",
    accepted
      ? `已由委托方接受 Accepted by the firm: ${localTimeText(r.confirmedAt!, tz)}`
      : "草稿，接受报价即接受本协议 Draft: accepting the quote accepts this agreement",
  );
  pdf.space(6);
  await pdf.heading("双方 Parties", 11);
  await pdf.row("委托方 Firm", firm.name);
  await pdf.row("统一社会信用代码 Credit code", firm.creditCode);
  await pdf.row("受托方 Facility", `${facility.nameZh} ${facility.nameEn}`);
  await pdf.row("统一社会信用代码 Credit code", facility.creditCode ?? "—");
  await pdf.row("地址 Address", facility.address);
  pdf.space(6);
  await pdf.heading("服务内容 Scope", 11);
  await pdf.row(
    "服务 Service",
    service
      ? `${service.nameZh || service.name} ${service.name}`
      : `${zhNames.serviceType[r.serviceType]} ${enNames.serviceType[r.serviceType]}`,
  );
  await pdf.row(
    "依据标准 Standard",
    r.standard || (service?.standards.length ? service.standards.join(", ") : "—"),
  );
  await pdf.row(
    "样品 Samples",
    [r.sampleDetails, r.quantity, r.hazardClass].filter(Boolean).join(" · ") || "—",
  );
  await pdf.row(
    "设备与时段 Equipment, slot",
    `${machine ? `${machine.nameZh || machine.name} ${machine.name} · ` : ""}${localTimeText(r.quoteStart, tz)} – ${localTimeText(r.quoteEnd!, tz)} (${tz}) · ${r.quoteUnits ?? r.units}`,
  );
  pdf.space(6);
  await pdf.heading(`费用 Price (报价第 ${r.quoteVersion} 版 quote version ${r.quoteVersion})`, 11);
  const xs = [0, 230, 300, 390];
  await pdf.columns(["项目 Item", "数量 Qty", "单价 Unit price", "金额 Net"], xs, 8.5, true);
  for (const l of lines)
    await pdf.columns(
      [
        `${zhKinds[l.kind]} ${enKinds[l.kind]}${l.description ? ` · ${l.description}` : ""}`.slice(
          0,
          60,
        ),
        `${l.quantityMilli / 1000} ${l.unit}`,
        yuan(l.unitPriceFen),
        yuan(l.netFen),
      ],
      xs,
      8.5,
    );
  pdf.space(4);
  await pdf.row("小计 Subtotal", yuan(subtotal));
  await pdf.row(`增值税 VAT (${(r.quoteVatRateBp ?? 0) / 100}%)`, yuan(r.quoteVatFen ?? 0));
  await pdf.row("合计 Total", yuan(r.quoteAmountFen!));
  await pdf.row("可用创新券 Voucher-eligible", yuan(eligible));
  // The cover reserved at acceptance (and later redeemed); a draft shows what a voucher could pay.
  const cover = requestCover(db, r.id);
  const programme = cover.parts[0]
    ? db
        .select()
        .from(voucherProgrammes)
        .where(eq(voucherProgrammes.id, cover.parts[0].programmeId))
        .get()
    : undefined;
  await pdf.row(
    "创新券抵扣 Voucher cover",
    cover.coverFen > 0
      ? `${yuan(cover.coverFen)} · ${programme?.nameZh ?? ""} ${programme?.nameEn ?? ""}`
      : "无 None",
  );
  await pdf.row("委托方应付 Payable by the firm", yuan(r.quoteAmountFen! - cover.coverFen));
  pdf.space(6);
  await pdf.heading("条款 Terms", 11);
  for (const [zh, en] of terms) {
    await pdf.paragraph(zh);
    await pdf.paragraph(en, 9, true);
  }
  return { fileName: `${number}.pdf`, bytes: await pdf.save() };
}

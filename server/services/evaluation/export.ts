// The department's exports for the provincial and national platforms: a year's kept evaluation
// (the ranking with every figure and indicator score) and the instrument records (the equipment
// record with its year's hours), as CSV or XLSX, UTF-8, with column names in Chinese and English.
import { inArray } from "drizzle-orm";
import type { DB } from "@/db/client";
import { equipment } from "@/db/schema";
import { indicators } from "@/db/reference/evaluation-defaults";
import { isLargeInstrument } from "@/db/reference/large-instrument";
import { refuse } from "../errors";
import { toCsv } from "../csv";
import { toXlsx } from "../export/xlsx";
import { evaluationRanking } from "./run";
import { evaluationSettings } from "./settings";
import { scoreYear } from "./score";
import { figureInputs } from "../stats/use-figures";
import { localYear } from "../scheduling/local-time";

export type EvaluationExport = "ranking" | "instruments";
export type ExportFormat = "csv" | "xlsx";

const yuan = (fen: number | null | undefined) => (fen == null ? null : fen / 100);
const pct = (x: number | null | undefined) => (x == null ? null : Math.round(x * 10_000) / 100);
const h = (x: number) => Math.round(x * 100) / 100;
const fundingZh: Record<string, string> = {
  central_fiscal: "中央财政",
  provincial_fiscal: "省级财政",
  municipal_fiscal: "市级财政",
  self_funded: "自筹",
  other: "其他",
};
const indicatorNames: Record<string, string> = {
  effectiveHours: "有效机时得分 Effective hours score",
  sharingRate: "共享率得分 Sharing rate score",
  externalUsers: "服务用户得分 Users served score",
  income: "服务收入得分 Income score",
  rating: "用户评价得分 Rating score",
  availability: "设备完好得分 Availability score",
};

function ranking(db: DB, year: number) {
  const { results } = evaluationRanking(db, year);
  if (!results) throw refuse("INVALID_STATE", "evaluation.notRun", { year });
  const header = [
    "年度 Year",
    "排名 Rank",
    "平台 Facility",
    "市州 Prefecture",
    "总分 Score",
    "计入仪器(台套) Counted instruments",
    "有效工作机时 Effective hours",
    "单台年机时 Hours per unit per year",
    "对外服务机时 External service hours",
    "内部使用机时 In-house hours",
    "故障停机(小时) Downtime (h)",
    "未到场 No-shows",
    "共享率(%) Sharing rate (%)",
    "开票收入(元) Invoiced (CNY)",
    "到账(元) Paid (CNY)",
    "创新券(元) Voucher cover (CNY)",
    "对外服务用户数 External users",
    "用户评价 Average rating",
    "平均响应(小时) Average response (h)",
    ...indicators.map((k) => indicatorNames[k]),
  ];
  const rows = results.map((r) => {
    const f = r.figures;
    return [
      year,
      r.rank ?? "",
      `${r.nameZh} ${r.nameEn}`,
      r.prefecture,
      r.score ?? "",
      f.instruments ?? 0,
      f.effectiveHours ?? "",
      f.hoursPerUnitYear ?? "",
      f.externalHours ?? "",
      f.inHouseHours ?? "",
      f.downHours ?? "",
      f.noShows ?? "",
      pct(f.sharingRate),
      yuan(f.invoicedFen),
      yuan(f.paidFen),
      yuan(f.voucherFen),
      f.externalUsers ?? "",
      f.averageRating ?? "",
      f.averageResponseHours == null ? "" : h(f.averageResponseHours),
      ...indicators.map((k) => f[`score.${k}`] ?? ""),
    ];
  });
  return { header, rows, sheet: `评价 ${year}` };
}

function instruments(db: DB, year: number) {
  const { start, end } = localYear(year);
  const { cube, use } = figureInputs(db, { from: start, to: end });
  const countedIds = new Set(
    scoreYear(db, evaluationSettings(db, year)).counted.map((r) => r.equipmentId),
  );
  const listed = cube.rows.filter(
    (r) => countedIds.has(r.equipmentId) || isLargeInstrument(r.originalValueFen),
  );
  const records = new Map(
    (listed.length
      ? db
          .select({
            id: equipment.id,
            name: equipment.name,
            nameZh: equipment.nameZh,
            model: equipment.model,
            assetNumber: equipment.assetNumber,
            purchaseDate: equipment.purchaseDate,
            fundingSource: equipment.fundingSource,
          })
          .from(equipment)
          .where(
            inArray(
              equipment.id,
              listed.map((r) => r.equipmentId),
            ),
          )
          .all()
      : []
    ).map((e) => [e.id, e]),
  );
  const header = [
    "年度 Year",
    "平台 Facility",
    "仪器名称 Instrument",
    "型号 Model",
    "资产编号 Asset number",
    "原值(元) Original value (CNY)",
    "购置日期 Purchase date",
    "经费来源 Funding source",
    "大型仪器 Large instrument",
    "计入评价 Counted",
    "台套数 Units",
    "有效工作机时 Effective hours",
    "对外服务机时 External service hours",
    "内部使用机时 In-house hours",
    "故障停机(小时) Downtime (h)",
    "未到场 No-shows",
    "共享率(%) Sharing rate (%)",
  ];
  const rows = listed.map((r) => {
    const e = records.get(r.equipmentId)!;
    const u = use.byEquipment.get(r.equipmentId);
    return [
      year,
      `${r.facilityNameZh} ${r.facilityNameEn}`,
      e.nameZh ? `${e.nameZh} ${e.name}` : e.name,
      e.model,
      e.assetNumber,
      yuan(r.originalValueFen),
      e.purchaseDate ?? "",
      e.fundingSource ? `${fundingZh[e.fundingSource]} ${e.fundingSource}` : "",
      isLargeInstrument(r.originalValueFen) ? "是 yes" : "否 no",
      countedIds.has(r.equipmentId) ? "是 yes" : "否 no",
      r.units,
      h(u?.used ?? 0),
      h(u?.external ?? 0),
      h(u?.inHouse ?? 0),
      h(u?.down ?? 0),
      u?.noShows ?? 0,
      pct(u && u.used > 0 ? u.external / u.used : null),
    ];
  });
  return { header, rows, sheet: `仪器 ${year}` };
}

export function exportEvaluation(
  db: DB,
  year: number,
  what: EvaluationExport,
  format: ExportFormat,
): { bytes: Uint8Array; contentType: string; fileName: string } {
  const t = what === "ranking" ? ranking(db, year) : instruments(db, year);
  const base = `${what === "ranking" ? "evaluation" : "instruments"}-${year}`;
  return format === "csv"
    ? {
        bytes: new TextEncoder().encode(toCsv(t.header, t.rows)),
        contentType: "text/csv; charset=utf-8",
        fileName: `${base}.csv`,
      }
    : {
        bytes: toXlsx(t.sheet, t.header, t.rows),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        fileName: `${base}.xlsx`,
      };
}

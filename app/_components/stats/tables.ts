// Every table of the dashboard, in the visitor's language, built once from the figures: the page
// shows them and /api/admin/stats/<name> downloads the same rows as CSV.
import { getLocale, getTranslations } from "next-intl/server";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";
import { registryLabels } from "../registry/labels";
import { prefectureName } from "../place-names";

type Out = inferRouterOutputs<AppRouter>["stats"];
export type Cell = string | number | null;
export type StatsTable = {
  name: TableName;
  header: string[];
  rows: Cell[][];
  links?: (string | null)[];
};
export const tableNames = [
  "months",
  "prefectures",
  "fields",
  "facilities",
  "equipment",
  "machine-hours",
  "use-months",
  "use-prefectures",
  "use-fields",
  "use-facilities",
  "use-equipment",
  "status",
  "funnel",
  "reasons",
  "firms-size",
  "firms-industry",
  "firms-prefecture",
] as const;
export type TableName = (typeof tableNames)[number] | "requests";

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const round1 = (x: number) => Math.round(x * 10) / 10;

export async function tableLabels() {
  const locale = await getLocale();
  const t = await getTranslations("statsTables");
  const status = await getTranslations("status");
  const size = await getTranslations("firmSize");
  const industry = await getTranslations("industry");
  const serviceType = await getTranslations("serviceType");
  const rejection = await getTranslations("rejectionReason");
  const labels = await registryLabels();
  return {
    locale,
    t,
    status: (s: string) => (status.has(s) ? status(s) : s),
    size: (s: string) => (size.has(s) ? size(s) : s),
    industry: (s: string) => (industry.has(s) ? industry(s) : s),
    serviceType: (s: string) => (serviceType.has(s) ? serviceType(s) : s),
    /** A common rejection reason by its code; the operator's own words otherwise. */
    rejection: (r: { code: string | null; reason: string | null }) =>
      r.code && r.code !== "other" && rejection.has(r.code) ? rejection(r.code) : (r.reason ?? ""),
    field: labels.field,
    prefecture: (code: string) => prefectureName(code, locale),
    name: (en: string, zh: string) => (locale === "zh" && zh ? zh : en),
  };
}
type Labels = Awaited<ReturnType<typeof tableLabels>>;

/** Where a row of a table drills down to: the dashboard with one more filter, or one equipment. */
export type DrillLinks = {
  prefecture: (code: string) => string;
  field: (code: string) => string;
  facility: (id: number) => string;
  equipment: (id: number) => string;
};

export function statsTables(
  data: {
    overview: Out["overview"];
    utilisation: Out["utilisation"];
    machineHours: Out["machineHours"];
    use: Out["use"];
  },
  l: Labels,
  drill?: DrillLinks,
): Record<(typeof tableNames)[number], StatsTable> {
  const { t } = l;
  const figureHeader = [t("booked"), t("available"), t("utilisation")];
  const figure = (f: {
    bookedUnitHours: number;
    availableUnitHours: number;
    ratio: number | null;
  }) => [round1(f.bookedUnitHours), round1(f.availableUnitHours), pct(f.ratio)];
  const { overview: o, utilisation: u, machineHours: m, use: w } = data;
  const useHeader = [
    t("effectiveHours"),
    t("externalHours"),
    t("inHouseHours"),
    t("downHours"),
    t("noShows"),
    t("sharingRate"),
    t("invoiced"),
    t("paid"),
    t("voucher"),
    t("externalUsers"),
    t("averageRating"),
    t("averageResponse"),
  ];
  const useFigure = (f: Out["use"]["network"]) => [
    round1(f.effectiveHours),
    round1(f.externalHours),
    round1(f.inHouseHours),
    round1(f.downHours),
    f.noShows,
    pct(f.sharingRate),
    f.invoicedFen / 100,
    f.paidFen / 100,
    f.voucherFen / 100,
    f.externalUsers,
    f.averageRating === null ? null : round1(f.averageRating),
    f.averageResponseHours === null ? null : round1(f.averageResponseHours),
  ];
  return {
    "use-months": {
      name: "use-months",
      header: [t("month"), t("effectiveHours"), t("externalHours"), t("inHouseHours")],
      rows: w.byMonth.map((x) => [
        x.month,
        round1(x.effectiveHours),
        round1(x.externalHours),
        round1(x.inHouseHours),
      ]),
    },
    "use-prefectures": {
      name: "use-prefectures",
      header: [t("prefecture"), ...useHeader],
      rows: w.byPrefecture.map((x) => [l.prefecture(x.prefecture), ...useFigure(x.figure)]),
      links: drill && w.byPrefecture.map((x) => drill.prefecture(x.prefecture)),
    },
    "use-fields": {
      name: "use-fields",
      header: [t("field"), ...useHeader],
      rows: w.byField.map((x) => [l.field(x.field), ...useFigure(x.figure)]),
      links: drill && w.byField.map((x) => drill.field(x.field)),
    },
    "use-facilities": {
      name: "use-facilities",
      header: [t("facility"), t("prefecture"), ...useHeader],
      rows: w.byFacility.map((x) => [
        l.name(x.nameEn, x.nameZh),
        l.prefecture(x.prefecture),
        ...useFigure(x.figure),
      ]),
      links: drill && w.byFacility.map((x) => drill.facility(x.facilityId)),
    },
    "use-equipment": {
      name: "use-equipment",
      header: [t("equipment"), t("units"), ...useHeader],
      rows: w.byEquipment.map((x) => [l.name(x.name, x.nameZh), x.units, ...useFigure(x.figure)]),
      links: drill && w.byEquipment.map((x) => drill.equipment(x.equipmentId)),
    },
    months: {
      name: "months",
      header: [t("month"), ...figureHeader],
      rows: u.byMonth.map((x) => [x.month, ...figure(x)]),
    },
    prefectures: {
      name: "prefectures",
      header: [t("prefecture"), ...figureHeader],
      rows: u.byPrefecture.map((x) => [l.prefecture(x.prefecture), ...figure(x)]),
      links: drill && u.byPrefecture.map((x) => drill.prefecture(x.prefecture)),
    },
    fields: {
      name: "fields",
      header: [t("field"), ...figureHeader],
      rows: u.byField.map((x) => [l.field(x.field), ...figure(x)]),
      links: drill && u.byField.map((x) => drill.field(x.field)),
    },
    facilities: {
      name: "facilities",
      header: [t("facility"), t("prefecture"), ...figureHeader],
      rows: u.byFacility.map((x) => [
        l.name(x.nameEn, x.nameZh),
        l.prefecture(x.prefecture),
        ...figure(x),
      ]),
      links: drill && u.byFacility.map((x) => drill.facility(x.facilityId)),
    },
    equipment: {
      name: "equipment",
      header: [t("equipment"), t("units"), ...figureHeader],
      rows: u.byEquipment.map((x) => [l.name(x.name, x.nameZh), x.units, ...figure(x)]),
      links: drill && u.byEquipment.map((x) => drill.equipment(x.equipmentId)),
    },
    "machine-hours": {
      name: "machine-hours",
      header: [
        t("equipment"),
        t("facility"),
        t("prefecture"),
        t("units"),
        t("hours"),
        t("externalHours"),
        t("sharingRate"),
        t("hoursPerYear"),
        t("belowBenchmark", { benchmark: m.benchmark }),
      ],
      rows: m.equipment.map((x) => [
        l.name(x.name, x.nameZh),
        l.name(x.facilityNameEn, x.facilityNameZh),
        l.prefecture(x.prefecture),
        x.units,
        round1(x.hours),
        round1(x.externalHours),
        pct(x.sharingRate),
        round1(x.hoursPerYear),
        x.belowBenchmark ? t("yes") : t("no"),
      ]),
      links: drill && m.equipment.map((x) => drill.equipment(x.equipmentId)),
    },
    status: {
      name: "status",
      header: [t("status"), t("requests")],
      rows: o.requestsByStatus.map((x) => [l.status(x.status), x.n]),
    },
    funnel: {
      name: "funnel",
      header: [t("stage"), t("requests")],
      rows: (["submitted", "quoted", "confirmed", "completed"] as const).map((k) => [
        l.status(k),
        o.funnel[k],
      ]),
    },
    reasons: {
      name: "reasons",
      header: [t("reason"), t("requests")],
      rows: o.rejectionReasons.map((x) => [l.rejection(x), x.n]),
    },
    "firms-size": {
      name: "firms-size",
      header: [t("size"), t("firms")],
      rows: o.firmsServed.bySize.map((x) => [l.size(x.key), x.n]),
    },
    "firms-industry": {
      name: "firms-industry",
      header: [t("industry"), t("firms")],
      rows: o.firmsServed.byIndustry.map((x) => [l.industry(x.key), x.n]),
    },
    "firms-prefecture": {
      name: "firms-prefecture",
      header: [t("prefecture"), t("firms")],
      rows: o.firmsServed.byPrefecture.map((x) => [l.prefecture(x.key), x.n]),
    },
  };
}

export function requestsTable(
  data: Out["equipmentRequests"],
  l: Labels,
  formatTime: (ms: number) => string,
): StatsTable {
  const { t } = l;
  return {
    name: "requests",
    header: [
      t("ref"),
      t("title"),
      t("firm"),
      t("status"),
      t("serviceType"),
      t("created"),
      t("slotStart"),
      t("slotEnd"),
      t("units"),
      t("amount"),
    ],
    rows: data.requests.map((r) => [
      r.ref,
      r.title,
      r.firm,
      l.status(r.status),
      l.serviceType(r.serviceType),
      formatTime(r.createdAt),
      r.slotStart ? formatTime(r.slotStart) : null,
      r.slotEnd ? formatTime(r.slotEnd) : null,
      r.units,
      r.amountFen === null ? null : r.amountFen / 100,
    ]),
    links: data.requests.map((r) => `/requests/${r.id}`),
  };
}

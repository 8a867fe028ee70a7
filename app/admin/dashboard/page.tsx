import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { technologyFields, serviceTypes } from "@/db/schema/enums";
import { prefectures } from "@/db/reference/prefectures";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { loadForPage } from "../../_trpc/load";
import { first, type SearchParams } from "../../_components/search-params";
import { SelectField } from "../../_components/registry/select-field";
import { SearchActions } from "../../_components/registry/search-actions";
import { BadInput } from "../../_components/registry/bad-input";
import { StatCard } from "../../_components/stat-card";
import { BarList } from "../../_components/bar-list";
import { registryLabels, formatFen } from "../../_components/registry/labels";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

/** The period: ?period=month|quarter|year (ending now) or ?from=&to= days in Asia/Shanghai. */
function periodOf(sp: SearchParams): { from: number; to: number; period: string } {
  const day = (v?: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00+08:00`) : NaN);
  const from = day(first(sp, "from"));
  const to = day(first(sp, "to"));
  if (!Number.isNaN(from) && !Number.isNaN(to)) return { from, to: to + 86_400_000, period: "custom" };
  const period = first(sp, "period") ?? "year";
  const days = period === "month" ? 30 : period === "quarter" ? 91 : 365;
  const end = Math.ceil(Date.now() / 86_400_000) * 86_400_000;
  return { from: end - days * 86_400_000, to: end, period };
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const hours = (x: number | null) => (x === null ? "—" : `${x.toFixed(1)} h`);

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole("/admin/dashboard", ["admin"]);
  if (!actor) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations("dashboard");
  const ts = await getTranslations("status");
  const tst = await getTranslations("serviceType");
  const tsize = await getTranslations("firmSize");
  const labels = await registryLabels();
  const locale = await getLocale();
  const { from, to, period } = periodOf(sp);
  const caller = await serverCaller();
  const input = { from, to, prefecture: first(sp, "prefecture"), field: first(sp, "field"), serviceType: first(sp, "serviceType") };
  const result = await loadForPage(() => caller.stats.overview(input as Parameters<typeof caller.stats.overview>[0]));
  return (
    <div className="space-y-6" data-testid="dashboard">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <form method="get" action="/admin/dashboard" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <SelectField id="period" label={t("period")} value={period === "custom" ? undefined : period} anyLabel={t("year")} options={[["month", t("month")], ["quarter", t("quarter")]]} />
        <label htmlFor="from" className="block text-sm font-medium">
          {t("from")}
          <input id="from" name="from" type="date" defaultValue={first(sp, "from")} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm" />
        </label>
        <label htmlFor="to" className="block text-sm font-medium">
          {t("to")}
          <input id="to" name="to" type="date" defaultValue={first(sp, "to")} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm" />
        </label>
        <SelectField id="prefecture" label={t("prefecture")} value={input.prefecture} anyLabel={t("all")} options={prefectures.map((p) => [p.code, locale === "zh" ? p.zh : p.en])} />
        <SelectField id="field" label={t("field")} value={input.field} anyLabel={t("all")} options={technologyFields.map((f) => [f, labels.field(f)])} />
        <SelectField id="serviceType" label={t("serviceType")} value={input.serviceType} anyLabel={t("all")} options={serviceTypes.map((s) => [s, tst(s)])} />
        <SearchActions resetHref="/admin/dashboard" className="sm:col-span-3 lg:col-span-6" />
      </form>
      {!result.ok ? (
        <BadInput message={result.message} resetHref="/admin/dashboard" />
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="headline">
            <StatCard label={t("utilisation")} value={pct(result.data.utilisation.ratio)} />
            <StatCard label={t("completionRate")} value={pct(result.data.completionRate)} />
            <StatCard label={t("rejectionRate")} value={pct(result.data.rejectionRate)} />
            <StatCard label={t("revenue")} value={formatFen(result.data.revenueFen, locale)} />
            <StatCard label={t("toQuote")} value={hours(result.data.medianHoursToQuote)} />
            <StatCard label={t("toStart")} value={hours(result.data.medianHoursToStart)} />
            <StatCard label={t("firms")} value={result.data.firmsServed.distinct} />
            <StatCard label={t("repeatFirms")} value={pct(result.data.firmsServed.repeatShare)} />
            <StatCard label={t("routed")} value={result.data.hub.routed} />
            <StatCard label={t("toRoute")} value={hours(result.data.hub.medianHoursToRoute)} />
            <StatCard label={t("crossPrefecture")} value={pct(result.data.hub.crossPrefectureShare)} />
            <StatCard label={t("revenuePerValue")} value={pct(result.data.revenuePerEquipmentValue)} />
          </dl>
          <div className="grid gap-4 md:grid-cols-2">
            <BarList
              title={t("funnel")}
              items={(["submitted", "quoted", "confirmed", "completed"] as const).map((k) => ({ label: ts(k), value: result.data.funnel[k] }))}
            />
            <BarList title={t("byStatus")} items={result.data.requestsByStatus.map((s) => ({ label: ts(s.status as "submitted"), value: s.n }))} />
            <BarList title={t("firmsBySize")} items={result.data.firmsServed.bySize.map((s) => ({ label: tsize(s.key as "small"), value: s.n }))} />
            <BarList title={t("reasons")} items={result.data.rejectionReasons.map((r) => ({ label: r.reason, value: r.n }))} />
          </div>
          <p className="text-xs text-slate-500">
            {t("definitions")}{" "}
            <Link href="/about/metrics" className="text-brand-700 underline">
              {t("definitionsLink")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}

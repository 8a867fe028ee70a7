import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { loadForPage } from "../../_trpc/load";
import type { SearchParams } from "../../_components/search-params";
import { BadInput } from "../../_components/registry/bad-input";
import { StatCard } from "../../_components/stat-card";
import { formatFen } from "../../_components/registry/labels";
import {
  statsHref,
  statsInputOf,
  statsQueryOf,
  type StatsQuery,
} from "../../_components/stats/stats-query";
import { statsTables, tableLabels } from "../../_components/stats/tables";
import { FiltersForm } from "../../_components/stats/filters-form";
import { StatsTableView } from "../../_components/stats/stats-table-view";
import { BarsChart, TrendChart } from "../../_components/stats/charts";
import { Breadcrumb } from "../../_components/stats/breadcrumb";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const whole = (x: number) => Math.round(x).toLocaleString("en-US");
const hours = (x: number | null) => (x === null ? "—" : `${x.toFixed(1)} h`);
const pctValue = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireRole("/admin/dashboard", ["admin"]);
  if (!actor) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations("dashboard");
  const locale = await getLocale();
  const q = statsQueryOf(sp);
  const caller = await serverCaller();
  const input = statsInputOf(q);
  const facilityList = (await caller.admin.facilities({ pageSize: 500 })).rows.map(
    (f) => [f.id, locale === "zh" ? f.nameZh : f.nameEn] as [number, string],
  );
  const result = await loadForPage(async () => {
    const [overview, utilisation, machineHours, use] = await Promise.all([
      caller.stats.overview(input),
      caller.stats.utilisation(input),
      caller.stats.machineHours(input),
      caller.stats.use(input),
    ]);
    return { overview, utilisation, machineHours, use };
  });
  return (
    <div className="space-y-6" data-testid="dashboard">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/about/metrics" className="text-sm text-brand-700 underline">
          {t("definitionsLink")}
        </Link>
      </div>
      <Breadcrumb
        sp={sp}
        q={q}
        facilityName={facilityList.find(([id]) => id === q.facilityId)?.[1]}
      />
      <FiltersForm sp={sp} q={q} facilities={facilityList} />
      {result.ok ? (
        <Figures data={result.data} sp={sp} q={q} />
      ) : (
        <BadInput message={result.message} resetHref="/admin/dashboard" />
      )}
    </div>
  );
}

type DashboardData = Parameters<typeof statsTables>[0];

/** The figures of one period and filters: headline, utilisation, machine-hours, requests, firms. */
async function Figures({ data, sp, q }: { data: DashboardData; sp: SearchParams; q: StatsQuery }) {
  const t = await getTranslations("dashboard");
  const locale = await getLocale();
  const labels = await tableLabels();
  const here = (changes: Record<string, string | number | undefined>) =>
    statsHref("/admin/dashboard", sp, changes);
  const csv = (name: string) => statsHref(`/api/admin/stats/${name}`, sp);
  const { overview: o, utilisation: u, machineHours: m, use: w } = data;
  const tables = statsTables(data, labels, {
    prefecture: (code) => here({ prefecture: code }),
    field: (code) => here({ field: code }),
    facility: (id) => here({ facilityId: id }),
    equipment: (id) => statsHref(`/admin/dashboard/equipment/${id}`, sp),
  });
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="headline">
        <StatCard
          label={t("utilisation")}
          value={pct(o.utilisation.ratio)}
          testId="stat-utilisation"
          definition="utilisation"
        />
        <StatCard label={t("completionRate")} value={pct(o.completionRate)} definition="rates" />
        <StatCard label={t("rejectionRate")} value={pct(o.rejectionRate)} definition="rates" />
        <StatCard
          label={t("revenue")}
          value={formatFen(o.revenueFen, locale)}
          definition="revenue"
        />
        <StatCard label={t("paid")} value={formatFen(o.paidFen, locale)} definition="revenue" />
        <StatCard
          label={t("voucherCover")}
          value={formatFen(o.voucherFen, locale)}
          testId="stat-voucher"
          definition="vouchers"
        />
        <StatCard label={t("toQuote")} value={hours(o.medianHoursToQuote)} definition="medians" />
        <StatCard label={t("toStart")} value={hours(o.medianHoursToStart)} definition="medians" />
        <StatCard
          label={t("firms")}
          value={o.firmsServed.distinct}
          testId="stat-firms"
          definition="firms"
        />
        <StatCard
          label={t("repeatFirms")}
          value={pct(o.firmsServed.repeatShare)}
          definition="firms"
        />
        <StatCard label={t("routed")} value={o.hub.routed} definition="hub" />
        <StatCard label={t("toRoute")} value={hours(o.hub.medianHoursToRoute)} definition="hub" />
        <StatCard
          label={t("crossPrefecture")}
          value={pct(o.hub.crossPrefectureShare)}
          definition="hub"
        />
        <StatCard
          label={t("revenuePerValue")}
          value={pct(o.revenuePerEquipmentValue)}
          definition="revenue"
        />
      </dl>

      <h2 className="pt-2 text-xl font-semibold">{t("utilisationSection")}</h2>
      <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="mb-2 font-medium">{t("trend")}</h3>
        <TrendChart
          label={t("trend")}
          points={u.byMonth.map((x) => ({ month: x.month, value: pctValue(x.ratio) }))}
        />
      </section>
      <StatsTableView
        title={t("trend")}
        table={tables.months}
        csvHref={csv("months")}
        definition="utilisation"
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {!q.prefecture && !q.facilityId && (
          <div className="min-w-0 space-y-3">
            <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="mb-2 font-medium">{t("byPrefecture")}</h3>
              <BarsChart
                label={t("byPrefecture")}
                unit="%"
                bars={u.byPrefecture.map((x) => ({
                  name: labels.prefecture(x.prefecture),
                  value: pctValue(x.ratio),
                }))}
              />
            </section>
            <StatsTableView
              title={t("byPrefecture")}
              table={tables.prefectures}
              csvHref={csv("prefectures")}
              definition="utilisation"
              scroll
            />
          </div>
        )}
        {!q.field && !q.facilityId && (
          <div className="min-w-0 space-y-3">
            <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="mb-2 font-medium">{t("byField")}</h3>
              <BarsChart
                label={t("byField")}
                unit="%"
                bars={u.byField.map((x) => ({
                  name: labels.field(x.field),
                  value: pctValue(x.ratio),
                }))}
              />
            </section>
            <StatsTableView
              title={t("byField")}
              table={tables.fields}
              csvHref={csv("fields")}
              definition="utilisation"
              scroll
            />
          </div>
        )}
      </div>
      {q.facilityId ? (
        <StatsTableView
          title={t("byEquipment")}
          table={tables.equipment}
          csvHref={csv("equipment")}
          definition="utilisation"
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="mb-2 font-medium">{t("ranking")}</h3>
            <BarsChart
              label={t("ranking")}
              unit="%"
              bars={u.byFacility
                .slice(0, 15)
                .map((x) => ({ name: labels.name(x.nameEn, x.nameZh), value: pctValue(x.ratio) }))}
            />
          </section>
          <StatsTableView
            title={t("byFacility")}
            table={tables.facilities}
            csvHref={csv("facilities")}
            definition="utilisation"
            scroll
          />
        </div>
      )}

      <h2 className="pt-2 text-xl font-semibold">{t("useSection")}</h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="use-headline">
        <StatCard
          label={t("effectiveHours")}
          value={whole(w.network.effectiveHours)}
          testId="stat-effective"
          definition="effectiveHours"
        />
        <StatCard
          label={t("externalHours")}
          value={whole(w.network.externalHours)}
          definition="effectiveHours"
        />
        <StatCard
          label={t("inHouseHours")}
          value={whole(w.network.inHouseHours)}
          definition="effectiveHours"
        />
        <StatCard
          label={t("sharingRate")}
          value={pct(w.network.sharingRate)}
          testId="stat-sharing"
          definition="sharingRate"
        />
        <StatCard label={t("downHours")} value={whole(w.network.downHours)} definition="downtime" />
        <StatCard label={t("noShows")} value={w.network.noShows} definition="effectiveHours" />
        <StatCard
          label={t("externalUsers")}
          value={w.network.externalUsers}
          definition="sharingRate"
        />
        <StatCard
          label={t("averageRating")}
          value={w.network.averageRating === null ? "—" : w.network.averageRating.toFixed(2)}
          definition="rating"
        />
      </dl>
      <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="mb-2 font-medium">{t("useTrend")}</h3>
        <TrendChart
          label={t("useTrend")}
          unit=" h"
          testId="chart-use-trend"
          points={w.byMonth.map((x) => ({ month: x.month, value: Math.round(x.effectiveHours) }))}
        />
      </section>
      <StatsTableView
        title={t("useTrend")}
        table={tables["use-months"]}
        csvHref={csv("use-months")}
        definition="effectiveHours"
      />
      {q.facilityId ? (
        <StatsTableView
          title={t("useByEquipment")}
          table={tables["use-equipment"]}
          csvHref={csv("use-equipment")}
          definition="effectiveHours"
          scroll
        />
      ) : (
        <StatsTableView
          title={t("useByFacility")}
          table={tables["use-facilities"]}
          csvHref={csv("use-facilities")}
          definition="effectiveHours"
          scroll
        />
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {!q.prefecture && !q.facilityId && (
          <StatsTableView
            title={t("useByPrefecture")}
            table={tables["use-prefectures"]}
            csvHref={csv("use-prefectures")}
            definition="effectiveHours"
            scroll
          />
        )}
        {!q.field && !q.facilityId && (
          <StatsTableView
            title={t("useByField")}
            table={tables["use-fields"]}
            csvHref={csv("use-fields")}
            definition="effectiveHours"
            scroll
          />
        )}
      </div>

      <h2 className="pt-2 text-xl font-semibold">{t("machineHours")}</h2>
      <p className="text-sm text-slate-700" data-testid="machine-hours-summary">
        {t("belowBenchmark", {
          below: m.belowCount,
          total: m.equipmentCount,
          share: pct(m.belowShare),
          benchmark: m.benchmark,
        })}
      </p>
      <StatsTableView
        title={t("machineHoursTable", { shown: m.equipment.length })}
        table={tables["machine-hours"]}
        csvHref={csv("machine-hours")}
        definition="machineHours"
        scroll
      />

      <h2 className="pt-2 text-xl font-semibold">{t("requestsSection")}</h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-3">
          <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="mb-2 font-medium">{t("funnel")}</h3>
            <BarsChart
              label={t("funnel")}
              bars={tables.funnel.rows.map(([name, value]) => ({
                name: String(name),
                value: Number(value),
              }))}
            />
          </section>
          <StatsTableView
            title={t("funnel")}
            table={tables.funnel}
            csvHref={csv("funnel")}
            definition="funnel"
          />
        </div>
        <div className="min-w-0 space-y-3">
          <StatsTableView
            title={t("byStatus")}
            table={tables.status}
            csvHref={csv("status")}
            definition="rates"
          />
          <StatsTableView
            title={t("reasons")}
            table={tables.reasons}
            csvHref={csv("reasons")}
            definition="rates"
          />
        </div>
      </div>

      <h2 className="pt-2 text-xl font-semibold">{t("firmsSection")}</h2>
      <div className="grid gap-4 lg:grid-cols-3">
        <StatsTableView
          title={t("firmsBySize")}
          table={tables["firms-size"]}
          csvHref={csv("firms-size")}
          definition="firms"
        />
        <StatsTableView
          title={t("firmsByIndustry")}
          table={tables["firms-industry"]}
          csvHref={csv("firms-industry")}
          definition="firms"
          scroll
        />
        <StatsTableView
          title={t("firmsByPrefecture")}
          table={tables["firms-prefecture"]}
          csvHref={csv("firms-prefecture")}
          definition="firms"
          scroll
        />
      </div>
      <p className="text-xs text-slate-500">{t("definitions")}</p>
    </>
  );
}

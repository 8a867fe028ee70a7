import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "../../../../_auth/require-role";
import { Forbidden } from "../../../../_components/forbidden";
import { serverCaller } from "../../../../_trpc/server";
import { loadForPage } from "../../../../_trpc/load";
import type { SearchParams } from "../../../../_components/search-params";
import { BadInput } from "../../../../_components/registry/bad-input";
import { StatCard } from "../../../../_components/stat-card";
import { statsHref, statsQueryOf } from "../../../../_components/stats/stats-query";
import { requestsTable, tableLabels } from "../../../../_components/stats/tables";
import { StatsTableView } from "../../../../_components/stats/stats-table-view";
import { Breadcrumb } from "../../../../_components/stats/breadcrumb";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("equipmentTitle") };
}

/** The drill-down's last step: one equipment's utilisation and its requests in the period. */
export default async function EquipmentFiguresPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  if (!(await requireRole(`/admin/dashboard/equipment/${id}`, ["admin"]))) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const labels = await tableLabels();
  const q = statsQueryOf(sp);
  const result = await loadForPage(async () =>
    (await serverCaller()).stats.equipmentRequests({
      equipmentId: Number(id),
      from: q.from,
      to: q.to,
    }),
  );
  if (!result.ok) return <BadInput message={result.message} resetHref="/admin/dashboard" />;
  const d = result.data;
  const name = labels.name(d.equipment.name, d.equipment.nameZh);
  const u = d.utilisation;
  const table = requestsTable(d, labels, (ms) =>
    format.dateTime(new Date(ms), { dateStyle: "short", timeStyle: "short" }),
  );
  // The drill-down path follows the equipment's own facility and prefecture.
  const trail = {
    ...sp,
    prefecture: d.equipment.prefecture,
    facilityId: String(d.equipment.facilityId),
  };
  return (
    <div className="space-y-6" data-testid="equipment-figures">
      <Breadcrumb
        sp={trail}
        q={{
          ...q,
          prefecture: d.equipment.prefecture,
          field: undefined,
          facilityId: d.equipment.facilityId,
        }}
        facilityName={labels.name(d.equipment.facilityNameEn, d.equipment.facilityNameZh)}
        equipmentName={name}
      />
      <h1 className="text-2xl font-semibold">{name}</h1>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard
          label={t("utilisation")}
          value={u?.ratio == null ? "—" : `${(u.ratio * 100).toFixed(1)}%`}
        />
        <StatCard label={t("bookedHours")} value={u ? u.bookedUnitHours.toFixed(1) : "—"} />
        <StatCard label={t("availableHours")} value={u ? u.availableUnitHours.toFixed(1) : "—"} />
        <StatCard label={t("units")} value={d.equipment.units} />
      </dl>
      <StatsTableView
        title={t("equipmentRequests")}
        table={table}
        csvHref={statsHref("/api/admin/stats/requests", sp, { equipmentId: d.equipment.id })}
      />
      {d.truncated && (
        <p className="text-sm text-slate-600">{t("truncated", { n: d.requests.length })}</p>
      )}
    </div>
  );
}

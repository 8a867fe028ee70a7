import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { first, type SearchParams } from "../../_components/search-params";
import { SelectField } from "../../_components/registry/select-field";
import { SearchActions } from "../../_components/registry/search-actions";
import { Pagination } from "../../_components/registry/pagination";
import { DataTable } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { registryLabels } from "../../_components/registry/labels";
import { prefectureName } from "../../_components/place-names";
import { FacilityForm } from "../../_components/admin/facility-form";
import { technologyFields } from "@/db/schema/enums";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminFacilities"))("title") };
}

export default async function AdminFacilitiesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  if (!(await requireRole("/admin/facilities", ["admin"]))) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations("adminFacilities");
  const locale = await getLocale();
  const labels = await registryLabels();
  const status =
    first(sp, "status") === "suspended"
      ? "suspended"
      : first(sp, "status") === "active"
        ? "active"
        : undefined;
  const page = Math.max(1, Number(first(sp, "page")) || 1);
  const data = await (await serverCaller()).admin.facilities({ q: first(sp, "q"), status, page });
  return (
    <div className="space-y-6" data-testid="admin-facilities">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <details className="rounded-lg border border-slate-200 bg-slate-50 p-4">
        <summary className="cursor-pointer font-medium">{t("new")}</summary>
        <div className="mt-4">
          <ClientIntl namespaces={["adminFacilities", "manage"]}>
            <TRPCReactProvider>
              <FacilityForm
                fieldLabels={Object.fromEntries(technologyFields.map((f) => [f, labels.field(f)]))}
              />
            </TRPCReactProvider>
          </ClientIntl>
        </div>
      </details>
      <form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
      >
        <label htmlFor="q" className="block text-sm font-medium">
          {t("search")}
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={first(sp, "q")}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
          />
        </label>
        <SelectField
          id="status"
          label={t("status")}
          value={status}
          anyLabel={t("any")}
          options={[
            ["active", t("active")],
            ["suspended", t("suspended")],
          ]}
        />
        <SearchActions resetHref="/admin/facilities" className="self-end" />
      </form>
      {data.rows.length === 0 ? (
        <EmptyState text={t("empty")} />
      ) : (
        <DataTable
          testId="facility-table"
          headers={[
            t("name"),
            t("prefecture"),
            t("kind"),
            t("status"),
            t("equipment"),
            t("operators"),
            t("openRequests"),
          ]}
          rows={data.rows.map((f) => ({
            key: f.id,
            cells: [
              <Link key="n" href={`/admin/facilities/${f.id}`} className="text-brand-700 underline">
                {locale === "zh" ? f.nameZh : f.nameEn}
              </Link>,
              prefectureName(f.prefecture, locale),
              f.kind === "hub" ? t("kindHub") : t("kindFacility"),
              <span key="s" className={f.status === "suspended" ? "font-medium text-red-700" : ""}>
                {t(f.status)}
              </span>,
              f.equipment,
              f.operators,
              f.openRequests,
            ],
          }))}
        />
      )}
      <Pagination
        path="/admin/facilities"
        sp={sp}
        page={data.page}
        pages={Math.max(1, Math.ceil(data.total / data.pageSize))}
      />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { technologyFields, serviceTypes } from "@/db/schema/enums";
import { prefectures } from "@/db/reference/prefectures";
import { serverCaller } from "../../_trpc/server";
import { loadForPage } from "../../_trpc/load";
import { first, type SearchParams } from "../../_components/search-params";
import { Pagination } from "../../_components/registry/pagination";
import { BadInput } from "../../_components/registry/bad-input";
import { SearchActions, ResultCount } from "../../_components/registry/search-actions";
import { SelectField } from "../../_components/registry/select-field";
import { registryLabels } from "../../_components/registry/labels";
import { prefectureName } from "../../_components/place-names";
import { EmptyState } from "../../_components/empty-state";
import { BarList } from "../../_components/bar-list";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("facilities"))("title") };
}

export default async function FacilitiesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const t = await getTranslations("facilities");
  const tr = await getTranslations("registry");
  const ts = await getTranslations("serviceType");
  const th = await getTranslations("home");
  const labels = await registryLabels();
  const locale = await getLocale();
  const caller = await serverCaller();
  const input = {
    q: first(sp, "q"),
    field: first(sp, "field"),
    prefecture: first(sp, "prefecture"),
    serviceType: first(sp, "serviceType"),
    accreditation: first(sp, "accreditation"),
    kind: first(sp, "kind"),
    sort: first(sp, "sort"),
    page: first(sp, "page"),
    locale,
  };
  const result = await loadForPage(() =>
    caller.facility.list(input as Parameters<typeof caller.facility.list>[0]),
  );
  const overview = await caller.network.overview();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>
      <form
        method="get"
        action="/facilities"
        role="search"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <div className="sm:col-span-2">
          <label htmlFor="q" className="block text-sm font-medium">
            {t("q")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={input.q}
            placeholder={t("qPlaceholder")}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <SelectField
          id="field"
          label={t("field")}
          value={input.field}
          anyLabel={tr("any")}
          options={technologyFields.map((f) => [f, labels.field(f)])}
        />
        <SelectField
          id="prefecture"
          label={t("prefecture")}
          value={input.prefecture}
          anyLabel={tr("any")}
          options={prefectures.map((p) => [p.code, locale === "zh" ? p.zh : p.en])}
        />
        <SelectField
          id="serviceType"
          label={t("serviceType")}
          value={input.serviceType}
          anyLabel={tr("any")}
          options={serviceTypes.map((s) => [s, ts(s)])}
        />
        <SelectField
          id="accreditation"
          label={t("accreditation")}
          value={input.accreditation}
          anyLabel={tr("any")}
          options={[
            ["CMA", "CMA"],
            ["CNAS", "CNAS"],
          ]}
        />
        <SelectField
          id="kind"
          label={t("kind")}
          value={input.kind}
          anyLabel={tr("any")}
          options={[
            ["hub", tr("hub")],
            ["facility", tr("facility")],
          ]}
        />
        <SelectField
          id="sort"
          label={t("sort")}
          value={input.sort}
          anyLabel={t("sortName")}
          options={[["equipment", t("sortEquipment")]]}
        />
        <SearchActions resetHref="/facilities" className="sm:col-span-2 lg:col-span-4" />
      </form>
      {!result.ok ? (
        <BadInput message={result.message} resetHref="/facilities" />
      ) : (
        <section aria-live="polite" className="space-y-3">
          <ResultCount total={result.data.total} />
          {result.data.items.length === 0 ? (
            <EmptyState text={t("empty")} />
          ) : (
            <ul className="grid gap-3 md:grid-cols-2" data-testid="facility-results">
              {result.data.items.map((f) => (
                <li key={f.slug} className="rounded-lg border border-slate-200 bg-white p-4">
                  <div className="flex items-start justify-between gap-2">
                    <Link
                      href={`/facilities/${f.slug}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {locale === "zh" ? f.nameZh : f.nameEn}
                    </Link>
                    {f.kind === "hub" && (
                      <span className="rounded bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-900">
                        {tr("hub")}
                      </span>
                    )}
                  </div>
                  <p className="mt-1 text-sm text-slate-600">
                    {prefectureName(f.prefecture, locale)}
                    {f.host ? ` · ${f.host}` : ""}
                  </p>
                  <p className="mt-2 flex flex-wrap gap-1">
                    {f.fields.map((x) => (
                      <span key={x} className="rounded bg-slate-100 px-2 py-0.5 text-xs">
                        {labels.field(x)}
                      </span>
                    ))}
                    {f.accreditations.map((a) => (
                      <span
                        key={a}
                        className="rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900"
                      >
                        {a}
                      </span>
                    ))}
                  </p>
                  <p className="mt-2 text-sm text-slate-700">
                    {t("equipmentCount", { count: f.equipmentCount })} ·{" "}
                    {f.serviceTypes
                      .map((s) => ts(s as "testing"))
                      .join(locale === "zh" ? "、" : ", ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination
            path="/facilities"
            sp={sp}
            page={result.data.page}
            pages={result.data.pages}
          />
        </section>
      )}
      <section className="space-y-3">
        <h2 className="text-lg font-medium">{t("overview")}</h2>
        <div className="grid gap-4 md:grid-cols-2">
          <BarList
            title={th("byPrefecture")}
            items={overview.byPrefecture.map((p) => ({
              label: prefectureName(p.prefecture, locale),
              value: p.n,
              href: `/facilities?prefecture=${p.prefecture}`,
            }))}
          />
          <BarList
            title={th("byField")}
            items={overview.byField.map((f) => ({
              label: labels.field(f.field),
              value: f.n,
              href: `/facilities?field=${f.field}`,
            }))}
          />
        </div>
      </section>
    </div>
  );
}

import { FeeTerms } from "../_components/registry/fee-terms";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { serviceTypes } from "@/db/schema/enums";
import { serverCaller } from "../_trpc/server";
import { loadForPage } from "../_trpc/load";
import { first, type SearchParams } from "../_components/search-params";
import { Pagination } from "../_components/registry/pagination";
import { BadInput } from "../_components/registry/bad-input";
import { SearchActions, ResultCount } from "../_components/registry/search-actions";
import { SelectField } from "../_components/registry/select-field";
import { prefectureName } from "../_components/place-names";
import { EmptyState } from "../_components/empty-state";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("servicesPage"))("title") };
}

export default async function ServicesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const t = await getTranslations("servicesPage");
  const tr = await getTranslations("registry");
  const ts = await getTranslations("serviceType");
  const locale = await getLocale();
  const caller = await serverCaller();
  const input = {
    q: first(sp, "q"),
    type: first(sp, "type"),
    facility: first(sp, "facility"),
    page: first(sp, "page"),
    pageSize: 30,
  };
  const result = await loadForPage(() =>
    caller.service.list(input as Parameters<typeof caller.service.list>[0]),
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>
      <form
        method="get"
        action="/services"
        role="search"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
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
          id="type"
          label={t("type")}
          value={input.type}
          anyLabel={tr("any")}
          options={serviceTypes.map((s) => [s, ts(s)])}
        />
        <SearchActions resetHref="/services" className="sm:col-span-3" />
      </form>
      {!result.ok ? (
        <BadInput message={result.message} resetHref="/services" />
      ) : (
        <section aria-live="polite" className="space-y-4">
          <ResultCount total={result.data.total} />
          {result.data.items.length === 0 ? (
            <EmptyState text={t("empty")} />
          ) : (
            serviceTypes
              .filter((type) => result.data.items.some((s) => s.type === type))
              .map((type) => (
                <div key={type}>
                  <h2 className="mb-2 font-medium">{ts(type)}</h2>
                  <ul className="grid gap-2 md:grid-cols-2" data-testid={`services-${type}`}>
                    {result.data.items
                      .filter((s) => s.type === type)
                      .map((s) => (
                        <li
                          key={s.id}
                          className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
                        >
                          <p className="font-medium">
                            {locale === "zh" && s.nameZh ? s.nameZh : s.name}
                            {s.accredited && (
                              <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">
                                {t("accredited")}
                              </span>
                            )}
                          </p>
                          <p className="text-slate-600">
                            {t("standards")}: {s.standards.join(", ")}
                          </p>
                          <p className="text-slate-600">
                            <FeeTerms fees={s.fees} />
                            {s.typicalHours
                              ? ` · ${t("typicalHours", { count: s.typicalHours })}`
                              : ""}
                          </p>
                          <Link
                            href={`/facilities/${s.facility.slug}`}
                            className="text-brand-700 hover:underline"
                          >
                            {locale === "zh" ? s.facility.nameZh : s.facility.nameEn}
                          </Link>
                          <span className="text-xs text-slate-500">
                            {" "}
                            · {prefectureName(s.facility.prefecture, locale)}
                          </span>
                          <Link
                            href={`/requests/new?service=${s.id}`}
                            className="mt-2 block w-fit rounded-md bg-brand-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-brand-700"
                            data-testid="request-service"
                          >
                            {t("request")}
                          </Link>
                        </li>
                      ))}
                  </ul>
                </div>
              ))
          )}
          <Pagination path="/services" sp={sp} page={result.data.page} pages={result.data.pages} />
        </section>
      )}
    </div>
  );
}

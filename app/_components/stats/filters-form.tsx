// The dashboard's period picker and filters (a GET form: works without JavaScript, and the URL is
// shareable).
import { getLocale, getTranslations } from "next-intl/server";
import { technologyFields, serviceTypes } from "@/db/schema/enums";
import { prefectures } from "@/db/reference/prefectures";
import { first, type SearchParams } from "../search-params";
import { SelectField } from "../registry/select-field";
import { SearchActions } from "../registry/search-actions";
import { registryLabels } from "../registry/labels";
import type { StatsQuery } from "./stats-query";

const dateClass = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm";

export async function FiltersForm({
  sp,
  q,
  facilities,
}: {
  sp: SearchParams;
  q: StatsQuery;
  facilities: [number, string][];
}) {
  const t = await getTranslations("dashboard");
  const tst = await getTranslations("serviceType");
  const labels = await registryLabels();
  const locale = await getLocale();
  return (
    <form
      method="get"
      action="/admin/dashboard"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7"
      data-testid="dashboard-filters"
    >
      <SelectField
        id="period"
        label={t("period")}
        value={q.period === "custom" || q.period === "year" ? undefined : q.period}
        anyLabel={t("year")}
        options={[
          ["month", t("month")],
          ["quarter", t("quarter")],
        ]}
      />
      <label htmlFor="from" className="block text-sm font-medium">
        {t("from")}
        <input
          id="from"
          name="from"
          type="date"
          defaultValue={first(sp, "from")}
          className={dateClass}
        />
      </label>
      <label htmlFor="to" className="block text-sm font-medium">
        {t("to")}
        <input id="to" name="to" type="date" defaultValue={first(sp, "to")} className={dateClass} />
      </label>
      <SelectField
        id="prefecture"
        label={t("prefecture")}
        value={q.prefecture}
        anyLabel={t("all")}
        options={prefectures.map((p) => [p.code, locale === "zh" ? p.zh : p.en])}
      />
      <SelectField
        id="field"
        label={t("field")}
        value={q.field}
        anyLabel={t("all")}
        options={technologyFields.map((f) => [f, labels.field(f)])}
      />
      <SelectField
        id="facilityId"
        label={t("facility")}
        value={q.facilityId === undefined ? undefined : String(q.facilityId)}
        anyLabel={t("all")}
        options={facilities.map(([id, name]) => [String(id), name])}
      />
      <SelectField
        id="serviceType"
        label={t("serviceType")}
        value={q.serviceType}
        anyLabel={t("all")}
        options={serviceTypes.map((s) => [s, tst(s)])}
      />
      <p className="text-xs text-slate-500 sm:col-span-3 lg:col-span-7">{t("periodHelp")}</p>
      <SearchActions resetHref="/admin/dashboard" className="sm:col-span-3 lg:col-span-7" />
    </form>
  );
}

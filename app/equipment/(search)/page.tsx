import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { parameterKeys, type ParameterKey } from "@/db/reference/parameters";
import { prefectures } from "@/db/reference/prefectures";
import { unitsFor } from "@/server/services/registry/units";
import { NEXT_SLOT_HORIZON_DAYS } from "@/server/services/registry/search-equipment";
import { serverCaller } from "../../_trpc/server";
import { loadForPage } from "../../_trpc/load";
import { all, first, type SearchParams } from "../../_components/search-params";
import { Pagination } from "../../_components/registry/pagination";
import { BadInput } from "../../_components/registry/bad-input";
import { SearchActions, ResultCount } from "../../_components/registry/search-actions";
import { SelectField } from "../../_components/registry/select-field";
import { registryLabels, formatRange, formatFen } from "../../_components/registry/labels";
import { prefectureName } from "../../_components/place-names";
import { EmptyState } from "../../_components/empty-state";
import { DataTable } from "../../_components/data-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("equipmentSearch"))("title") };
}

const PARAM_ROWS = 3;
const allUnits = [
  ...new Set((Object.keys(parameterKeys) as ParameterKey[]).flatMap((k) => unitsFor(k))),
];

export default async function EquipmentSearchPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const t = await getTranslations("equipmentSearch");
  const tr = await getTranslations("registry");
  const te = await getTranslations("equipmentStatus");
  const labels = await registryLabels();
  const format = await getFormatter();
  const locale = await getLocale();
  const caller = await serverCaller();
  // Parameter rows travel as repeated pk / pmin / pmax / pu query parameters; empty rows are
  // ignored.
  const [keys, mins, maxs, units] = [
    all(sp, "pk"),
    all(sp, "pmin"),
    all(sp, "pmax"),
    all(sp, "pu"),
  ];
  const rows = Array.from({ length: PARAM_ROWS }, (_, i) => ({
    key: keys[i] ?? "",
    min: mins[i] ?? "",
    max: maxs[i] ?? "",
    unit: units[i] ?? "",
  }));
  const params = rows
    .filter((r) => r.key && (r.min !== "" || r.max !== ""))
    .map((r) => ({
      key: r.key,
      unit: r.unit || (parameterKeys[r.key as ParameterKey]?.unit ?? ""),
      ...(r.min !== "" ? { min: r.min } : {}),
      ...(r.max !== "" ? { max: r.max } : {}),
    }));
  const input = {
    q: first(sp, "q"),
    category: first(sp, "category"),
    prefecture: first(sp, "prefecture"),
    durationHours: first(sp, "duration"),
    page: first(sp, "page"),
    params,
  };
  const result = await loadForPage(() =>
    caller.equipment.search(input as unknown as Parameters<typeof caller.equipment.search>[0]),
  );
  const categories = await caller.equipment.categories();
  const slot = (s: { start: number; end: number }) =>
    `${format.dateTime(new Date(s.start), { month: "short", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit" })} – ${format.dateTime(new Date(s.end), { hour: "2-digit", minute: "2-digit" })}`;
  const nextSlotText = (
    e: { nextFreeSlot?: { start: number; end: number } | null; minHours: number; maxHours: number },
    horizonDays: number,
  ) => {
    const hours = Number(input.durationHours);
    if (hours < e.minHours) return t("belowMin", { count: e.minHours });
    if (hours > e.maxHours) return t("aboveMax", { count: e.maxHours });
    return e.nextFreeSlot ? slot(e.nextFreeSlot) : t("noSlot", { days: horizonDays });
  };
  const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">{t("lead")}</p>
      </div>
      <form
        method="get"
        action="/equipment"
        role="search"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
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
              className={inputClass}
            />
          </div>
          <SelectField
            id="category"
            label={t("category")}
            value={input.category}
            anyLabel={tr("any")}
            options={categories.map((c) => [c, labels.category(c)])}
          />
          <SelectField
            id="prefecture"
            label={t("prefecture")}
            value={input.prefecture}
            anyLabel={tr("any")}
            options={prefectures.map((p) => [p.code, locale === "zh" ? p.zh : p.en])}
          />
        </div>
        <fieldset>
          <legend className="text-sm font-medium">{t("parameters")}</legend>
          <p className="text-xs text-slate-600">{t("addHint")}</p>
          <div className="mt-2 space-y-2">
            {rows.map((r, i) => (
              <div
                key={i}
                className="grid grid-cols-2 gap-2 sm:grid-cols-4"
                data-testid={`param-row-${i}`}
              >
                <div>
                  <label htmlFor={`pk-${i}`} className="text-xs text-slate-600">
                    {t("parameter")} {i + 1}
                  </label>
                  <select id={`pk-${i}`} name="pk" defaultValue={r.key} className={inputClass}>
                    <option value="">—</option>
                    {(Object.keys(parameterKeys) as ParameterKey[]).map((k) => (
                      <option key={k} value={k}>
                        {labels.param(k)}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`pmin-${i}`} className="text-xs text-slate-600">
                    {t("min")}
                  </label>
                  <input
                    id={`pmin-${i}`}
                    name="pmin"
                    inputMode="decimal"
                    defaultValue={r.min}
                    className={inputClass}
                  />
                </div>
                <div>
                  <label htmlFor={`pmax-${i}`} className="text-xs text-slate-600">
                    {t("max")}
                  </label>
                  <input
                    id={`pmax-${i}`}
                    name="pmax"
                    inputMode="decimal"
                    defaultValue={r.max}
                    className={inputClass}
                  />
                </div>
                <div>
                  <label htmlFor={`pu-${i}`} className="text-xs text-slate-600">
                    {t("unit")}
                  </label>
                  <select id={`pu-${i}`} name="pu" defaultValue={r.unit} className={inputClass}>
                    <option value="">—</option>
                    {allUnits.map((u) => (
                      <option key={u} value={u}>
                        {u}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="duration" className="block text-sm font-medium">
              {t("duration")}
            </label>
            <input
              id="duration"
              name="duration"
              type="number"
              min={1}
              max={720}
              defaultValue={input.durationHours}
              aria-describedby="duration-hint"
              className={`${inputClass} w-32`}
            />
            <p id="duration-hint" className="mt-1 text-xs text-slate-600">
              {t("durationHint", { days: NEXT_SLOT_HORIZON_DAYS })}
            </p>
          </div>
          <SearchActions resetHref="/equipment" />
        </div>
      </form>
      {!result.ok ? (
        <BadInput message={result.message} resetHref="/equipment" />
      ) : (
        <section aria-live="polite" className="space-y-3">
          <ResultCount total={result.data.total} />
          {result.data.items.length === 0 ? (
            <EmptyState text={t("empty")} />
          ) : (
            <DataTable
              testId="equipment-results"
              headers={[
                t("name"),
                t("facility"),
                t("specs"),
                t("units"),
                t("rate"),
                ...(input.durationHours ? [t("nextSlot")] : []),
              ]}
              rows={result.data.items.map((e) => ({
                key: e.id,
                cells: [
                  <Link
                    key="n"
                    href={`/equipment/${e.id}`}
                    className="text-brand-700 hover:underline"
                  >
                    {locale === "zh" && e.nameZh ? e.nameZh : e.name}
                    {e.status !== "operational" && (
                      <span
                        className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-800"
                        data-testid="equipment-status"
                      >
                        {te(e.status)}
                      </span>
                    )}
                  </Link>,
                  <span key="f">
                    <Link href={`/facilities/${e.facility.slug}`} className="hover:underline">
                      {locale === "zh" ? e.facility.nameZh : e.facility.nameEn}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {prefectureName(e.facility.prefecture, locale)}
                    </span>
                  </span>,
                  <span key="p" className="text-xs">
                    {e.params
                      .map(
                        (p) =>
                          `${labels.param(p.key)} ${formatRange(p.min, p.max, p.unit, locale)}`,
                      )
                      .join(" · ")}
                  </span>,
                  e.units,
                  t("perHour", { amount: formatFen(e.hourlyRateFen, locale) }),
                  ...(input.durationHours ? [nextSlotText(e, result.data.horizonDays)] : []),
                ],
              }))}
            />
          )}
          <Pagination path="/equipment" sp={sp} page={result.data.page} pages={result.data.pages} />
        </section>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { now } from "@/server/services/clock";
import { localDateKey, localMonth, parseLocal } from "@/server/services/scheduling/local-time";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { serverCaller } from "../../_trpc/server";
import { loadForPage } from "../../_trpc/load";
import { first, type SearchParams } from "../../_components/search-params";
import { registryLabels, formatRange, formatFen } from "../../_components/registry/labels";
import { AvailabilityCalendar } from "../../_components/registry/availability-calendar";
import { DataTable } from "../../_components/data-table";
import { ServiceCards } from "../../_components/registry/service-cards";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

async function load(id: string) {
  if (!/^\d{1,12}$/.test(id)) notFound();
  const caller = await serverCaller();
  const result = await loadForPage(() => caller.equipment.get({ id: Number(id) }));
  if (!result.ok) notFound();
  return { caller, equipment: result.data };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { equipment } = await load((await params).id);
  return {
    title: (await getLocale()) === "zh" && equipment.nameZh ? equipment.nameZh : equipment.name,
  };
}

/** The month shown: ?month=YYYY-MM, else the current month of the facility's time zone. */
function monthOf(sp: SearchParams, timeZone: string): string {
  const asked = first(sp, "month");
  if (asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked)) return asked;
  return localDateKey(now(), timeZone).slice(0, 7);
}

export default async function EquipmentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const { caller, equipment: e } = await load(id);
  const t = await getTranslations("equipmentPage");
  const te = await getTranslations("equipmentStatus");
  const tf = await getTranslations("facility");
  const labels = await registryLabels();
  const format = await getFormatter();
  const locale = await getLocale();
  const timeZone = e.facility.timeZone;
  const month = monthOf(sp, timeZone);
  const { start: from, end: to } = localMonth(parseLocal(`${month}-01`, timeZone), timeZone);
  const availability = await caller.equipment.availability({ equipmentId: e.id, from, to });
  const day = first(sp, "day");
  const date = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium" });
  const dateTime = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short" });
  const calibrationColour = {
    valid: "text-emerald-800",
    due_soon: "text-amber-800",
    expired: "text-red-800",
    unknown: "text-slate-600",
  }[e.calibration];
  const facts: [string, string][] = [
    [t("category"), labels.category(e.category)],
    [t("manufacturer"), e.manufacturer],
    [t("model"), e.model],
    [t("status"), te(e.status)],
    [t("units"), String(e.units)],
    [t("setup"), t("minutes", { count: e.setupMinutes })],
    [t("hours"), t("hoursRange", { min: e.minHours, max: e.maxHours })],
    [t("lead"), t("leadDays", { count: e.leadDays })],
    [t("rate"), formatFen(e.hourlyRateFen, locale)],
  ];
  return (
    <article className="space-y-8" data-testid="equipment-page">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/facilities/${e.facility.slug}`} className="text-brand-700 underline">
            {locale === "zh" ? e.facility.nameZh : e.facility.nameEn}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {locale === "zh" && e.nameZh ? e.nameZh : e.name}
        </h1>
        <p className="text-sm text-slate-600">{e.description}</p>
        {e.fault && (
          <p
            role="status"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            data-testid="equipment-down"
          >
            {t("downSince", { since: dateTime(e.fault.since) })}
            {e.fault.expectedBackAt !== null &&
              ` ${t("expectedBack", { at: dateTime(e.fault.expectedBackAt) })}`}
          </p>
        )}
        {e.status === "operational" && e.facility.status === "active" && (
          <Link
            href={`/requests/new?equipment=${e.id}`}
            className="mt-2 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            data-testid="request-this"
          >
            {(await getTranslations("facility"))("requestTest")}
          </Link>
        )}
      </header>
      <section className="grid gap-4 md:grid-cols-2">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
          <dt className="text-slate-600">{t("calibration")}</dt>
          <dd className={calibrationColour} data-testid="calibration">
            {t(`calibration_${e.calibration}`, {
              date: e.calibrationDueAt ? date(e.calibrationDueAt) : "",
            })}
          </dd>
          {e.autoApprove && (
            <>
              <dt className="sr-only">{t("autoApprove")}</dt>
              <dd className="col-span-2 text-emerald-800">{t("autoApprove")}</dd>
            </>
          )}
        </dl>
        <div>
          <h2 className="mb-2 font-medium">{t("specifications")}</h2>
          <DataTable
            testId="specifications"
            headers={[t("parameter"), t("range")]}
            rows={e.params.map((p) => ({
              key: p.key,
              cells: [labels.param(p.key), formatRange(p.min, p.max, p.unit, locale)],
            }))}
          />
        </div>
      </section>
      <section>
        <h2 className="mb-2 text-lg font-medium">{t("services")}</h2>
        <ServiceCards services={e.services} emptyText={t("noServices")} />
      </section>
      <section>
        <h2 className="text-lg font-medium">{t("availability")}</h2>
        <p className="mb-3 text-sm text-slate-600">{t("availabilityLead")}</p>
        <AvailabilityCalendar
          basePath={`/equipment/${e.id}`}
          month={month}
          days={availability.days}
          intervals={availability.intervals}
          selectedDay={day}
          units={e.units}
          timeZone={timeZone}
          book={
            e.status === "operational" && e.facility.status === "active"
              ? {
                  path: `/requests/new?equipment=${e.id}`,
                  minHours: e.minHours,
                  maxHours: e.maxHours,
                }
              : undefined
          }
        />
        <p className="mt-2 text-xs text-slate-500">
          {tf("timeZone", { zone: e.facility.timeZone })}
        </p>
      </section>
    </article>
  );
}

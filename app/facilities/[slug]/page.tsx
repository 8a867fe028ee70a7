import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { OpeningHours } from "@/db/schema/registry";
import { serverCaller } from "../../_trpc/server";
import { loadForPage } from "../../_trpc/load";
import { registryLabels, formatRange, formatFen } from "../../_components/registry/labels";
import { prefectureName } from "../../_components/place-names";
import { EmptyState } from "../../_components/empty-state";
import { ServiceCards } from "../../_components/registry/service-cards";
import { DataTable } from "../../_components/data-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const caller = await serverCaller();
  const result = await loadForPage(() => caller.facility.get({ slug }));
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { facility } = await load((await params).slug);
  return { title: (await getLocale()) === "zh" ? facility.nameZh : facility.nameEn };
}

export default async function FacilityPage({ params }: Props) {
  const { slug } = await params;
  const data = await load(slug);
  const { facility } = data;
  const t = await getTranslations("facility");
  const tr = await getTranslations("registry");
  const te = await getTranslations("equipmentStatus");
  const ten = await getTranslations("equipmentSearch");
  const tp = await getTranslations("equipmentPage");
  const labels = await registryLabels();
  const format = await getFormatter();
  const locale = await getLocale();
  const date = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium" });
  const hours = facility.openingHours as OpeningHours;
  return (
    <article className="space-y-8" data-testid="facility-page">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">
          <Link href="/facilities" className="text-brand-700 underline">
            {(await getTranslations("facilities"))("title")}
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold">
            {locale === "zh" ? facility.nameZh : facility.nameEn}
          </h1>
          {facility.kind === "hub" && (
            <span className="rounded bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-900">
              {tr("hub")}
            </span>
          )}
          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">
            {facility.fromPublishedList ? tr("published") : tr("illustrative")}
          </span>
        </div>
        <p className="text-slate-600" lang={locale === "zh" ? "en" : "zh-CN"}>
          {locale === "zh" ? facility.nameEn : facility.nameZh}
        </p>
        {facility.status === "suspended" && (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
            {t("suspended")}
          </p>
        )}
        <p className="max-w-3xl">
          {locale === "zh" ? facility.descriptionZh : facility.descriptionEn}
        </p>
      </header>

      <section className="grid gap-4 md:grid-cols-3">
        <dl className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          {facility.host && (
            <div>
              <dt className="text-slate-600">{t("host")}</dt>
              <dd>{facility.host}</dd>
            </div>
          )}
          <div>
            <dt className="text-slate-600">{t("city")}</dt>
            <dd>{prefectureName(facility.prefecture, locale)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("fields")}</dt>
            <dd>
              {facility.fields.map((f) => labels.field(f)).join(locale === "zh" ? "、" : ", ")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("contact")}</dt>
            <dd>
              {facility.contactName}
              {facility.contactPhone && <> · {facility.contactPhone}</>}
              {facility.contactEmail && (
                <>
                  {" · "}
                  <a className="text-brand-700 underline" href={`mailto:${facility.contactEmail}`}>
                    {facility.contactEmail}
                  </a>
                </>
              )}
            </dd>
          </div>
        </dl>
        <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="mb-2 font-medium">{t("openingHours")}</h2>
          <table className="w-full">
            <tbody>
              {(["0", "1", "2", "3", "4", "5", "6"] as const).map((d) => (
                <tr key={d}>
                  <th scope="row" className="py-0.5 pr-3 text-left font-normal text-slate-600">
                    {t(`weekday${d}`)}
                  </th>
                  <td>
                    {hours[d]?.length
                      ? hours[d].map(([a, b]) => `${a}–${b}`).join(", ")
                      : t("closed")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">
            {t("timeZone", { zone: facility.timeZone })}
          </p>
        </div>
        <div
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
          data-testid="accreditations"
        >
          <h2 className="mb-2 font-medium">{t("accreditations")}</h2>
          {data.accreditations.length === 0 ? (
            <p className="text-slate-600">{t("noAccreditations")}</p>
          ) : (
            <ul className="space-y-2">
              {data.accreditations.map((a) => (
                <li key={a.certificateNo}>
                  <span className="font-medium">{a.type}</span>{" "}
                  <span className="font-mono text-xs">{a.certificateNo}</span>{" "}
                  {a.valid ? (
                    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">
                      {t("validUntil", { date: date(a.validUntil) })}
                    </span>
                  ) : (
                    <span
                      className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900"
                      data-testid="accreditation-expired"
                    >
                      {t("expiredOn", { date: date(a.validUntil) })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      {facility.status === "active" && (
        <section className="rounded-lg border border-brand-100 bg-brand-50 p-4">
          <h2 className="font-medium">{t("requestTest")}</h2>
          <p className="mt-1 text-sm text-slate-700">{t("requestTestHint")}</p>
          <div className="mt-2 flex flex-wrap gap-2 text-sm">
            {data.services.slice(0, 6).map((s) => (
              <Link
                key={s.id}
                href={`/requests/new?service=${s.id}`}
                className="rounded-md border border-brand-600 bg-white px-3 py-1.5 text-brand-700 hover:bg-brand-50"
              >
                {locale === "zh" && s.nameZh ? s.nameZh : s.name}
              </Link>
            ))}
          </div>
        </section>
      )}

      <section>
        <h2 className="mb-3 text-lg font-medium">{t("equipment")}</h2>
        {data.equipment.length === 0 ? (
          <EmptyState text={t("noEquipment")} />
        ) : (
          <DataTable
            testId="facility-equipment"
            headers={[ten("name"), ten("specs"), ten("units"), ten("rate"), tp("status")]}
            rows={data.equipment.map((e) => ({
              key: e.id,
              cells: [
                <Link
                  key="n"
                  href={`/equipment/${e.id}`}
                  className="text-brand-700 hover:underline"
                >
                  {locale === "zh" && e.nameZh ? e.nameZh : e.name}
                </Link>,
                <span key="p" className="text-xs">
                  {e.params
                    .map(
                      (p) => `${labels.param(p.key)} ${formatRange(p.min, p.max, p.unit, locale)}`,
                    )
                    .join(" · ")}
                </span>,
                e.units,
                ten("perHour", { amount: formatFen(e.hourlyRateFen, locale) }),
                te(e.status),
              ],
            }))}
          />
        )}
      </section>

      <section>
        <h2 className="mb-3 text-lg font-medium">{t("services")}</h2>
        <ServiceCards services={data.services} emptyText={t("noServices")} />
      </section>
    </article>
  );
}

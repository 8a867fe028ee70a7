import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { serverCaller } from "./_trpc/server";
import { BarList } from "./_components/bar-list";
import { StatCard } from "./_components/stat-card";
import { prefectureName } from "./_components/place-names";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const t = await getTranslations("home");
  const tf = await getTranslations("field");
  const locale = await getLocale();
  const overview = await (await serverCaller()).network.overview();
  return (
    <div className="space-y-8">
      <section className="rounded-xl bg-gradient-to-br from-brand-700 to-brand-900 p-8 text-white">
        <h1 className="max-w-3xl text-3xl font-semibold leading-tight" data-testid="home-title">
          {t("title", { count: overview.facilityCount })}
        </h1>
        <p className="mt-3 max-w-2xl text-brand-100">{t("lead")}</p>
        {overview.hub && (
          <p className="mt-4 text-sm">
            <span className="font-medium">{t("hub")}:</span>{" "}
            {locale === "zh" ? overview.hub.nameZh : overview.hub.nameEn}
          </p>
        )}
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href="/facilities"
            className="rounded-md bg-white px-4 py-2 font-medium text-brand-900 hover:bg-brand-50"
          >
            {t("browse")}
          </Link>
          <Link
            href="/equipment"
            className="rounded-md border border-white/60 px-4 py-2 hover:bg-white/10"
          >
            {t("findEquipment")}
          </Link>
          <Link
            href="/register"
            className="rounded-md border border-white/60 px-4 py-2 hover:bg-white/10"
          >
            {t("getStarted")}
          </Link>
        </div>
      </section>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-5">
        <StatCard label={t("facilities")} value={overview.facilityCount} testId="stat-facilities" />
        <StatCard label={t("equipment")} value={overview.equipmentCount} testId="stat-equipment" />
        <StatCard label={t("services")} value={overview.serviceCount} />
        <StatCard label={t("fields")} value={overview.byField.length} />
        <StatCard label={t("prefectures")} value={overview.byPrefecture.length} />
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <BarList
          title={t("byPrefecture")}
          testId="chart-prefecture"
          items={overview.byPrefecture.map((p) => ({
            label: prefectureName(p.prefecture, locale),
            value: p.n,
            href: `/facilities?prefecture=${p.prefecture}`,
          }))}
        />
        <BarList
          title={t("byField")}
          items={overview.byField.map((f) => ({
            label: tf(f.field as "ai"),
            value: f.n,
            href: `/facilities?field=${f.field}`,
          }))}
        />
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("metrics"))("title") };
}

const figures = [
  "utilisation",
  "effectiveHours",
  "sharingRate",
  "downtime",
  "rating",
  "machineHours",
  "evaluation",
  "funnel",
  "medians",
  "rates",
  "firms",
  "revenue",
  "money",
  "vouchers",
  "hub",
  "empty",
] as const;

/** Public definitions of every figure the monitoring shows. */
export default async function MetricsPage() {
  const t = await getTranslations("metrics");
  return (
    <article className="mx-auto max-w-3xl space-y-4" data-testid="metrics-page">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{t("lead")}</p>
      <dl className="space-y-3">
        {figures.map((f) => (
          <div
            key={f}
            id={f}
            className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4"
          >
            <dt className="font-medium">{t(`${f}.name`)}</dt>
            <dd className="mt-1 text-sm text-slate-700">{t(`${f}.definition`)}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

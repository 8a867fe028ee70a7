// The annual evaluation (开放共享评价): the year's benchmark, weights and scope, the run, the
// ranking of every facility indicator by indicator (each row opens the figures behind it), and
// the exports for the provincial and national platforms.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { DataTable } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { prefectureName } from "../../_components/place-names";
import {
  EvaluationSettingsForm,
  RunEvaluationButton,
} from "../../_components/evaluation/evaluation-forms";
import { indicators } from "@/db/reference/evaluation-defaults";
import { NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";
import { evaluationYear } from "../../_components/evaluation/evaluation-year";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("evaluation"))("title") };
}

type Props = { searchParams: Promise<{ year?: string }> };

export default async function EvaluationPage({ searchParams }: Props) {
  const actor = await requireRole("/admin/evaluation", ["admin"]);
  if (!actor) return <Forbidden />;
  const year = evaluationYear((await searchParams).year);
  const t = await getTranslations("evaluation");
  const locale = await getLocale();
  const format = await getFormatter();
  const caller = await serverCaller();
  const { settings, results } = await caller.evaluation.ranking({ year });
  const num = (x: number | null | undefined, digits = 1) =>
    x == null ? "—" : format.number(x, { maximumFractionDigits: digits });
  const exportHref = (what: string, fmt: string) =>
    `/api/admin/evaluation?year=${year}&what=${what}&format=${fmt}`;
  return (
    <div className="space-y-6" data-testid="evaluation-page">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("lead")}</p>
        </div>
        <form method="get" className="flex items-end gap-2 text-sm">
          <div>
            <label htmlFor="evaluation-year" className="block font-medium">
              {t("year")}
            </label>
            <input
              id="evaluation-year"
              name="year"
              type="number"
              min={2020}
              max={2099}
              defaultValue={year}
              className="mt-1 w-28 rounded-md border border-slate-300 px-2 py-2"
            />
          </div>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2">
            {t("show")}
          </button>
        </form>
      </header>
      <ClientIntl namespaces={["evaluation"]}>
        <TRPCReactProvider>
          <EvaluationSettingsForm
            key={`${year}-${settings.benchmarkHours}-${JSON.stringify(settings.weights)}`}
            year={year}
            benchmarkHours={settings.benchmarkHours}
            weights={settings.weights}
            scope={settings.scope}
          />
          <section className="mt-6 flex flex-wrap items-center gap-3">
            <RunEvaluationButton year={year} />
            <p className="text-sm text-slate-600" data-testid="evaluation-run-at">
              {settings.runAt === null
                ? t("notRun")
                : t("runAt", {
                    at: format.dateTime(new Date(settings.runAt), {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: NETWORK_TIME_ZONE,
                    }),
                  })}
            </p>
          </section>
        </TRPCReactProvider>
      </ClientIntl>
      <section className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="font-medium">{t("ranking")}</h2>
          <p className="flex flex-wrap gap-3 text-sm">
            {results && (
              <>
                <a className="text-brand-700 underline" href={exportHref("ranking", "csv")}>
                  {t("exportRanking", { format: "CSV" })}
                </a>
                <a className="text-brand-700 underline" href={exportHref("ranking", "xlsx")}>
                  {t("exportRanking", { format: "XLSX" })}
                </a>
              </>
            )}
            <a className="text-brand-700 underline" href={exportHref("instruments", "csv")}>
              {t("exportInstruments", { format: "CSV" })}
            </a>
            <a className="text-brand-700 underline" href={exportHref("instruments", "xlsx")}>
              {t("exportInstruments", { format: "XLSX" })}
            </a>
          </p>
        </div>
        {!results || results.length === 0 ? (
          <EmptyState text={t("noResults")} />
        ) : (
          <DataTable
            testId="evaluation-ranking"
            headers={[
              t("rank"),
              t("facility"),
              t("prefecture"),
              t("score"),
              ...indicators.map((k) => t(`indicator.${k}`)),
              t("instruments"),
            ]}
            rows={results.map((r) => ({
              key: r.facilityId,
              cells: [
                r.rank ?? "—",
                <Link
                  key="f"
                  href={`/admin/evaluation/${r.facilityId}?year=${year}`}
                  className="text-brand-700 underline"
                >
                  {locale === "zh" ? r.nameZh : r.nameEn}
                </Link>,
                prefectureName(r.prefecture, locale),
                r.score === null ? t("notCounted") : num(r.score, 2),
                ...indicators.map((k) => num(r.figures[`score.${k}`])),
                r.figures.instruments ?? 0,
              ],
            }))}
          />
        )}
      </section>
    </div>
  );
}

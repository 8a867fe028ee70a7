// One facility's evaluation: its score and indicator scores, the figures behind them, and each of
// its equipment with the year's recorded use and whether it counts (the department may leave an
// item out or count it again; the next run uses that).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../../_auth/require-role";
import { Forbidden } from "../../../_components/forbidden";
import { serverCaller } from "../../../_trpc/server";
import { loadForPage } from "../../../_trpc/load";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import { DataTable } from "../../../_components/data-table";
import { formatFen } from "../../../_components/registry/labels";
import { ExcludeButton } from "../../../_components/evaluation/evaluation-forms";
import { EvaluationFigures } from "../../../_components/evaluation/evaluation-figures";
import { evaluationYear } from "../../../_components/evaluation/evaluation-year";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("evaluation"))("facilityTitle") };
}

type Props = {
  params: Promise<{ facilityId: string }>;
  searchParams: Promise<{ year?: string }>;
};

export default async function EvaluationFacilityPage({ params, searchParams }: Props) {
  const { facilityId: raw } = await params;
  const actor = await requireRole(`/admin/evaluation/${raw}`, ["admin"]);
  if (!actor) return <Forbidden />;
  const facilityId = Number(raw);
  if (!Number.isSafeInteger(facilityId) || facilityId <= 0) notFound();
  const year = evaluationYear((await searchParams).year);
  const caller = await serverCaller();
  const loaded = await loadForPage(() => caller.evaluation.facility({ year, facilityId }));
  if (!loaded.ok) notFound();
  const { result, equipment, facility } = loaded.data;
  const t = await getTranslations("evaluation");
  const locale = await getLocale();
  const format = await getFormatter();
  const num = (x: number) => format.number(x, { maximumFractionDigits: 1 });
  const name =
    (locale === "zh"
      ? (result?.nameZh ?? facility?.nameZh)
      : (result?.nameEn ?? facility?.nameEn)) ?? "";
  return (
    <div className="space-y-6" data-testid="evaluation-facility">
      <p className="text-sm">
        <Link href={`/admin/evaluation?year=${year}`} className="text-brand-700 underline">
          {t("backToRanking", { year })}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("facilityHeading", { name, year })}</h1>
      {result ? (
        <EvaluationFigures rank={result.rank} score={result.score} figures={result.figures} />
      ) : (
        <p className="text-sm text-slate-600">{t("notRun")}</p>
      )}
      <section className="space-y-2">
        <h2 className="font-medium">{t("equipmentHeading")}</h2>
        <ClientIntl namespaces={["evaluation"]}>
          <TRPCReactProvider>
            <DataTable
              testId="evaluation-equipment"
              headers={[
                t("equipment"),
                t("originalValue"),
                t("large"),
                t("counts"),
                t("effectiveHours"),
                t("externalHours"),
                t("inHouseHours"),
                t("downHours"),
                t("noShows"),
                "",
              ]}
              rows={equipment.map((e) => ({
                key: e.equipmentId,
                cells: [
                  locale === "zh" && e.nameZh ? e.nameZh : e.name,
                  formatFen(e.originalValueFen, locale),
                  e.large ? t("yes") : t("no"),
                  e.counted ? t("yes") : e.excluded ? t("leftOutByYou") : t("no"),
                  num(e.effectiveHours),
                  num(e.externalHours),
                  num(e.inHouseHours),
                  num(e.downHours),
                  e.noShows,
                  <ExcludeButton
                    key="x"
                    year={year}
                    equipmentId={e.equipmentId}
                    excluded={e.excluded}
                  />,
                ],
              }))}
            />
          </TRPCReactProvider>
        </ClientIntl>
      </section>
    </div>
  );
}

// The facility's own annual evaluations, latest year first: its rank among the ranked facilities,
// its score, each indicator and the figures behind them. Other facilities' results are not shown.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { EmptyState } from "../../_components/empty-state";
import { EvaluationFigures } from "../../_components/evaluation/evaluation-figures";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("evaluation"))("mineTitle") };
}

export default async function OperatorEvaluationPage() {
  const actor = await requireRole("/operator/evaluation", ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("evaluation");
  const caller = await serverCaller();
  const mine = await caller.evaluation.mine();
  return (
    <div className="space-y-6" data-testid="operator-evaluation">
      <h1 className="text-2xl font-semibold">{t("mineTitle")}</h1>
      <p className="text-sm text-slate-600">
        {t("mineLead")}{" "}
        <Link href="/about/metrics#evaluation" className="text-brand-700 underline">
          {t("howScored")}
        </Link>
      </p>
      {mine.length === 0 ? (
        <EmptyState text={t("mineNone")} />
      ) : (
        mine.map((m) => (
          <section key={m.year} className="space-y-2">
            <h2 className="text-lg font-medium">
              {t("yearHeading", { year: m.year, benchmark: m.benchmarkHours })}
            </h2>
            <EvaluationFigures
              rank={m.rank}
              score={m.score}
              figures={m.figures}
              ranked={m.ranked}
            />
          </section>
        ))
      )}
    </div>
  );
}

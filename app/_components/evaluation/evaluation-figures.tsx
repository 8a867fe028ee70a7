// A facility's evaluation result: rank, score, each indicator's score and the figures behind them
// (shown to the department and to the facility itself).
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { indicators } from "@/db/reference/evaluation-defaults";
import { StatCard } from "../stat-card";
import { formatFen } from "../registry/labels";

export async function EvaluationFigures(p: {
  rank: number | null;
  score: number | null;
  figures: Record<string, number | null>;
  ranked?: number;
}) {
  const t = await getTranslations("evaluation");
  const locale = await getLocale();
  const format = await getFormatter();
  const f = p.figures;
  const num = (x: number | null | undefined, digits = 1) =>
    x == null ? "—" : format.number(x, { maximumFractionDigits: digits });
  const pct = (x: number | null | undefined) =>
    x == null ? "—" : format.number(x, { style: "percent", maximumFractionDigits: 1 });
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="evaluation-result">
        <StatCard
          label={t("rank")}
          value={
            p.rank === null
              ? t("notCounted")
              : p.ranked
                ? t("rankOf", { rank: p.rank, of: p.ranked })
                : p.rank
          }
        />
        <StatCard label={t("score")} value={num(p.score, 2)} definition="evaluation" />
        {indicators.map((k) => (
          <StatCard
            key={k}
            label={t("indicatorScore", { name: t(`indicator.${k}`) })}
            value={num(f[`score.${k}`])}
          />
        ))}
      </dl>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        {(
          [
            [t("instruments"), num(f.instruments, 0)],
            [t("effectiveHours"), num(f.effectiveHours)],
            [t("hoursPerUnitYear"), num(f.hoursPerUnitYear)],
            [t("externalHours"), num(f.externalHours)],
            [t("inHouseHours"), num(f.inHouseHours)],
            [t("sharingRate"), pct(f.sharingRate)],
            [t("downHours"), num(f.downHours)],
            [t("noShows"), num(f.noShows, 0)],
            [t("externalUsers"), num(f.externalUsers, 0)],
            [t("invoiced"), f.invoicedFen == null ? "—" : formatFen(f.invoicedFen, locale)],
            [t("voucher"), f.voucherFen == null ? "—" : formatFen(f.voucherFen, locale)],
            [t("averageRating"), num(f.averageRating, 2)],
            [t("averageResponse"), num(f.averageResponseHours)],
          ] as const
        ).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

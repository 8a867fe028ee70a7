"use client";
// What the request will cost by the facility's published fee schedule, for the hours and units
// asked, before it is sent: each line, VAT and the total. The quote is what binds.
import { formatMoney } from "../../format-money";
import { useLocale, useTranslations } from "next-intl";
import { estimateFee } from "@/server/services/money/fee-estimate";
import type { Fees } from "@/server/services/registry/fee-columns";

export function CostEstimate({
  fees,
  firmSize,
  hours,
  units,
}: {
  fees: Fees;
  firmSize: string | null;
  hours: number;
  units: number;
}) {
  const t = useTranslations("requestForm");
  const locale = useLocale();
  const money = (fen: number) => formatMoney(fen, locale);
  const estimate =
    Number.isInteger(hours) && hours > 0 && Number.isInteger(units) && units > 0
      ? estimateFee(
          fees,
          { hours, units, pieces: 1, urgent: false, hazardous: false, firmSize },
          fees.vatRateBp,
        )
      : null;
  return (
    <section
      className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      aria-labelledby="cost-estimate-title"
      aria-live="polite"
      data-testid="cost-estimate"
    >
      <h2 id="cost-estimate-title" className="font-medium">
        {t("estimateTitle")}
      </h2>
      {!estimate ? (
        <p className="text-slate-600">{t("estimateOnQuote")}</p>
      ) : (
        <>
          <ul className="mt-1 space-y-0.5">
            {estimate.lines.map((l) => (
              <li key={l.kind} className="flex justify-between gap-3">
                <span>{t(`estimateLine.${l.kind}`, { quantity: l.quantity })}</span>
                <span className="tabular-nums">{money(l.netFen)}</span>
              </li>
            ))}
            <li className="flex justify-between gap-3 text-slate-600">
              <span>{t("estimateVat", { rate: fees.vatRateBp / 100 })}</span>
              <span className="tabular-nums">{money(estimate.vatFen)}</span>
            </li>
            <li className="flex justify-between gap-3 border-t border-slate-300 pt-1 font-medium">
              <span>{t("estimateTotal")}</span>
              <span className="tabular-nums" data-testid="estimate-total">
                {money(estimate.totalFen)}
              </span>
            </li>
          </ul>
          <p className="mt-1 text-xs text-slate-600">{t("estimateNote")}</p>
        </>
      )}
    </section>
  );
}

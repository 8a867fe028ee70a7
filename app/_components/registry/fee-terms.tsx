// A service's published fee schedule in one line: "¥600.00 per hour, excluding 6 % VAT · minimum
// ¥2,000.00 · urgent +30 % · hazardous samples +20 % · small and micro firms −10 %".
import { formatMoney } from "../format-money";
import { getLocale, getTranslations } from "next-intl/server";
import type { Fees } from "@/server/services/registry/fee-columns";

export async function FeeTerms({ fees }: { fees: Fees }) {
  const t = await getTranslations("fees");
  const locale = await getLocale();
  const money = (fen: number) => formatMoney(fen, locale);
  if (fees.priceBasis === "quote" || fees.priceFen === null)
    return <span data-testid="fee-terms">{t("onQuote")}</span>;
  const parts = [
    t(`basis.${fees.priceBasis as "per_hour"}`, {
      amount: money(fees.priceFen),
      vat: fees.vatRateBp / 100,
    }),
  ];
  if (fees.minChargeFen > 0) parts.push(t("minimum", { amount: money(fees.minChargeFen) }));
  if (fees.urgentSurchargePct > 0) parts.push(t("urgent", { pct: fees.urgentSurchargePct }));
  if (fees.hazardSurchargePct > 0) parts.push(t("hazardous", { pct: fees.hazardSurchargePct }));
  if (fees.smallFirmDiscountPct > 0) parts.push(t("smallFirm", { pct: fees.smallFirmDiscountPct }));
  return <span data-testid="fee-terms">{parts.join(" · ")}</span>;
}

// The quote as lines: what each line charges (quantity × unit price, its VAT), which lines
// vouchers may pay for, and the subtotal, VAT and total. Seen by the firm, the facility and admins.
import { formatMoney } from "../../../_components/format-money";
import { getLocale, getTranslations } from "next-intl/server";
import type { LoadedRequest } from "./types";

export async function QuoteLines({ data }: { data: LoadedRequest }) {
  const { request: r, quoteLines: lines } = data;
  if (!lines.length || r.quoteAmountFen === null) return null;
  const t = await getTranslations("quote");
  const locale = await getLocale();
  const money = (fen: number) => formatMoney(fen, locale);
  const qty = (milli: number) =>
    (milli / 1000).toLocaleString(locale === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 3 });
  const subtotal = lines.reduce((a, l) => a + l.netFen, 0);
  // What a revision changed, line by line against the version before.
  const before = data.previousQuote;
  const same = (a: (typeof lines)[number], b: (typeof lines)[number]) =>
    a.kind === b.kind &&
    a.description === b.description &&
    a.quantityMilli === b.quantityMilli &&
    a.unitPriceFen === b.unitPriceFen &&
    a.voucherEligible === b.voucherEligible;
  const change = (l: (typeof lines)[number]) => {
    if (!before) return null;
    const was = before.find((b) => b.position === l.position);
    return !was ? "added" : same(was, l) ? null : "changed";
  };
  const removed = before ? before.filter((b) => !lines.some((l) => l.position === b.position)) : [];
  const rate = (r.quoteVatRateBp ?? 0) / 100;
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="quote-lines"
    >
      <h2 className="mb-2 font-medium">{t("title", { version: r.quoteVersion })}</h2>
      <div
        className="overflow-x-auto"
        tabIndex={0}
        aria-label={t("title", { version: r.quoteVersion })}
      >
        <table className="w-full min-w-[520px] text-left">
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-2 font-normal">
                {t("item")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-normal">
                {t("quantity")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-normal">
                {t("unitPrice")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-normal">
                {t("net")}
              </th>
              <th scope="col" className="py-1 text-right font-normal">
                {t("vat")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id} className="border-t border-slate-100">
                <td className="py-1 pr-2">
                  {t(`kinds.${l.kind}`)}
                  {l.description ? ` · ${l.description}` : ""}
                  {change(l) && (
                    <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-950">
                      {t(change(l)!)}
                    </span>
                  )}
                  {l.voucherEligible && (
                    <span className="ml-1 rounded bg-emerald-50 px-1 text-xs text-emerald-900">
                      {t("eligible")}
                    </span>
                  )}
                </td>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {qty(l.quantityMilli)} {l.unit}
                </td>
                <td className="py-1 pr-2 text-right tabular-nums">{money(l.unitPriceFen)}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{money(l.netFen)}</td>
                <td className="py-1 text-right tabular-nums">{money(l.vatFen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-300">
            <tr>
              <th scope="row" colSpan={3} className="py-1 pr-2 text-right font-normal">
                {t("subtotal")}
              </th>
              <td colSpan={2} className="py-1 text-right tabular-nums">
                {money(subtotal)}
              </td>
            </tr>
            <tr>
              <th scope="row" colSpan={3} className="py-1 pr-2 text-right font-normal">
                {t("vatAt", { rate })}
              </th>
              <td colSpan={2} className="py-1 text-right tabular-nums">
                {money(r.quoteVatFen ?? 0)}
              </td>
            </tr>
            <tr className="font-medium">
              <th scope="row" colSpan={3} className="py-1 pr-2 text-right">
                {t("total")}
              </th>
              <td colSpan={2} className="py-1 text-right tabular-nums" data-testid="quote-total">
                {money(r.quoteAmountFen)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {before && (
        <p className="mt-2 text-xs text-slate-600" data-testid="quote-changes">
          {t("previous", {
            version: r.quoteVersion - 1,
            total: money(before.reduce((a, l) => a + l.netFen + l.vatFen, 0)),
          })}
          {removed.length > 0 &&
            ` ${t("removed", { items: removed.map((b) => t(`kinds.${b.kind}`) + (b.description ? ` · ${b.description}` : "")).join(", ") })}`}
        </p>
      )}
    </section>
  );
}

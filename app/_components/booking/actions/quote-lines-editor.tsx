"use client";
// The lines of a quote as the operator writes them: kind, description, quantity and unit, unit
// price in yuan, whether vouchers may pay for it; with the subtotal, VAT (per line, half up) and
// total as the server will compute them.
import { formatMoney } from "../../format-money";
import { useLocale, useTranslations } from "next-intl";
import { quoteLineKinds, type QuoteLineKind } from "@/db/schema/enums";
import { quoteTotals } from "@/server/services/money/amounts";
import { styles } from "./action-kit";

export type EditLine = {
  kind: QuoteLineKind;
  description: string;
  quantity: string;
  unit: string;
  /** Yuan, as typed. */
  price: string;
  voucherEligible: boolean;
};

const milli = (q: string) => Math.round(Number(q) * 1000);
const fen = (yuan: string) => Math.round(Number(yuan) * 100);
const valid = (l: EditLine) =>
  Number.isFinite(milli(l.quantity)) && milli(l.quantity) > 0 && Number.isFinite(fen(l.price));

/** The lines as the quote mutation takes them. */
export const linesInput = (lines: EditLine[]) =>
  lines.map((l) => ({
    kind: l.kind,
    description: l.description,
    quantity: Number(l.quantity),
    unit: l.unit,
    unitPriceFen: fen(l.price),
    voucherEligible: l.voucherEligible,
  }));

export function QuoteLinesEditor({
  lines,
  onChange,
  vatRateBp,
}: {
  lines: EditLine[];
  onChange: (lines: EditLine[]) => void;
  vatRateBp: number;
}) {
  const t = useTranslations("quote");
  const locale = useLocale();
  const set = (i: number, patch: Partial<EditLine>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const totals = quoteTotals(
    lines.filter(valid).map((l) => ({
      quantityMilli: Math.max(0, milli(l.quantity)),
      unitPriceFen: Math.max(0, fen(l.price)),
      voucherEligible: l.voucherEligible,
      deducts: l.kind === "discount",
    })),
    vatRateBp,
  );
  const money = (fen: number) => formatMoney(fen, locale);
  return (
    <fieldset className="space-y-2" data-testid="quote-lines-editor">
      <legend className="text-sm font-medium">{t("lines")}</legend>
      {lines.map((l, i) => {
        const id = `quote-line-${i}`;
        return (
          <div
            key={i}
            className="grid grid-cols-2 gap-2 rounded border border-slate-200 p-2 sm:grid-cols-6"
            role="group"
            aria-label={t("line", { n: i + 1 })}
          >
            <label htmlFor={`${id}-kind`} className="block text-xs sm:col-span-2">
              {t("item")}
              <select
                id={`${id}-kind`}
                value={l.kind}
                onChange={(e) => set(i, { kind: e.target.value as QuoteLineKind })}
                className={styles.input}
              >
                {quoteLineKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label htmlFor={`${id}-description`} className="block text-xs sm:col-span-4">
              {t("description")}
              <input
                id={`${id}-description`}
                value={l.description}
                maxLength={200}
                onChange={(e) => set(i, { description: e.target.value })}
                className={styles.input}
              />
            </label>
            <label htmlFor={`${id}-quantity`} className="block text-xs">
              {t("quantity")}
              <input
                id={`${id}-quantity`}
                type="number"
                min={0.001}
                step="any"
                required
                value={l.quantity}
                onChange={(e) => set(i, { quantity: e.target.value })}
                className={styles.input}
              />
            </label>
            <label htmlFor={`${id}-unit`} className="block text-xs">
              {t("unit")}
              <input
                id={`${id}-unit`}
                value={l.unit}
                maxLength={20}
                onChange={(e) => set(i, { unit: e.target.value })}
                className={styles.input}
              />
            </label>
            <label htmlFor={`${id}-price`} className="block text-xs sm:col-span-2">
              {t("priceYuan")}
              <input
                id={`${id}-price`}
                type="number"
                min={0}
                step="0.01"
                required
                value={l.price}
                onChange={(e) => set(i, { price: e.target.value })}
                className={styles.input}
              />
            </label>
            <div className="flex items-end justify-between gap-2 sm:col-span-2">
              <label className="flex items-center gap-1 pb-2 text-xs">
                <input
                  type="checkbox"
                  checked={l.voucherEligible}
                  onChange={(e) => set(i, { voucherEligible: e.target.checked })}
                />
                {t("eligibleShort")}
              </label>
              <button
                type="button"
                className={styles.secondary}
                onClick={() => onChange(lines.filter((_, j) => j !== i))}
                aria-label={t("removeLine", { n: i + 1 })}
              >
                ×
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className={styles.secondary}
        onClick={() =>
          onChange([
            ...lines,
            {
              kind: "other",
              description: "",
              quantity: "1",
              unit: "",
              price: "",
              voucherEligible: false,
            },
          ])
        }
      >
        {t("addLine")}
      </button>
      <p className="text-sm tabular-nums" aria-live="polite" data-testid="quote-form-totals">
        {t("totals", {
          subtotal: money(totals.subtotalFen),
          vat: money(totals.vatFen),
          total: money(totals.totalFen),
        })}
      </p>
    </fieldset>
  );
}

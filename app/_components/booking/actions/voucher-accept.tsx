"use client";
// Accepting a quote with an innovation voucher: the cover the firm's allotment can pay is shown
// and applied unless the firm unticks it or asks for less; the server reserves it in the same
// transaction as the acceptance.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { VoucherOffer } from "@/server/services/vouchers/offer";
import { formatMoney } from "../../format-money";
import { FormErrors } from "../../operations/form-errors";
import { styles, type ActionKit } from "./action-kit";

export function VoucherAccept({ kit, offer }: { kit: ActionKit; offer: VoucherOffer }) {
  const { trpc, busy, base, refusals } = kit;
  const t = useTranslations("vouchers");
  const tr = useTranslations("request");
  const locale = useLocale();
  const [apply, setApply] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const options = kit.optionsFor("accept");
  const accept = useMutation(
    trpc.request.accept.mutationOptions({
      ...options,
      onError: (e: unknown) => (setErrors(refusals.fields(e)), options.onError(e)),
    }),
  );
  const money = (fen: number) => formatMoney(fen, locale);
  return (
    <form
      className={styles.box}
      data-testid="voucher-accept"
      onSubmit={(e) => {
        const f = kit.fields(e);
        const yuan = Number(f.voucherYuan);
        accept.mutate({
          ...base,
          useVoucher: apply,
          voucherFen: apply && f.voucherYuan ? Math.round(yuan * 100) : undefined,
        });
      }}
    >
      <p className="font-medium">{t("offerTitle")}</p>
      <p className="text-sm text-slate-700" data-testid="voucher-offer">
        {t("offer", {
          max: money(offer.maxFen),
          rate: offer.rateBp / 100,
          eligible: money(offer.eligibleFen),
          available: money(offer.availableFen),
          programme: locale === "zh" ? offer.programme.zh : offer.programme.en,
        })}
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={apply}
          onChange={(e) => setApply(e.target.checked)}
          data-testid="voucher-apply"
        />
        {t("apply")}
      </label>
      {apply && (
        <div>
          <label htmlFor="voucher-yuan" className="block text-sm font-medium">
            {t("amount")}
          </label>
          <input
            id="voucher-yuan"
            name="voucherYuan"
            type="number"
            step="0.01"
            min="0.01"
            max={(offer.maxFen / 100).toFixed(2)}
            defaultValue={(offer.maxFen / 100).toFixed(2)}
            className={styles.input}
            aria-invalid={errors.voucherFen ? true : undefined}
            aria-describedby="voucher-yuan-hint"
          />
          <p id="voucher-yuan-hint" className="mt-1 text-xs text-slate-600">
            {t("amountHint", { max: money(offer.maxFen) })}
          </p>
        </div>
      )}
      <FormErrors errors={errors} />
      <button type="submit" className={styles.button} disabled={busy} data-testid="action-accept">
        {apply ? t("acceptWith") : tr("accept")}
      </button>
    </form>
  );
}

"use client";
// A firm applies for a voucher allotment: the amount (within the programme's cap per firm) and
// what it is for.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { inputClass } from "../form-field";
import { FormErrors } from "../operations/form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "./use-outcome";

export function ApplyForm({ programmeId, capFen }: { programmeId: number; capFen: number }) {
  const t = useTranslations("vouchers");
  const { errors, callbacks, trpc } = useOutcome();
  const apply = useMutation(
    trpc.voucher.applyForAllotment.mutationOptions(callbacks(t("applied"))),
  );
  const id = (k: string) => `${k}-${programmeId}`;
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-2"
      data-testid={`apply-${programmeId}`}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const yuan = String(f.get("requestedYuan") ?? "").trim();
        apply.mutate({
          programmeId,
          requestedFen: yuan === "" ? Number.NaN : Math.round(Number(yuan) * 100),
          purpose: String(f.get("purpose") ?? ""),
        });
      }}
    >
      <div>
        <label htmlFor={id("amount")} className="block font-medium">
          {t("requested")}
        </label>
        <input
          id={id("amount")}
          name="requestedYuan"
          type="number"
          step="0.01"
          min="0.01"
          max={(capFen / 100).toFixed(2)}
          className={inputClass}
          aria-invalid={errors.requestedFen ? true : undefined}
          required
        />
      </div>
      <div>
        <label htmlFor={id("purpose")} className="block font-medium">
          {t("purpose")}
        </label>
        <textarea id={id("purpose")} name="purpose" rows={2} className={inputClass} required />
      </div>
      <FormErrors errors={errors} />
      <button
        type="submit"
        disabled={apply.isPending}
        className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t("applyButton")}
      </button>
    </form>
  );
}

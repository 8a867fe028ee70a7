"use client";
// The department decides an allotment application: grant an amount (the request by default) or
// refuse with a reason.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { inputClass } from "../form-field";
import { FormErrors } from "../operations/form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "./use-outcome";

export function DecideAllotment({ id, requestedFen }: { id: number; requestedFen: number }) {
  const t = useTranslations("vouchers");
  const { errors, setErrors, callbacks, trpc } = useOutcome();
  const [refusing, setRefusing] = useState(false);
  const decide = useMutation(trpc.voucher.decideAllotment.mutationOptions(callbacks(t("decided"))));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-2"
      data-testid={`decide-allotment-${id}`}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        if (refusing)
          decide.mutate({ id, decision: "refuse", reason: String(f.get("reason") ?? "") });
        else {
          const yuan = String(f.get("grantedYuan") ?? "").trim();
          decide.mutate({
            id,
            decision: "approve",
            grantedFen: yuan === "" ? Number.NaN : Math.round(Number(yuan) * 100),
          });
        }
      }}
    >
      {refusing ? (
        <div>
          <label htmlFor={`refuse-${id}`} className="block text-sm font-medium">
            {t("refuseReason")}
          </label>
          <textarea id={`refuse-${id}`} name="reason" rows={2} className={inputClass} required />
        </div>
      ) : (
        <div>
          <label htmlFor={`grant-${id}`} className="block text-sm font-medium">
            {t("grant")}
          </label>
          <input
            id={`grant-${id}`}
            name="grantedYuan"
            type="number"
            step="0.01"
            defaultValue={(requestedFen / 100).toFixed(2)}
            className={inputClass}
            aria-invalid={errors.grantedFen ? true : undefined}
          />
        </div>
      )}
      <FormErrors errors={errors} />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={decide.isPending}
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          data-testid={`${refusing ? "refuse" : "approve"}-allotment-${id}`}
        >
          {refusing ? t("refuse") : t("approve")}
        </button>
        <button
          type="button"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
          onClick={() => (setErrors({}), setRefusing(!refusing))}
        >
          {refusing ? t("back") : `${t("refuse")}…`}
        </button>
      </div>
    </form>
  );
}

"use client";
// Voucher claims: the facility files one for a paid request; the department approves it or
// returns it with a reason.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { inputClass } from "../form-field";
import { FormErrors } from "../operations/form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "./use-outcome";

const button =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50 disabled:opacity-60";

export function FileClaimButton({
  requestId,
  reference,
}: {
  requestId: number;
  reference: string;
}) {
  const t = useTranslations("vouchers");
  const { errors, callbacks, trpc } = useOutcome();
  const file = useMutation(
    trpc.voucher.fileClaim.mutationOptions(callbacks(t("claimFiled", { ref: reference }))),
  );
  return (
    <form
      onSubmit={(e) => (e.preventDefault(), file.mutate({ id: requestId }))}
      className="space-y-2"
    >
      <FormErrors errors={errors} />
      <button type="submit" className={button} disabled={file.isPending} data-testid="file-claim">
        {t("fileClaim")}
      </button>
    </form>
  );
}

export function DecideClaim({ claimId, reference }: { claimId: number; reference: string }) {
  const t = useTranslations("vouchers");
  const { errors, callbacks, trpc } = useOutcome();
  const [returning, setReturning] = useState(false);
  const decide = useMutation(
    trpc.voucher.decideClaim.mutationOptions(callbacks(t("claimDecided", { ref: reference }))),
  );
  if (!returning)
    return (
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={button}
          disabled={decide.isPending}
          onClick={() => decide.mutate({ id: claimId, decision: "approve" })}
          data-testid={`approve-claim-${claimId}`}
        >
          {t("approveClaim")}
        </button>
        <button
          type="button"
          className={secondary}
          onClick={() => setReturning(true)}
          data-testid={`return-claim-${claimId}`}
        >
          {t("returnClaim")}…
        </button>
      </div>
    );
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
        decide.mutate({ id: claimId, decision: "return", reason });
      }}
    >
      <label htmlFor={`reason-${claimId}`} className="block text-sm font-medium">
        {t("returnReason")}
      </label>
      <textarea id={`reason-${claimId}`} name="reason" rows={2} className={inputClass} required />
      <FormErrors errors={errors} />
      <div className="flex gap-2">
        <button
          type="submit"
          className={button}
          disabled={decide.isPending}
          data-testid={`confirm-return-${claimId}`}
        >
          {t("returnClaim")}
        </button>
        <button type="button" className={secondary} onClick={() => setReturning(false)}>
          {t("back")}
        </button>
      </div>
    </form>
  );
}

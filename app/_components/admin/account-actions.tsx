"use client";
// Per-user actions: disable or enable, reset the password (a new one-time password), and for a
// facility's staff grant or withdraw the authorised-signatory flag (they approve its reports).
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_trpc/client";
import { useSaveCallbacks } from "../operations/use-save";
import { OneTimePassword } from "./one-time-password";

const small =
  "whitespace-nowrap rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60";

export function AccountActions({
  id,
  email,
  disabled,
  self,
  signatory,
}: {
  id: number;
  email: string;
  disabled: boolean;
  self: boolean;
  /** Null for accounts that cannot sign (firms, admins). */
  signatory: boolean | null;
}) {
  const t = useTranslations("adminUsers");
  const trpc = useTRPC();
  const callbacks = useSaveCallbacks();
  const [issued, setIssued] = useState<string | null>(null);
  const toggle = useMutation(trpc.admin.setUserDisabled.mutationOptions(callbacks));
  const sign = useMutation(trpc.admin.setSignatory.mutationOptions(callbacks));
  const reset = useMutation(
    trpc.admin.resetPassword.mutationOptions({
      ...callbacks,
      onSuccess: (r) => (setIssued(r.temporaryPassword), callbacks.onSuccess()),
    }),
  );
  if (self) return <span className="text-xs text-slate-500">{t("you")}</span>;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={small}
          disabled={toggle.isPending}
          onClick={() => toggle.mutate({ id, disabled: !disabled })}
          data-testid={`toggle-${id}`}
        >
          {disabled ? t("enable") : t("disable")}
        </button>
        <button
          type="button"
          className={small}
          disabled={reset.isPending}
          onClick={() => window.confirm(t("confirmReset", { email })) && reset.mutate({ id })}
          data-testid={`reset-${id}`}
        >
          {t("reset")}
        </button>
        {signatory !== null && (
          <button
            type="button"
            className={small}
            disabled={sign.isPending}
            aria-pressed={signatory}
            onClick={() => sign.mutate({ id, signatory: !signatory })}
            data-testid={`signatory-${id}`}
          >
            {signatory ? t("withdrawSignatory") : t("grantSignatory")}
          </button>
        )}
      </div>
      {issued && (
        <OneTimePassword email={email} password={issued} onClose={() => setIssued(null)} />
      )}
    </div>
  );
}

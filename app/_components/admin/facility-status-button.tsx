"use client";
// Suspends a facility (with a reason for the audit log) or reactivates it.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_trpc/client";
import { useSaveCallbacks } from "../operations/use-save";
import { inputClass } from "../form-field";

export function FacilityStatusButton({
  id,
  status,
}: {
  id: number;
  status: "active" | "suspended";
}) {
  const t = useTranslations("adminFacilities");
  const trpc = useTRPC();
  const callbacks = useSaveCallbacks();
  const [reason, setReason] = useState("");
  const set = useMutation(trpc.admin.setFacilityStatus.mutationOptions(callbacks));
  if (status === "suspended")
    return (
      <button
        type="button"
        onClick={() => set.mutate({ id, status: "active" })}
        disabled={set.isPending}
        className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        data-testid="reactivate"
      >
        {t("reactivate")}
      </button>
    );
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (window.confirm(t("confirmSuspend"))) set.mutate({ id, status: "suspended", reason });
      }}
    >
      <label htmlFor="suspend-reason" className="block text-sm font-medium">
        {t("suspendReason")}
        <input
          id="suspend-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          className={inputClass}
        />
      </label>
      <button
        type="submit"
        disabled={set.isPending}
        className="rounded-md border border-red-300 bg-white px-3 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
        data-testid="suspend"
      >
        {t("suspend")}
      </button>
    </form>
  );
}

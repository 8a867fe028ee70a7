"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useToast } from "../toaster";

/** Mutation callbacks shared by the management forms: a toast, then fresh server data; on a
 * refusal, the field-level reasons for the form to show beside it. */
export function useSaveCallbacks(done?: () => void) {
  const t = useTranslations("manage");
  const toast = useToast();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    errors,
    onSuccess: () => {
      setErrors({});
      toast("success", t("saved"));
      done?.();
      router.refresh();
    },
    onError: (e: { message: string; data?: unknown }) => {
      const fields = (e.data as { fieldErrors?: Record<string, string> | null } | undefined)
        ?.fieldErrors;
      setErrors(fields && Object.keys(fields).length ? fields : { form: e.message });
      toast("error", e.message);
    },
  };
}

export const cny = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? "" : String(fen / 100);
export const fen = (yuan: string) => (yuan.trim() === "" ? null : Math.round(Number(yuan) * 100));
export const dayInput = (ms: number | null | undefined) =>
  ms ? new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10) : "";
export const fromDayInput = (v: string) => (v ? Date.parse(`${v}T00:00:00+08:00`) : null);

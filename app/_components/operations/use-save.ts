"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { localDateKey, parseLocal } from "@/server/services/scheduling/local-time";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";

/** Mutation callbacks shared by the management forms: a toast, then fresh server data; on a
 * refusal, the field-level reasons for the form to show beside it. */
export function useSaveCallbacks(done?: () => void) {
  const t = useTranslations("manage");
  const toast = useToast();
  const refusals = useRefusalText();
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
    onError: (e: unknown) => {
      const fields = refusals.fields(e);
      setErrors(Object.keys(fields).length ? fields : { form: refusals.message(e) });
      toast("error", refusals.message(e));
    },
  };
}

export const cny = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? "" : String(fen / 100);
export const fen = (yuan: string) => (yuan.trim() === "" ? null : Math.round(Number(yuan) * 100));
/** A date input's value for an instant: its day in the facility's time zone. */
export const dayInput = (ms: number | null | undefined, timeZone: string) =>
  ms ? localDateKey(ms, timeZone) : "";
/** The start of a date input's day in the facility's time zone. */
export const fromDayInput = (v: string, timeZone: string) => (v ? parseLocal(v, timeZone) : null);

"use client";
// What every voucher form does with a mutation's answer: a toast, fresh server data, and the
// refused fields kept for FormErrors.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTRPC } from "../../_trpc/client";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";

export function useOutcome() {
  const toast = useToast();
  const refusals = useRefusalText();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const callbacks = (done: string) => ({
    onSuccess: () => (setErrors({}), toast("success", done), router.refresh()),
    onError: (e: unknown) => (setErrors(refusals.fields(e)), toast("error", refusals.message(e))),
  });
  return { errors, setErrors, callbacks, trpc: useTRPC() };
}

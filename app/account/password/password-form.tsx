"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../_trpc/client";
import { FormField, describedBy, inputClass } from "../../_components/form-field";
import { useToast } from "../../_components/toaster";
import { useRefusalText } from "../../_components/refusal-text";

export function PasswordForm({ next }: { next: string }) {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const toast = useToast();
  const router = useRouter();
  const refusals = useRefusalText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = useMutation(
    trpc.user.changePassword.mutationOptions({
      onSuccess: () => {
        toast("success", t("changed"));
        router.push(next);
        router.refresh();
      },
      onError: (e) => {
        const fields = refusals.fields(e);
        setErrors(fields);
        toast("error", Object.keys(fields).length ? t("fixErrors") : refusals.message(e));
      },
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("repeatPassword") ?? "")) {
      setErrors({ repeatPassword: t("mismatch") });
      return;
    }
    setErrors({});
    change.mutate({ currentPassword, newPassword });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormField id="currentPassword" label={t("current")} error={errors.currentPassword}>
        <input
          {...describedBy("currentPassword", errors.currentPassword)}
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </FormField>
      <FormField id="newPassword" label={t("new")} hint={t("hint")} error={errors.newPassword}>
        <input
          {...describedBy("newPassword", errors.newPassword, t("hint"))}
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
        />
      </FormField>
      <FormField id="repeatPassword" label={t("repeat")} error={errors.repeatPassword}>
        <input
          {...describedBy("repeatPassword", errors.repeatPassword)}
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
        />
      </FormField>
      <button
        type="submit"
        disabled={change.isPending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {change.isPending ? t("saving") : t("submit")}
      </button>
    </form>
  );
}

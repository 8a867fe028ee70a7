"use client";
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { getSession, signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import type { Refusal } from "@/server/i18n/render";
import { useRefusalText } from "../_components/refusal-text";
import { FormField, describedBy, inputClass } from "../_components/form-field";
import { useToast } from "../_components/toaster";
import { safeLocalPath } from "@/server/services/safe-redirect";

export function SignInForm({
  callbackUrl,
  email: knownEmail = "",
}: {
  callbackUrl: string | null;
  /** Filled in after registering. */
  email?: string;
}) {
  const t = useTranslations("signIn");
  const toast = useToast();
  const locale = useLocale();
  const refusals = useRefusalText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // next-auth passes the server's refusal on as the error text (JSON of the code and params).
  const [pending, setPending] = useState(false);
  function describeError(error: string | null | undefined): string {
    try {
      return refusals.render(JSON.parse(error ?? "") as Refusal);
    } catch {
      return t("errors.unknown");
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setError(t("errors.missing"));
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, locale, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setError(describeError(result?.error));
      return;
    }
    const session = await getSession();
    toast("success", t("success", { name: session?.user?.name ?? email }));
    router.push(safeLocalPath(callbackUrl));
    router.refresh();
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-describedby={error ? "signin-error" : undefined}
    >
      {error && (
        <p
          id="signin-error"
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
          data-testid="signin-error"
        >
          {error}
        </p>
      )}
      <FormField id="email" label={t("email")}>
        <input
          {...describedBy("email")}
          type="email"
          autoComplete="username"
          defaultValue={knownEmail}
          required
          className={inputClass}
        />
      </FormField>
      <FormField id="password" label={t("password")}>
        <input
          {...describedBy("password")}
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </FormField>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
      <p className="text-sm">
        <Link href="/reset" className="text-brand-700 underline">
          {t("forgot")}
        </Link>
      </p>
      <p className="text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link href="/register" className="text-brand-700 underline">
          {t("registerLink")}
        </Link>
      </p>
    </form>
  );
}

"use client";
// The pages behind one-time links: accept an invitation (name and password), ask for a password
// reset, choose a new password, confirm an email address; and, signed in, ask for a new
// confirmation link.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_trpc/client";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";
import { FormField, describedBy, inputClass } from "../form-field";

const button =
  "w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60";

/** What a link's form says once it has done its work. */
function Done({ testId, text }: { testId: string; text: string }) {
  return (
    <p
      className="rounded-md bg-emerald-50 p-4 text-sm text-emerald-900"
      role="status"
      data-testid={testId}
    >
      {text}
    </p>
  );
}

/** A mutation's refusals as field errors and a toast. */
function useRefused() {
  const refusals = useRefusalText();
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    errors,
    clear: () => setErrors({}),
    onError: (e: unknown) => {
      setErrors(refusals.fields(e));
      toast("error", refusals.message(e));
    },
  };
}

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("accountLinks");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refused = useRefused();
  const accept = useMutation(
    trpc.account.acceptInvitation.mutationOptions({
      onSuccess: () => {
        toast("success", t("joined"));
        router.push(`/signin?email=${encodeURIComponent(email)}`);
      },
      onError: refused.onError,
    }),
  );
  return (
    <form
      className="space-y-4"
      data-testid="accept-invitation-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        refused.clear();
        accept.mutate({
          token,
          name: String(f.get("name") ?? ""),
          password: String(f.get("password") ?? ""),
          locale: document.documentElement.lang.startsWith("zh") ? "zh" : "en",
        });
      }}
    >
      <FormField id="invite-name" label={t("name")} error={refused.errors.name}>
        <input
          {...describedBy("invite-name", refused.errors.name)}
          name="name"
          autoComplete="name"
          className={inputClass}
        />
      </FormField>
      <FormField
        id="invite-password"
        label={t("password")}
        hint={t("passwordHint")}
        error={refused.errors.password}
      >
        <input
          {...describedBy("invite-password", refused.errors.password, t("passwordHint"))}
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
        />
      </FormField>
      <button type="submit" className={button} disabled={accept.isPending}>
        {t("join")}
      </button>
    </form>
  );
}

export function RequestResetForm() {
  const t = useTranslations("accountLinks");
  const trpc = useTRPC();
  const refused = useRefused();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const ask = useMutation(
    trpc.account.requestReset.mutationOptions({
      onSuccess: (r) => setSentTo(r.email),
      onError: refused.onError,
    }),
  );
  if (sentTo) return <Done testId="reset-sent" text={t("resetSent", { email: sentTo })} />;
  return (
    <form
      className="space-y-4"
      data-testid="request-reset-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        refused.clear();
        ask.mutate({
          email: String(new FormData(e.currentTarget).get("email") ?? ""),
          locale: document.documentElement.lang.startsWith("zh") ? "zh" : "en",
        });
      }}
    >
      <FormField id="reset-email" label={t("email")} error={refused.errors.email}>
        <input
          {...describedBy("reset-email", refused.errors.email)}
          name="email"
          type="email"
          autoComplete="email"
          className={inputClass}
        />
      </FormField>
      <button type="submit" className={button} disabled={ask.isPending}>
        {t("sendLink")}
      </button>
    </form>
  );
}

export function NewPasswordForm({ token }: { token: string }) {
  const t = useTranslations("accountLinks");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refused = useRefused();
  const reset = useMutation(
    trpc.account.resetPassword.mutationOptions({
      onSuccess: (r) => {
        toast("success", t("passwordSet"));
        router.push(`/signin?email=${encodeURIComponent(r.email)}`);
      },
      onError: refused.onError,
    }),
  );
  return (
    <form
      className="space-y-4"
      data-testid="new-password-form"
      onSubmit={(e) => {
        e.preventDefault();
        refused.clear();
        reset.mutate({
          token,
          password: String(new FormData(e.currentTarget).get("password") ?? ""),
        });
      }}
    >
      <FormField
        id="new-password"
        label={t("newPassword")}
        hint={t("passwordHint")}
        error={refused.errors.password}
      >
        <input
          {...describedBy("new-password", refused.errors.password, t("passwordHint"))}
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
        />
      </FormField>
      <button type="submit" className={button} disabled={reset.isPending}>
        {t("setPassword")}
      </button>
    </form>
  );
}

export function ConfirmEmailButton({ token }: { token: string }) {
  const t = useTranslations("accountLinks");
  const trpc = useTRPC();
  const refused = useRefused();
  const [done, setDone] = useState<string | null>(null);
  const confirm = useMutation(
    trpc.account.confirmEmail.mutationOptions({
      onSuccess: (r) => setDone(r.email),
      onError: refused.onError,
    }),
  );
  if (done) return <Done testId="email-confirmed" text={t("confirmed", { email: done })} />;
  return (
    <button
      type="button"
      className={button}
      disabled={confirm.isPending}
      onClick={() => confirm.mutate({ token })}
    >
      {t("confirm")}
    </button>
  );
}

export function ResendConfirmation() {
  const t = useTranslations("accountLinks");
  const trpc = useTRPC();
  const toast = useToast();
  const refused = useRefused();
  const resend = useMutation(
    trpc.account.resendConfirmation.mutationOptions({
      onSuccess: (r) => toast("success", t("resent", { email: r.email })),
      onError: refused.onError,
    }),
  );
  return (
    <button
      type="button"
      className="rounded-md border border-amber-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-amber-50 disabled:opacity-60"
      disabled={resend.isPending}
      onClick={() => resend.mutate()}
    >
      {t("resend")}
    </button>
  );
}

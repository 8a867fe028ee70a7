"use client";
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { firmSizes } from "@/db/schema/enums";
import { industries } from "@/db/reference/industries";
import { prefectures } from "@/db/reference/prefectures";
import { registerFirmInput } from "@/server/services/firms/register-input";
import { useTRPC } from "../_trpc/client";
import { FormField, describedBy, inputClass } from "../_components/form-field";
import { useToast } from "../_components/toaster";
import { useRefusalText } from "../_components/refusal-text";

type Errors = Record<string, string>;

export function RegisterForm() {
  const t = useTranslations("register");
  const ts = useTranslations("firmSize");
  const ti = useTranslations("industry");
  const locale = useLocale();
  const toast = useToast();
  const trpc = useTRPC();
  const refusals = useRefusalText();
  const [errors, setErrors] = useState<Errors>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const register = useMutation(trpc.firm.register.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const input = { ...values, locale };
    const local = registerFirmInput.safeParse(input);
    if (!local.success) {
      setErrors(refusals.issues(local.error.issues));
      toast("error", t("fixErrors"));
      return;
    }
    setErrors({});
    try {
      await register.mutateAsync(local.data);
    } catch (error) {
      const fields = refusals.fields(error);
      setErrors(fields);
      toast("error", Object.keys(fields).length ? t("fixErrors") : refusals.message(error));
      return;
    }
    // The same answer whether or not the email or the firm was known: the email says which.
    setSentTo(local.data.email);
  }

  if (sentTo)
    return (
      <div role="status" data-testid="registration-sent" className="space-y-3">
        <h2 className="text-lg font-semibold">{t("sentTitle")}</h2>
        <p>{t("sentBody", { email: sentTo })}</p>
        <p className="text-sm text-slate-600">{t("sentNext")}</p>
        <Link
          href={`/signin?email=${encodeURIComponent(sentTo)}`}
          className="inline-block rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700"
        >
          {t("signIn")}
        </Link>
      </div>
    );

  const field = (id: string) =>
    describedBy(
      id,
      errors[id],
      id === "creditCode" ? t("creditCodeHint") : id === "password" ? t("passwordHint") : undefined,
    );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-medium">{t("firmSection")}</legend>
        <div className="sm:col-span-2">
          <FormField id="firmName" label={t("firmName")} error={errors.firmName}>
            <input {...field("firmName")} autoComplete="organization" className={inputClass} />
          </FormField>
        </div>
        <FormField
          id="creditCode"
          label={t("creditCode")}
          hint={t("creditCodeHint")}
          error={errors.creditCode}
        >
          <input
            {...field("creditCode")}
            maxLength={18}
            className={`${inputClass} font-mono uppercase`}
          />
        </FormField>
        <ChoiceField
          id="size"
          label={t("size")}
          placeholder={t("choose")}
          error={errors.size}
          props={field("size")}
          options={firmSizes.map((s) => [s, ts(s)])}
        />
        <ChoiceField
          id="industry"
          label={t("industry")}
          placeholder={t("choose")}
          error={errors.industry}
          props={field("industry")}
          options={industries.map((i) => [i, ti(i)])}
        />
        <ChoiceField
          id="prefecture"
          label={t("prefecture")}
          placeholder={t("choose")}
          error={errors.prefecture}
          props={field("prefecture")}
          options={prefectures.map((p) => [p.code, locale === "zh" ? p.zh : p.en])}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-medium">{t("userSection")}</legend>
        <FormField id="name" label={t("name")} error={errors.name}>
          <input {...field("name")} autoComplete="name" className={inputClass} />
        </FormField>
        <FormField id="email" label={t("email")} error={errors.email}>
          <input {...field("email")} type="email" autoComplete="email" className={inputClass} />
        </FormField>
        <FormField
          id="password"
          label={t("password")}
          hint={t("passwordHint")}
          error={errors.password}
        >
          <input
            {...field("password")}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        </FormField>
      </fieldset>
      <button
        type="submit"
        disabled={register.isPending}
        className="rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {register.isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

function ChoiceField(input: {
  id: string;
  label: string;
  placeholder: string;
  error?: string;
  props: ReturnType<typeof describedBy>;
  options: [string, string][];
}) {
  return (
    <FormField id={input.id} label={input.label} error={input.error}>
      <select {...input.props} defaultValue="" className={inputClass}>
        <option value="" disabled>
          {input.placeholder}
        </option>
        {input.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FormField>
  );
}

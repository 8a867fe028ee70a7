"use client";
// Creates a staff account and shows its one-time password once, for the admin to hand over.
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { staffRoles } from "@/db/schema/enums";
import { useTRPC } from "../../_trpc/client";
import { FormErrors } from "../operations/form-errors";
import { inputClass } from "../form-field";
import { useSaveCallbacks } from "../operations/use-save";
import { OneTimePassword } from "./one-time-password";

export function AccountForm({ facilities }: { facilities: [number, string][] }) {
  const t = useTranslations("adminUsers");
  const trpc = useTRPC();
  const callbacks = useSaveCallbacks();
  const [role, setRole] = useState<(typeof staffRoles)[number]>("operator");
  const [issued, setIssued] = useState<{ email: string; password: string } | null>(null);
  const create = useMutation(
    trpc.admin.createUser.mutationOptions({
      ...callbacks,
      onSuccess: (r) => (
        setIssued({ email: r.email, password: r.temporaryPassword }),
        callbacks.onSuccess()
      ),
    }),
  );
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const v = (k: string) => String(form.get(k) ?? "").trim();
    create.mutate({
      email: v("email"),
      name: v("name"),
      role,
      facilityId: role === "operator" && v("facilityId") ? Number(v("facilityId")) : undefined,
      locale: v("locale") as "zh",
    });
  }
  return (
    <div className="space-y-4">
      {issued && (
        <OneTimePassword
          email={issued.email}
          password={issued.password}
          onClose={() => setIssued(null)}
        />
      )}
      <form
        onSubmit={onSubmit}
        noValidate
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
        data-testid="account-form"
      >
        <label htmlFor="a-email" className="block text-sm font-medium">
          {t("email")}
          <input
            id="a-email"
            name="email"
            type="email"
            autoComplete="off"
            aria-invalid={callbacks.errors.email ? true : undefined}
            className={inputClass}
          />
        </label>
        <label htmlFor="a-name" className="block text-sm font-medium">
          {t("name")}
          <input
            id="a-name"
            name="name"
            aria-invalid={callbacks.errors.name ? true : undefined}
            className={inputClass}
          />
        </label>
        <div>
          <label htmlFor="a-role" className="block text-sm font-medium">
            {t("role")}
          </label>
          <select
            id="a-role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as "operator")}
            className={inputClass}
          >
            {staffRoles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {role === "operator" && (
          <div>
            <label htmlFor="a-facilityId" className="block text-sm font-medium">
              {t("facility")}
            </label>
            <select
              id="a-facilityId"
              name="facilityId"
              defaultValue=""
              aria-invalid={callbacks.errors.facilityId ? true : undefined}
              className={inputClass}
            >
              <option value="">{t("choose")}</option>
              {facilities.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="a-locale" className="block text-sm font-medium">
            {t("locale")}
          </label>
          <select id="a-locale" name="locale" defaultValue="zh" className={inputClass}>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </div>
        <FormErrors errors={callbacks.errors} />
        <div className="sm:col-span-full">
          <button
            type="submit"
            disabled={create.isPending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {t("create")}
          </button>
        </div>
      </form>
    </div>
  );
}

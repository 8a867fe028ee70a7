"use client";
// Creates a facility (or the hub) or edits one's registry entry.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { technologyFields } from "@/db/schema/enums";
import { prefectures } from "@/db/reference/prefectures";
import { openingPresets, slugFrom } from "@/server/services/admin/facility-inputs";
import { useTRPC } from "../../_trpc/client";
import { FormErrors } from "../operations/form-errors";
import { inputClass } from "../form-field";
import { useSaveCallbacks } from "../operations/use-save";

export type FacilityValues = {
  id: number;
  version: number;
  slug: string;
  kind: "hub" | "facility";
  nameEn: string;
  nameZh: string;
  host: string | null;
  level: string | null;
  prefecture: string;
  address: string;
  fields: string[];
  descriptionEn: string;
  descriptionZh: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
};

const text = [
  "nameEn",
  "nameZh",
  "host",
  "level",
  "address",
  "contactName",
  "contactPhone",
  "contactEmail",
] as const;

export function FacilityForm({
  facility,
  fieldLabels,
}: {
  facility?: FacilityValues;
  fieldLabels: Record<string, string>;
}) {
  const t = useTranslations("adminFacilities");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const callbacks = useSaveCallbacks();
  const create = useMutation(
    trpc.admin.createFacility.mutationOptions({
      ...callbacks,
      onSuccess: (f) => (callbacks.onSuccess(), router.push(`/admin/facilities/${f.id}`)),
    }),
  );
  const update = useMutation(trpc.admin.updateFacility.mutationOptions(callbacks));
  const busy = create.isPending || update.isPending;
  // A new facility's slug follows its English name until someone edits the slug itself.
  const [slugEdited, setSlugEdited] = useState(false);
  function onChange(e: FormEvent<HTMLFormElement>) {
    const target = e.target as HTMLInputElement;
    if (target.name === "slug") setSlugEdited(true);
    const slug = e.currentTarget.elements.namedItem("slug");
    if (target.name === "nameEn" && !slugEdited && slug instanceof HTMLInputElement)
      slug.value = slugFrom(target.value);
  }
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const v = (k: string) => String(form.get(k) ?? "").trim();
    const values = {
      ...(Object.fromEntries(text.map((k) => [k, v(k)])) as Record<(typeof text)[number], string>),
      prefecture: v("prefecture") as "chengdu",
      fields: form.getAll("fields").map(String) as "ai"[],
      descriptionEn: v("descriptionEn"),
      descriptionZh: v("descriptionZh"),
    };
    if (facility) update.mutate({ id: facility.id, version: facility.version, ...values });
    else
      create.mutate({
        ...values,
        slug: v("slug"),
        kind: v("kind") as "facility",
        openingHours: v("openingHours") as "office",
      });
  }
  const input = (k: string, label: string, value?: string | null, type = "text") => (
    <label className="block text-sm font-medium" htmlFor={`f-${k}`}>
      {label}
      <input
        id={`f-${k}`}
        name={k}
        type={type}
        defaultValue={value ?? ""}
        aria-invalid={callbacks.errors[k] ? true : undefined}
        className={inputClass}
      />
    </label>
  );
  return (
    <form
      onSubmit={onSubmit}
      onChange={facility ? undefined : onChange}
      noValidate
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
      data-testid="facility-form"
    >
      {!facility && (
        <>
          {input("slug", t("slug"))}
          <div>
            <label htmlFor="f-kind" className="block text-sm font-medium">
              {t("kind")}
            </label>
            <select id="f-kind" name="kind" defaultValue="facility" className={inputClass}>
              <option value="facility">{t("kindFacility")}</option>
              <option value="hub">{t("kindHub")}</option>
            </select>
          </div>
          <div className="sm:col-span-2">
            <label htmlFor="f-openingHours" className="block text-sm font-medium">
              {t("openingHours")}
            </label>
            <select
              id="f-openingHours"
              name="openingHours"
              defaultValue="office"
              className={inputClass}
            >
              {openingPresets.map((p) => (
                <option key={p} value={p}>
                  {t(`preset.${p}`)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {input("nameEn", t("nameEn"), facility?.nameEn)}
      {input("nameZh", t("nameZh"), facility?.nameZh)}
      {input("host", t("host"), facility?.host)}
      {input("level", t("level"), facility?.level)}
      <div>
        <label htmlFor="f-prefecture" className="block text-sm font-medium">
          {t("prefecture")}
        </label>
        <select
          id="f-prefecture"
          name="prefecture"
          defaultValue={facility?.prefecture ?? ""}
          aria-invalid={callbacks.errors.prefecture ? true : undefined}
          className={inputClass}
        >
          <option value="">{t("choose")}</option>
          {prefectures.map((p) => (
            <option key={p.code} value={p.code}>
              {locale === "zh" ? p.zh : p.en}
            </option>
          ))}
        </select>
      </div>
      {input("address", t("address"), facility?.address)}
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">{t("fields")}</legend>
        <div className="mt-1 grid grid-cols-2 gap-1 text-sm md:grid-cols-3">
          {technologyFields.map((f) => (
            <label key={f} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="fields"
                value={f}
                defaultChecked={facility?.fields.includes(f)}
              />
              {fieldLabels[f]}
            </label>
          ))}
        </div>
      </fieldset>
      {input("contactName", t("contactName"), facility?.contactName)}
      {input("contactPhone", t("contactPhone"), facility?.contactPhone, "tel")}
      {input("contactEmail", t("contactEmail"), facility?.contactEmail, "email")}
      <span />
      {(["descriptionEn", "descriptionZh"] as const).map((k) => (
        <div key={k}>
          <label className="block text-sm font-medium" htmlFor={`f-${k}`}>
            {t(k)}
          </label>
          <textarea
            id={`f-${k}`}
            name={k}
            rows={4}
            defaultValue={facility?.[k] ?? ""}
            className={inputClass}
          />
        </div>
      ))}
      <FormErrors errors={callbacks.errors} />
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {facility ? t("save") : t("create")}
        </button>
      </div>
    </form>
  );
}

"use client";
// The department's programme form: year, names, budget, cap per firm, rate per service type,
// eligible firm sizes and prefectures, application window and validity. Creates or edits.
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { firmSizes, serviceTypes } from "@/db/schema/enums";
import { prefectures } from "@/db/reference/prefectures";
import { inputClass } from "../form-field";
import { FormErrors } from "../operations/form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "./use-outcome";
import type { ProgrammeValues } from "./programme-values";

const yuanToFen = (v: FormDataEntryValue | null) => {
  const s = String(v ?? "").trim();
  return s === "" ? Number.NaN : Math.round(Number(s) * 100);
};

export function ProgrammeForm({ initial }: { initial: ProgrammeValues }) {
  const t = useTranslations("vouchers");
  const ts = useTranslations("serviceType");
  const tsize = useTranslations("firmSize");
  const locale = useLocale();
  const { errors, callbacks, trpc } = useOutcome();
  const create = useMutation(
    trpc.voucher.createProgramme.mutationOptions(callbacks(t("programmeSaved"))),
  );
  const update = useMutation(
    trpc.voucher.updateProgramme.mutationOptions(callbacks(t("programmeSaved"))),
  );
  const key = initial.id ?? "new";
  const id = (k: string) => `programme-${key}-${k}`;
  const field = (k: string, label: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={id(k)} className="block text-sm font-medium">
        {label}
      </label>
      {input}
    </div>
  );
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid={`programme-form-${key}`}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const values = {
          year: Number(f.get("year")),
          nameEn: String(f.get("nameEn") ?? ""),
          nameZh: String(f.get("nameZh") ?? ""),
          budgetFen: yuanToFen(f.get("budgetYuan")),
          firmCapFen: yuanToFen(f.get("capYuan")),
          ratesBp: Object.fromEntries(
            serviceTypes.map((s) => [s, Math.round(Number(f.get(`rate-${s}`) ?? 0) * 100)]),
          ) as Record<(typeof serviceTypes)[number], number>,
          eligibleSizes: f.getAll("size").map(String) as (typeof firmSizes)[number][],
          eligiblePrefectures: f.getAll("prefecture").map(String),
          applyFrom: String(f.get("applyFrom") ?? ""),
          applyUntil: String(f.get("applyUntil") ?? ""),
          validUntil: String(f.get("validUntil") ?? ""),
        };
        if (initial.id) update.mutate({ ...values, id: initial.id });
        else create.mutate(values);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        {field(
          "year",
          t("year"),
          <input
            id={id("year")}
            name="year"
            type="number"
            defaultValue={initial.year}
            className={inputClass}
          />,
        )}
        {field(
          "nameEn",
          t("nameEn"),
          <input
            id={id("nameEn")}
            name="nameEn"
            defaultValue={initial.nameEn}
            className={inputClass}
          />,
        )}
        {field(
          "nameZh",
          t("nameZh"),
          <input
            id={id("nameZh")}
            name="nameZh"
            defaultValue={initial.nameZh}
            className={inputClass}
          />,
        )}
        {field(
          "budget",
          t("budgetYuan"),
          <input
            id={id("budget")}
            name="budgetYuan"
            type="number"
            step="0.01"
            defaultValue={initial.budgetFen ? (initial.budgetFen / 100).toFixed(2) : ""}
            className={inputClass}
            aria-invalid={errors.budgetFen ? true : undefined}
          />,
        )}
        {field(
          "cap",
          t("firmCap"),
          <input
            id={id("cap")}
            name="capYuan"
            type="number"
            step="0.01"
            defaultValue={(initial.firmCapFen / 100).toFixed(2)}
            className={inputClass}
            aria-invalid={errors.firmCapFen ? true : undefined}
          />,
        )}
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("rates")}</legend>
        <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-6">
          {serviceTypes.map((s) => (
            <div key={s}>
              <label htmlFor={id(`rate-${s}`)} className="block text-xs text-slate-700">
                {ts(s)} (%)
              </label>
              <input
                id={id(`rate-${s}`)}
                name={`rate-${s}`}
                type="number"
                min="0"
                max="100"
                step="0.01"
                defaultValue={(initial.ratesBp[s] ?? 0) / 100}
                className={inputClass}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("eligibleSizes")}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {firmSizes.map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input
                type="checkbox"
                name="size"
                value={s}
                defaultChecked={initial.eligibleSizes.includes(s)}
              />
              {tsize(s)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("eligiblePrefectures")}</legend>
        <p className="text-xs text-slate-600">{t("allPrefectures")}</p>
        <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-4">
          {prefectures.map((p) => (
            <label key={p.code} className="flex items-center gap-1">
              <input
                type="checkbox"
                name="prefecture"
                value={p.code}
                defaultChecked={initial.eligiblePrefectures.includes(p.code)}
              />
              {locale === "zh" ? p.zh : p.en}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        {field(
          "applyFrom",
          t("applyFrom"),
          <input
            id={id("applyFrom")}
            name="applyFrom"
            type="date"
            defaultValue={initial.applyFrom}
            className={inputClass}
          />,
        )}
        {field(
          "applyUntil",
          t("applyUntil"),
          <input
            id={id("applyUntil")}
            name="applyUntil"
            type="date"
            defaultValue={initial.applyUntil}
            className={inputClass}
          />,
        )}
        {field(
          "validUntil",
          t("validUntil"),
          <input
            id={id("validUntil")}
            name="validUntil"
            type="date"
            defaultValue={initial.validUntil}
            className={inputClass}
          />,
        )}
      </div>
      <FormErrors errors={errors} />
      <button
        type="submit"
        disabled={create.isPending || update.isPending}
        className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        data-testid={`save-programme-${key}`}
      >
        {initial.id ? t("saveProgramme") : t("createProgramme")}
      </button>
    </form>
  );
}

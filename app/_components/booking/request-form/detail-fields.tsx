"use client";
// The request's own words: title, service type, standard, description, sample, and the
// capability parameters the work needs.
import { useTranslations } from "next-intl";
import { serviceTypes } from "@/db/schema/enums";
import { parameterKeys } from "@/db/reference/parameters";
import { FormField, describedBy, inputClass } from "../../form-field";
import { PARAM_ROWS } from "./read-need";

type Errors = Record<string, string>;

export function DetailFields(p: {
  errors: Errors;
  serviceType: string;
  serviceTypeLabels: Record<string, string>;
}) {
  const t = useTranslations("requestForm");
  const f = (id: string) => describedBy(id, p.errors[id]);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormField id="title" label={t("requestTitle")} error={p.errors.title}>
          <input {...f("title")} className={inputClass} required />
        </FormField>
      </div>
      <FormField id="serviceType" label={t("serviceType")} error={p.errors.serviceType}>
        <select {...f("serviceType")} defaultValue={p.serviceType} className={inputClass}>
          {serviceTypes.map((s) => (
            <option key={s} value={s}>
              {p.serviceTypeLabels[s]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="standard" label={t("standard")} error={p.errors.standard}>
        <input {...f("standard")} placeholder="GB/T 2423.1-2008" className={inputClass} />
      </FormField>
      <div className="sm:col-span-2">
        <FormField id="description" label={t("description")} error={p.errors.description}>
          <textarea {...f("description")} rows={3} className={inputClass} />
        </FormField>
      </div>
      <FormField id="sampleDetails" label={t("sample")} error={p.errors.sampleDetails}>
        <input {...f("sampleDetails")} className={inputClass} />
      </FormField>
      <div className="grid grid-cols-2 gap-2">
        <FormField id="quantity" label={t("quantity")} error={p.errors.quantity}>
          <input {...f("quantity")} className={inputClass} />
        </FormField>
        <FormField id="hazardClass" label={t("hazard")} error={p.errors.hazardClass}>
          <input {...f("hazardClass")} className={inputClass} />
        </FormField>
      </div>
    </div>
  );
}

export function ParamRows(p: { errors: Errors; paramLabels: Record<string, string> }) {
  const t = useTranslations("requestForm");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("params")}</legend>
      {PARAM_ROWS.map((i) => (
        <div key={i} className="grid grid-cols-4 gap-2">
          <select
            name={`pk${i}`}
            aria-label={`${t("params")} ${i + 1}`}
            className={inputClass}
            defaultValue=""
          >
            <option value="">—</option>
            {Object.keys(parameterKeys).map((k) => (
              <option key={k} value={k}>
                {p.paramLabels[k]}
              </option>
            ))}
          </select>
          <input
            name={`pmin${i}`}
            aria-label={t("paramMin", { n: i + 1 })}
            placeholder="≥"
            inputMode="decimal"
            className={inputClass}
          />
          <input
            name={`pmax${i}`}
            aria-label={t("paramMax", { n: i + 1 })}
            placeholder="≤"
            inputMode="decimal"
            className={inputClass}
          />
          <input
            name={`pu${i}`}
            aria-label={t("paramUnit", { n: i + 1 })}
            placeholder="L, °C, bar…"
            className={inputClass}
          />
        </div>
      ))}
      {Object.entries(p.errors)
        .filter(([k]) => k.startsWith("requiredParams"))
        .map(([k, m]) => (
          <p key={k} className="text-xs text-red-700">
            {k}: {m}
          </p>
        ))}
    </fieldset>
  );
}

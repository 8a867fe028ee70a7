"use client";
// The capability ranges of an equipment item as rows: a parameter chosen by name, its minimum and
// maximum, and a unit from those the parameter accepts.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "../form-field";
import { FieldError, invalidProps } from "./form-errors";

export type ParamOption = { key: string; label: string; units: string[] };
export type ParamRow = { key: string; min: string; max: string; unit: string };

export function ParamRows({
  prefix,
  options,
  rows,
  onChange,
  errors,
}: {
  prefix: string;
  options: ParamOption[];
  rows: ParamRow[];
  onChange: (rows: ParamRow[]) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations("manage");
  const unitsOf = (key: string) => options.find((o) => o.key === key)?.units ?? [];
  const set = (i: number, patch: Partial<ParamRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const [focusLast, setFocusLast] = useState(false);
  const unused = options.filter((o) => !rows.some((r) => r.key === o.key));
  return (
    <fieldset className="space-y-2 sm:col-span-4" data-testid={`${prefix}-params`}>
      <legend className="text-xs">{t("params")}</legend>
      {rows.length === 0 && <p className="text-xs text-slate-600">{t("noParams")}</p>}
      {rows.map((r, i) => {
        const id = `${prefix}-param-${i}`;
        const cell = (name: "min" | "max", label: string) => (
          <label htmlFor={`${id}-${name}`} className="block text-xs">
            {label}
            <input
              id={`${id}-${name}`}
              type="number"
              step="any"
              value={r[name]}
              onChange={(e) => set(i, { [name]: e.target.value })}
              className={inputClass}
              {...invalidProps(errors, `params.${i}.${name}`, `${id}-${name}`)}
            />
            <FieldError errors={errors} field={`params.${i}.${name}`} id={`${id}-${name}`} />
          </label>
        );
        return (
          <div
            key={i}
            className="grid grid-cols-2 items-start gap-2 sm:grid-cols-[2fr_1fr_1fr_1fr_auto]"
          >
            <label htmlFor={`${id}-key`} className="col-span-2 block text-xs sm:col-span-1">
              {t("paramRow", { n: i + 1 })}
              <select
                id={`${id}-key`}
                value={r.key}
                autoFocus={focusLast && i === rows.length - 1}
                onChange={(e) =>
                  set(i, { key: e.target.value, unit: unitsOf(e.target.value)[0] ?? "" })
                }
                className={inputClass}
                {...invalidProps(errors, `params.${i}.key`, `${id}-key`)}
              >
                {options
                  .filter((o) => o.key === r.key || !rows.some((x) => x.key === o.key))
                  .map((o) => (
                    <option key={o.key} value={o.key}>
                      {o.label}
                    </option>
                  ))}
              </select>
              <FieldError errors={errors} field={`params.${i}.key`} id={`${id}-key`} />
            </label>
            {cell("min", t("paramMin"))}
            {cell("max", t("paramMax"))}
            <label htmlFor={`${id}-unit`} className="block text-xs">
              {t("paramUnit")}
              <select
                id={`${id}-unit`}
                value={r.unit}
                onChange={(e) => set(i, { unit: e.target.value })}
                className={inputClass}
                {...invalidProps(errors, `params.${i}.unit`, `${id}-unit`)}
              >
                {unitsOf(r.key).map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              className="mt-5 rounded-md border border-slate-300 bg-white px-2 py-2 text-xs hover:bg-slate-100"
              aria-label={t("removeParam", { n: i + 1 })}
            >
              {t("remove")}
            </button>
          </div>
        );
      })}
      {unused.length > 0 && rows.length < 12 && (
        <button
          type="button"
          onClick={() => {
            setFocusLast(true);
            onChange([...rows, { key: unused[0].key, min: "", max: "", unit: unused[0].units[0] }]);
          }}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs hover:bg-slate-100"
        >
          {t("addParam")}
        </button>
      )}
    </fieldset>
  );
}

"use client";
// Adds or edits a service of the facility, with its standards, price and equipment; withdraws it.
import type { FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { serviceTypes, priceBases } from "@/db/schema/enums";
import { useTRPC } from "../../_trpc/client";
import { FormErrors } from "./form-errors";
import { inputClass } from "../form-field";
import { useSaveCallbacks, cny, fen } from "./use-save";

type Existing = {
  id: number;
  type: string;
  name: string;
  nameZh: string;
  standards: string[];
  accredited: boolean;
  priceBasis: string;
  priceFen: number | null;
  minChargeFen: number;
  urgentSurchargePct: number;
  hazardSurchargePct: number;
  smallFirmDiscountPct: number;
  equipmentIds: number[];
};

const percentFields = ["urgentSurchargePct", "hazardSurchargePct", "smallFirmDiscountPct"] as const;

export function ServiceEditor({
  existing,
  equipment,
}: {
  existing?: Existing;
  equipment: { id: number; name: string }[];
}) {
  const t = useTranslations("manage");
  const ts = useTranslations("serviceType");
  const trpc = useTRPC();
  const callbacks = useSaveCallbacks();
  const save = useMutation(trpc.service.save.mutationOptions(callbacks));
  const withdraw = useMutation(trpc.service.withdraw.mutationOptions(callbacks));
  const prefix = existing ? `svc-${existing.id}` : "svc-new";
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const v = (k: string) => String(form.get(k) ?? "");
    save.mutate({
      ...(existing ? { id: existing.id } : {}),
      type: v("type") as "testing",
      name: v("name"),
      nameZh: v("nameZh"),
      standards: v("standards")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      accredited: v("accredited") === "on",
      priceBasis: v("priceBasis") as "quote",
      priceFen: fen(v("price")),
      minChargeFen: fen(v("minCharge")) ?? 0,
      urgentSurchargePct: Number(v("urgentSurchargePct") || 0),
      hazardSurchargePct: Number(v("hazardSurchargePct") || 0),
      smallFirmDiscountPct: Number(v("smallFirmDiscountPct") || 0),
      equipmentIds: form.getAll("equipmentIds").map(Number),
    });
  }
  const label = "block text-xs";
  return (
    <form
      onSubmit={onSubmit}
      className="grid gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2"
      data-testid={`${prefix}-form`}
    >
      <label htmlFor={`${prefix}-name`} className={label}>
        {t("name")}
        <input
          id={`${prefix}-name`}
          name="name"
          required
          defaultValue={existing?.name}
          className={inputClass}
        />
      </label>
      <label htmlFor={`${prefix}-nameZh`} className={label}>
        {t("nameZh")}
        <input
          id={`${prefix}-nameZh`}
          name="nameZh"
          defaultValue={existing?.nameZh}
          className={inputClass}
        />
      </label>
      <label htmlFor={`${prefix}-type`} className={label}>
        {t("type")}
        <select
          id={`${prefix}-type`}
          name="type"
          defaultValue={existing?.type ?? "testing"}
          className={inputClass}
        >
          {serviceTypes.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${prefix}-standards`} className={label}>
        {t("standards")}
        <input
          id={`${prefix}-standards`}
          name="standards"
          defaultValue={existing?.standards.join(", ")}
          className={inputClass}
        />
      </label>
      <label htmlFor={`${prefix}-priceBasis`} className={label}>
        {t("priceBasis")}
        <select
          id={`${prefix}-priceBasis`}
          name="priceBasis"
          defaultValue={existing?.priceBasis ?? "quote"}
          className={inputClass}
        >
          {priceBases.map((p) => (
            <option key={p} value={p}>
              {t(`basis.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${prefix}-price`} className={label}>
        {t("price")}
        <input
          id={`${prefix}-price`}
          name="price"
          type="number"
          min={0}
          step="0.01"
          defaultValue={cny(existing?.priceFen)}
          className={inputClass}
        />
      </label>
      <label htmlFor={`${prefix}-minCharge`} className={label}>
        {t("minCharge")}
        <input
          id={`${prefix}-minCharge`}
          name="minCharge"
          type="number"
          min={0}
          step="0.01"
          defaultValue={cny(existing?.minChargeFen) || ""}
          className={inputClass}
        />
      </label>
      <div className="grid grid-cols-3 gap-2">
        {percentFields.map((f) => (
          <label key={f} htmlFor={`${prefix}-${f}`} className={label}>
            {t(f)}
            <input
              id={`${prefix}-${f}`}
              name={f}
              type="number"
              min={0}
              max={100}
              step={1}
              defaultValue={existing?.[f] || ""}
              className={inputClass}
            />
          </label>
        ))}
      </div>
      <fieldset className="sm:col-span-2">
        <legend className="text-xs">{t("equipment")}</legend>
        <div className="flex flex-wrap gap-3">
          {equipment.map((e) => (
            <label key={e.id} className="flex items-center gap-1 text-xs">
              <input
                type="checkbox"
                name="equipmentIds"
                value={e.id}
                defaultChecked={existing?.equipmentIds.includes(e.id)}
              />{" "}
              {e.name}
            </label>
          ))}
        </div>
      </fieldset>
      <FormErrors errors={callbacks.errors} />
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" name="accredited" defaultChecked={existing?.accredited} />{" "}
        {t("accredited")}
      </label>
      <div className="flex justify-end gap-2">
        {existing && (
          <button
            type="button"
            onClick={() => withdraw.mutate({ id: existing.id })}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
          >
            {t("withdraw")}
          </button>
        )}
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          {existing ? t("save") : t("add")}
        </button>
      </div>
    </form>
  );
}

"use client";
// Adds an equipment item, or edits one (the server refuses changes that would strand bookings).
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_trpc/client";
import { FieldError, FormErrors, invalidProps } from "./form-errors";
import { ParamRows, type ParamOption, type ParamRow } from "./param-rows";
import { inputClass } from "../form-field";
import { fundingSources } from "@/db/schema/enums";
import { isLargeInstrument } from "@/db/reference/large-instrument";
import { useSaveCallbacks, cny, fen, dayInput, fromDayInput } from "./use-save";

type Param = { key: string; min: number | null; max: number | null };
type Existing = {
  id: number;
  version: number;
  name: string;
  units: number;
  setupMinutes: number;
  minHours: number;
  maxHours: number;
  leadDays: number;
  hourlyRateFen: number;
  calibrationDueAt: number | null;
  autoApprove: boolean;
  status: string;
  assetNumber: string;
  originalValueFen: number;
  purchaseDate: string | null;
  fundingSource: string | null;
};

const NEW_CATEGORY = "__new";
/** A category's code from its English name: "Spray dryer" → "spray_dryer". */
export const categoryCode = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
/** Which label a refused field has on this form. */
const fieldLabels: Record<string, string> = {
  name: "name",
  nameZh: "nameZh",
  category: "category",
  units: "units",
  setupMinutes: "setup",
  minHours: "minHours",
  maxHours: "maxHours",
  leadDays: "leadDays",
  hourlyRateFen: "rate",
  calibrationDueAt: "calibration",
  status: "status",
  assetNumber: "assetNumber",
  originalValueFen: "originalValue",
  purchaseDate: "purchaseDate",
  fundingSource: "fundingSource",
  min: "paramMin",
  max: "paramMax",
  unit: "paramUnit",
  key: "paramKey",
};

export function EquipmentEditor({
  existing,
  params,
  timeZone,
  categories,
  paramOptions,
  statusLabels,
}: {
  existing?: Existing;
  params?: Param[];
  /** The facility's time zone: the calibration date is one of its days. */
  timeZone: string;
  /** The catalogue's categories in the reader's language, for a new item. */
  categories: { value: string; label: string }[];
  paramOptions: ParamOption[];
  statusLabels: Record<string, string>;
}) {
  const t = useTranslations("manage");
  const trpc = useTRPC();
  const callbacks = useSaveCallbacks();
  const update = useMutation(trpc.equipment.update.mutationOptions(callbacks));
  const create = useMutation(trpc.equipment.create.mutationOptions(callbacks));
  const prefix = existing ? `eq-${existing.id}` : "eq-new";
  const [rows, setRows] = useState<ParamRow[]>(() =>
    (params ?? []).map((p) => ({
      key: p.key,
      min: p.min === null ? "" : String(p.min),
      max: p.max === null ? "" : String(p.max),
      unit: paramOptions.find((o) => o.key === p.key)?.units[0] ?? "",
    })),
  );
  const [category, setCategory] = useState("");
  const [newCategory, setNewCategory] = useState("");
  const errors = callbacks.errors;
  const labelOf = (path: string) => {
    const parts = path.split(".");
    const own = t(fieldLabels[parts[parts.length - 1]] ?? "name");
    if (parts[0] !== "params" || parts.length < 3) return fieldLabels[path] ? own : path;
    return `${t("paramRow", { n: Number(parts[1]) + 1 })} · ${own}`;
  };
  const invalid = (field: string) => invalidProps(errors, field, `${prefix}-${field}`);
  const reason = (field: string) => (
    <FieldError errors={errors} field={field} id={`${prefix}-${field}`} />
  );
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const common = {
      units: Number(f.units),
      setupMinutes: Number(f.setupMinutes),
      minHours: Number(f.minHours),
      maxHours: Number(f.maxHours),
      leadDays: Number(f.leadDays),
      hourlyRateFen: fen(f.rate) ?? 0,
      calibrationDueAt: fromDayInput(f.calibration, timeZone),
      autoApprove: f.autoApprove === "on",
      assetNumber: f.assetNumber ?? "",
      originalValueFen: fen(f.originalValue) ?? 0,
      purchaseDate: f.purchaseDate || null,
      fundingSource: (f.fundingSource || null) as "other" | null,
      params: rows.map((r) => ({
        key: r.key,
        min: r.min.trim() === "" ? null : Number(r.min),
        max: r.max.trim() === "" ? null : Number(r.max),
        unit: r.unit,
      })),
    };
    if (existing)
      update.mutate({
        id: existing.id,
        version: existing.version,
        ...common,
        status: f.status as "operational",
      });
    else
      create.mutate({
        name: f.name,
        nameZh: f.nameZh ?? "",
        category: category === NEW_CATEGORY ? categoryCode(newCategory) : category,
        ...common,
      });
  }
  const field = (name: string, label: string, node: React.ReactNode, error = name) => (
    <label htmlFor={`${prefix}-${name}`} className="block text-xs">
      {label}
      {node}
      {reason(error)}
    </label>
  );
  return (
    <form
      onSubmit={onSubmit}
      className="grid gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-4"
      data-testid={`${prefix}-form`}
    >
      {!existing && (
        <>
          {field(
            "name",
            t("name"),
            <input
              id={`${prefix}-name`}
              {...invalid("name")}
              name="name"
              required
              className={inputClass}
            />,
          )}
          {field(
            "nameZh",
            t("nameZh"),
            <input
              id={`${prefix}-nameZh`}
              {...invalid("nameZh")}
              name="nameZh"
              className={inputClass}
            />,
          )}
          {field(
            "category",
            t("category"),
            <select
              id={`${prefix}-category`}
              value={category}
              required
              onChange={(e) => setCategory(e.target.value)}
              className={inputClass}
              {...invalid("category")}
            >
              <option value="">{t("chooseCategory")}</option>
              {categories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
              <option value={NEW_CATEGORY}>{t("addCategory")}</option>
            </select>,
          )}
          {category === NEW_CATEGORY && (
            <label htmlFor={`${prefix}-newCategory`} className="block text-xs sm:col-span-2">
              {t("newCategory")}
              <input
                id={`${prefix}-newCategory`}
                value={newCategory}
                onChange={(e) => setNewCategory(e.target.value)}
                required
                aria-describedby={`${prefix}-newCategory-hint`}
                className={inputClass}
                {...invalid("category")}
              />
              <span id={`${prefix}-newCategory-hint`} className="text-slate-600">
                {t("newCategoryHint", { code: categoryCode(newCategory) || "—" })}
              </span>
            </label>
          )}
        </>
      )}
      {field(
        "units",
        t("units"),
        <input
          id={`${prefix}-units`}
          {...invalid("units")}
          name="units"
          type="number"
          min={1}
          defaultValue={existing?.units ?? 1}
          className={inputClass}
        />,
      )}
      {field(
        "setupMinutes",
        t("setup"),
        <input
          id={`${prefix}-setupMinutes`}
          {...invalid("setupMinutes")}
          name="setupMinutes"
          type="number"
          min={0}
          defaultValue={existing?.setupMinutes ?? 0}
          className={inputClass}
        />,
      )}
      {field(
        "minHours",
        t("minHours"),
        <input
          id={`${prefix}-minHours`}
          {...invalid("minHours")}
          name="minHours"
          type="number"
          min={1}
          defaultValue={existing?.minHours ?? 1}
          className={inputClass}
        />,
      )}
      {field(
        "maxHours",
        t("maxHours"),
        <input
          id={`${prefix}-maxHours`}
          {...invalid("maxHours")}
          name="maxHours"
          type="number"
          min={1}
          defaultValue={existing?.maxHours ?? 24}
          className={inputClass}
        />,
      )}
      {field(
        "leadDays",
        t("leadDays"),
        <input
          id={`${prefix}-leadDays`}
          {...invalid("leadDays")}
          name="leadDays"
          type="number"
          min={0}
          defaultValue={existing?.leadDays ?? 1}
          className={inputClass}
        />,
      )}
      {field(
        "rate",
        t("rate"),
        <input
          id={`${prefix}-rate`}
          {...invalid("hourlyRateFen")}
          name="rate"
          type="number"
          min={0}
          step="0.01"
          defaultValue={cny(existing?.hourlyRateFen)}
          required
          className={inputClass}
        />,
        "hourlyRateFen",
      )}
      {field(
        "calibration",
        t("calibration"),
        <input
          id={`${prefix}-calibration`}
          {...invalid("calibrationDueAt")}
          name="calibration"
          type="date"
          defaultValue={dayInput(existing?.calibrationDueAt, timeZone)}
          className={inputClass}
        />,
        "calibrationDueAt",
      )}
      {existing &&
        field(
          "status",
          t("status"),
          <select
            id={`${prefix}-status`}
            {...invalid("status")}
            name="status"
            defaultValue={existing.status}
            disabled={existing.status === "down"}
            className={inputClass}
          >
            {/* "Down" comes and goes with a fault report, never by hand. */}
            {Object.entries(statusLabels)
              .filter(([s]) => (existing.status === "down") === (s === "down"))
              .map(([s, label]) => (
                <option key={s} value={s}>
                  {label}
                </option>
              ))}
          </select>,
        )}
      <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-2">
        <legend className="px-1 text-xs font-medium">{t("record")}</legend>
        {field(
          "assetNumber",
          t("assetNumber"),
          <input
            id={`${prefix}-assetNumber`}
            {...invalid("assetNumber")}
            name="assetNumber"
            defaultValue={existing?.assetNumber ?? ""}
            className={inputClass}
          />,
        )}
        {field(
          "originalValue",
          t("originalValue"),
          <input
            id={`${prefix}-originalValue`}
            {...invalid("originalValueFen")}
            name="originalValue"
            type="number"
            min={0}
            step="0.01"
            defaultValue={cny(existing?.originalValueFen)}
            className={inputClass}
          />,
          "originalValueFen",
        )}
        {field(
          "purchaseDate",
          t("purchaseDate"),
          <input
            id={`${prefix}-purchaseDate`}
            {...invalid("purchaseDate")}
            name="purchaseDate"
            type="date"
            defaultValue={existing?.purchaseDate ?? ""}
            className={inputClass}
          />,
        )}
        {field(
          "fundingSource",
          t("fundingSource"),
          <select
            id={`${prefix}-fundingSource`}
            {...invalid("fundingSource")}
            name="fundingSource"
            defaultValue={existing?.fundingSource ?? ""}
            className={inputClass}
          >
            <option value="">{t("fundingUnknown")}</option>
            {fundingSources.map((s) => (
              <option key={s} value={s}>
                {t(`funding.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {existing && (
          <p className="text-xs text-slate-600 sm:col-span-2" data-testid="large-instrument">
            {isLargeInstrument(existing.originalValueFen) ? t("largeInstrument") : t("notLarge")}
          </p>
        )}
      </fieldset>
      <ParamRows
        prefix={prefix}
        options={paramOptions}
        rows={rows}
        onChange={setRows}
        errors={errors}
      />
      <FormErrors errors={errors} labelOf={labelOf} />
      <label className="flex items-center gap-2 text-xs sm:col-span-2">
        <input type="checkbox" name="autoApprove" defaultChecked={existing?.autoApprove ?? false} />{" "}
        {t("autoApprove")}
      </label>
      <div className="sm:col-span-2 sm:text-right">
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

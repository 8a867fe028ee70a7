"use client";
// Adds an equipment item, or edits one (the server refuses changes that would strand bookings).
import type { FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_trpc/client";
import { FormErrors } from "./form-errors";
import { inputClass } from "../form-field";
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
};

/** "volume 50 500" lines, in each key's canonical unit; "-" for an open bound. */
const paramsText = (params: Param[] = []) =>
  params.map((p) => `${p.key} ${p.min ?? "-"} ${p.max ?? "-"}`).join("\n");
const parseParams = (text: string): Param[] =>
  text
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 3)
    .map(([key, min, max]) => ({
      key,
      min: min === "-" ? null : Number(min),
      max: max === "-" ? null : Number(max),
    }));

export function EquipmentEditor({
  existing,
  params,
  unitsHint,
  timeZone,
}: {
  existing?: Existing;
  params?: Param[];
  unitsHint: string;
  /** The facility's time zone: the calibration date is one of its days. */
  timeZone: string;
}) {
  const t = useTranslations("manage");
  const trpc = useTRPC();
  const callbacks = useSaveCallbacks();
  const update = useMutation(trpc.equipment.update.mutationOptions(callbacks));
  const create = useMutation(trpc.equipment.create.mutationOptions(callbacks));
  const prefix = existing ? `eq-${existing.id}` : "eq-new";
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
      params: parseParams(f.params ?? "") as never,
    };
    if (existing)
      update.mutate({
        id: existing.id,
        version: existing.version,
        ...common,
        status: f.status as "operational",
      });
    else create.mutate({ name: f.name, category: f.category, ...common });
  }
  const field = (name: string, label: string, node: React.ReactNode) => (
    <label htmlFor={`${prefix}-${name}`} className="block text-xs">
      {label}
      {node}
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
            <input id={`${prefix}-name`} name="name" required className={inputClass} />,
          )}
          {field(
            "category",
            t("category"),
            <input
              id={`${prefix}-category`}
              name="category"
              required
              pattern="[a-z0-9_]+"
              placeholder="spray_dryer"
              className={inputClass}
            />,
          )}
        </>
      )}
      {field(
        "units",
        t("units"),
        <input
          id={`${prefix}-units`}
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
          name="rate"
          type="number"
          min={0}
          step="0.01"
          defaultValue={cny(existing?.hourlyRateFen)}
          required
          className={inputClass}
        />,
      )}
      {field(
        "calibration",
        t("calibration"),
        <input
          id={`${prefix}-calibration`}
          name="calibration"
          type="date"
          defaultValue={dayInput(existing?.calibrationDueAt, timeZone)}
          className={inputClass}
        />,
      )}
      {existing &&
        field(
          "status",
          t("status"),
          <select
            id={`${prefix}-status`}
            name="status"
            defaultValue={existing.status}
            className={inputClass}
          >
            {["operational", "maintenance", "retired"].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>,
        )}
      <label htmlFor={`${prefix}-params`} className="block text-xs sm:col-span-4">
        {t("params")}
        <textarea
          id={`${prefix}-params`}
          name="params"
          rows={3}
          defaultValue={paramsText(params)}
          aria-describedby={`${prefix}-params-hint`}
          className={`${inputClass} font-mono`}
        />
        <span id={`${prefix}-params-hint`} className="text-slate-600">
          {unitsHint}
        </span>
      </label>
      <FormErrors errors={callbacks.errors} />
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

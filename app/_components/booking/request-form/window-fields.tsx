"use client";
// When the work may happen: the earliest start and deadline (days), the hours and units needed.
import { useTranslations } from "next-intl";
import { FormField, describedBy, inputClass } from "../../form-field";
import type { Window } from "./read-need";

export function WindowFields(p: {
  errors: Record<string, string>;
  value: Window;
  onChange: (w: Window) => void;
  maxUnits: number;
}) {
  const t = useTranslations("requestForm");
  const f = (id: string) => describedBy(id, p.errors[id]);
  const set = (change: Partial<Window>) => p.onChange({ ...p.value, ...change });
  return (
    <div className="grid gap-4 sm:grid-cols-4">
      <FormField id="earliestStart" label={t("earliestStart")} error={p.errors.earliestStart}>
        <input
          {...f("earliestStart")}
          type="date"
          value={p.value.earliest}
          onChange={(e) => set({ earliest: e.target.value })}
          className={inputClass}
        />
      </FormField>
      <FormField id="deadline" label={t("deadline")} error={p.errors.deadline}>
        <input
          {...f("deadline")}
          type="date"
          value={p.value.deadline}
          onChange={(e) => set({ deadline: e.target.value })}
          className={inputClass}
        />
      </FormField>
      <FormField id="hours" label={t("hours")} error={p.errors.hours}>
        <input
          {...f("hours")}
          type="number"
          min={1}
          max={720}
          value={p.value.hours}
          onChange={(e) => set({ hours: Number(e.target.value) })}
          className={inputClass}
        />
      </FormField>
      <FormField id="units" label={t("units")} error={p.errors.units}>
        <input
          {...f("units")}
          type="number"
          min={1}
          max={p.maxUnits}
          value={p.value.units}
          onChange={(e) => set({ units: Number(e.target.value) })}
          className={inputClass}
        />
      </FormField>
    </div>
  );
}

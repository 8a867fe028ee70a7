"use client";
// The department's evaluation controls: the year's settings (benchmark, weights, scope), running
// the evaluation, and counting an equipment in or leaving it out.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { indicators, type Indicator } from "@/db/reference/evaluation-defaults";
import { inputClass } from "../form-field";
import { FormErrors } from "../operations/form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "../vouchers/use-outcome";

const primary =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60";

export function EvaluationSettingsForm(p: {
  year: number;
  benchmarkHours: number;
  weights: Record<Indicator, number>;
  scope: "large" | "all";
}) {
  const t = useTranslations("evaluation");
  const { errors, callbacks, trpc } = useOutcome();
  const save = useMutation(trpc.evaluation.saveSettings.mutationOptions(callbacks(t("saved"))));
  const [weights, setWeights] = useState(p.weights);
  const total = indicators.reduce((s, k) => s + (Number(weights[k]) || 0), 0);
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="evaluation-settings"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        save.mutate({
          year: p.year,
          benchmarkHours: Number(f.get("benchmarkHours")),
          scope: String(f.get("scope")) as "large",
          weights: Object.fromEntries(
            indicators.map((k) => [k, Number(f.get(`weight-${k}`))]),
          ) as Record<Indicator, number>,
        });
      }}
    >
      <h2 className="font-medium">{t("settings", { year: p.year })}</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="benchmark" className="block text-xs font-medium">
            {t("benchmark")}
          </label>
          <input
            id="benchmark"
            name="benchmarkHours"
            type="number"
            min={1}
            defaultValue={p.benchmarkHours}
            className={inputClass}
            aria-describedby="benchmark-help"
          />
          <p id="benchmark-help" className="mt-1 text-xs text-slate-600">
            {t("benchmarkHelp")}
          </p>
        </div>
        <div>
          <label htmlFor="scope" className="block text-xs font-medium">
            {t("scope")}
          </label>
          <select id="scope" name="scope" defaultValue={p.scope} className={inputClass}>
            <option value="large">{t("scopeLarge")}</option>
            <option value="all">{t("scopeAll")}</option>
          </select>
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-xs font-medium">
          {t("weights")} ·{" "}
          <span className={total === 100 ? "text-emerald-800" : "text-red-700"} aria-live="polite">
            {t("weightsTotal", { total })}
          </span>
        </legend>
        {indicators.map((k) => (
          <div key={k} className="grid items-start gap-2 sm:grid-cols-[10rem_6rem_1fr]">
            <label htmlFor={`weight-${k}`} className="text-sm">
              {t(`indicator.${k}`)}
            </label>
            <input
              id={`weight-${k}`}
              name={`weight-${k}`}
              type="number"
              min={0}
              max={100}
              value={weights[k]}
              onChange={(e) => setWeights({ ...weights, [k]: Number(e.target.value) })}
              className={inputClass}
              aria-describedby={`weight-${k}-help`}
            />
            <p id={`weight-${k}-help`} className="text-xs text-slate-600">
              {t(`explain.${k}`)}
            </p>
          </div>
        ))}
      </fieldset>
      <FormErrors errors={errors} />
      <button type="submit" disabled={save.isPending} className={primary}>
        {t("save")}
      </button>
    </form>
  );
}

export function RunEvaluationButton(p: { year: number }) {
  const t = useTranslations("evaluation");
  const { callbacks, trpc } = useOutcome();
  const run = useMutation(trpc.evaluation.run.mutationOptions(callbacks(t("ran"))));
  return (
    <button
      type="button"
      className={primary}
      disabled={run.isPending}
      data-testid="run-evaluation"
      onClick={() => run.mutate({ year: p.year })}
    >
      {run.isPending ? t("running") : t("run", { year: p.year })}
    </button>
  );
}

export function ExcludeButton(p: { year: number; equipmentId: number; excluded: boolean }) {
  const t = useTranslations("evaluation");
  const { callbacks, trpc } = useOutcome();
  const set = useMutation(
    trpc.evaluation.setExcluded.mutationOptions(
      callbacks(p.excluded ? t("countedAgain") : t("leftOut")),
    ),
  );
  return (
    <button
      type="button"
      className={secondary}
      disabled={set.isPending}
      onClick={() =>
        set.mutate({ year: p.year, equipmentId: p.equipmentId, excluded: !p.excluded })
      }
    >
      {p.excluded ? t("countAgain") : t("leaveOut")}
    </button>
  );
}

"use client";
// The facility receives a sample against a request and records what happens to it next: moved,
// split into sub-samples, consumed, returned to the firm or disposed of.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { sampleHazards, sampleStepKinds } from "@/db/schema/enums";
import { inputClass } from "../form-field";
import { FormErrors } from "../operations/form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "../vouchers/use-outcome";

const button =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";

function Field(p: { id: string; label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={p.className}>
      <label htmlFor={p.id} className="block text-xs font-medium">
        {p.label}
      </label>
      {p.children}
    </div>
  );
}

/** "samples.0.quantity" and "parts.1.location" read as the form labels them. */
function useLabelOf() {
  const t = useTranslations("samples");
  return (field: string) => {
    const last = field.split(".").at(-1)!;
    return t.has(`label.${last}` as never) ? t(`label.${last}` as never) : field;
  };
}

export function ReceiveSampleForm({ requestId }: { requestId: number }) {
  const t = useTranslations("samples");
  const labelOf = useLabelOf();
  const { errors, callbacks, trpc } = useOutcome();
  const receive = useMutation(trpc.sample.receive.mutationOptions(callbacks(t("received"))));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-2 rounded-md border border-slate-200 p-3"
      data-testid="receive-sample-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        const text = (k: string) => String(f.get(k) ?? "");
        receive.mutate(
          {
            requestId,
            samples: [
              {
                description: text("description"),
                quantity: Number(text("quantity")),
                unit: text("unit"),
                condition: text("condition"),
                location: text("location"),
                hazard: text("hazard") as (typeof sampleHazards)[number],
                retainDays: Number(text("retainDays")),
              },
            ],
          },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <h3 className="text-sm font-medium">{t("receiveTitle")}</h3>
      <div className="grid gap-2 sm:grid-cols-6">
        <Field id="sample-description" label={t("label.description")} className="sm:col-span-4">
          <input id="sample-description" name="description" className={inputClass} />
        </Field>
        <Field id="sample-quantity" label={t("label.quantity")}>
          <input
            id="sample-quantity"
            name="quantity"
            type="number"
            min={1}
            defaultValue={1}
            className={inputClass}
          />
        </Field>
        <Field id="sample-unit" label={t("label.unit")}>
          <input
            id="sample-unit"
            name="unit"
            defaultValue={t("defaultUnit")}
            className={inputClass}
          />
        </Field>
        <Field id="sample-condition" label={t("label.condition")} className="sm:col-span-3">
          <input id="sample-condition" name="condition" className={inputClass} />
        </Field>
        <Field id="sample-location" label={t("label.location")} className="sm:col-span-3">
          <input id="sample-location" name="location" className={inputClass} />
        </Field>
        <Field id="sample-hazard" label={t("label.hazard")} className="sm:col-span-3">
          <select id="sample-hazard" name="hazard" defaultValue="none" className={inputClass}>
            {sampleHazards.map((h) => (
              <option key={h} value={h}>
                {t(`hazard.${h}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="sample-retain" label={t("label.retainDays")} className="sm:col-span-3">
          <input
            id="sample-retain"
            name="retainDays"
            type="number"
            min={1}
            defaultValue={90}
            className={inputClass}
          />
        </Field>
      </div>
      <FormErrors errors={errors} labelOf={labelOf} />
      <button type="submit" className={button} disabled={receive.isPending} data-testid="receive">
        {t("receive")}
      </button>
    </form>
  );
}

type Part = { description: string; quantity: string; location: string };
/** The steps after receipt. */
const stepKinds = sampleStepKinds.filter((k) => k !== "received") as Exclude<
  (typeof sampleStepKinds)[number],
  "received"
>[];

export function SampleStepForm({ sampleId, code }: { sampleId: number; code: string }) {
  const t = useTranslations("samples");
  const labelOf = useLabelOf();
  const { errors, callbacks, trpc } = useOutcome();
  const [kind, setKind] = useState<(typeof stepKinds)[number]>("moved");
  const [parts, setParts] = useState<Part[]>(() => [
    { description: "", quantity: "1", location: "" },
    { description: "", quantity: "1", location: "" },
  ]);
  const step = useMutation(trpc.sample.step.mutationOptions(callbacks(t("stepRecorded"))));
  const id = (s: string) => `step-${sampleId}-${s}`;
  const setPart = (i: number, key: keyof Part, value: string) =>
    setParts((list) => list.map((p, k) => (k === i ? { ...p, [key]: value } : p)));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-2"
      data-testid="sample-step-form"
      aria-label={t("stepFormLabel", { code })}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const note = String(f.get("note") ?? "");
        if (kind === "moved")
          step.mutate({ sampleId, kind, location: String(f.get("location") ?? ""), note });
        else if (kind === "split")
          step.mutate({
            sampleId,
            kind,
            note,
            parts: parts.map((p) => ({ ...p, quantity: Number(p.quantity) })),
          });
        else step.mutate({ sampleId, kind, note });
      }}
    >
      <div className="grid gap-2 sm:grid-cols-3">
        <Field id={id("kind")} label={t("label.kind")}>
          <select
            id={id("kind")}
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as (typeof stepKinds)[number])}
            className={inputClass}
          >
            {stepKinds.map((k) => (
              <option key={k} value={k}>
                {t(`stepAction.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {kind === "moved" && (
          <Field id={id("location")} label={t("label.newLocation")}>
            <input id={id("location")} name="location" className={inputClass} />
          </Field>
        )}
        <Field id={id("note")} label={t("label.note")}>
          <input id={id("note")} name="note" className={inputClass} />
        </Field>
      </div>
      {kind === "split" && (
        <fieldset className="space-y-2">
          <legend className="text-xs font-medium">{t("parts")}</legend>
          {parts.map((p, i) => (
            <div key={i} className="grid gap-2 sm:grid-cols-6">
              <Field
                id={id(`part-${i}-d`)}
                label={t("partDescription", { n: i + 1 })}
                className="sm:col-span-3"
              >
                <input
                  id={id(`part-${i}-d`)}
                  name={`parts.${i}.description`}
                  value={p.description}
                  onChange={(e) => setPart(i, "description", e.target.value)}
                  className={inputClass}
                />
              </Field>
              <Field id={id(`part-${i}-q`)} label={t("label.quantity")}>
                <input
                  id={id(`part-${i}-q`)}
                  name={`parts.${i}.quantity`}
                  type="number"
                  min={1}
                  value={p.quantity}
                  onChange={(e) => setPart(i, "quantity", e.target.value)}
                  className={inputClass}
                />
              </Field>
              <Field id={id(`part-${i}-l`)} label={t("label.location")} className="sm:col-span-2">
                <input
                  id={id(`part-${i}-l`)}
                  name={`parts.${i}.location`}
                  value={p.location}
                  onChange={(e) => setPart(i, "location", e.target.value)}
                  className={inputClass}
                />
              </Field>
            </div>
          ))}
          <button
            type="button"
            className="text-xs text-brand-700 underline"
            onClick={() =>
              setParts((list) => [...list, { description: "", quantity: "1", location: "" }])
            }
          >
            {t("addPart")}
          </button>
        </fieldset>
      )}
      <FormErrors errors={errors} labelOf={labelOf} />
      <button type="submit" className={button} disabled={step.isPending} data-testid="record-step">
        {t("recordStep")}
      </button>
    </form>
  );
}

"use client";
// The firm's request form: for an equipment item, a service, or the hub. Validated with the
// same schema as the API; files are uploaded once the request exists.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { serviceTypes } from "@/db/schema/enums";
import { parameterKeys, type ParameterKey } from "@/db/reference/parameters";
import { submitRequestInput } from "@/server/services/booking/inputs";
import { useTRPC } from "../../_trpc/client";
import { FormField, describedBy, inputClass } from "../form-field";
import { useToast } from "../toaster";
import { SlotPicker, formatSlot } from "./slot-picker";
import { uploadFile } from "./upload-file";
import { useRefusalText } from "../refusal-text";

type Props = {
  equipment: { id: number; name: string; units: number; minHours: number } | null;
  service: { id: number; name: string; type: string } | null;
  facilityName: string | null;
  serviceTypeLabels: Record<string, string>;
  paramLabels: Record<string, string>;
};

const day = (offset: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

export function NewRequestForm(p: Props) {
  const t = useTranslations("requestForm");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refusals = useRefusalText();
  const [openedAt] = useState(() => Date.now());
  const submit = useMutation(trpc.request.submit.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [earliest, setEarliest] = useState(day(2));
  const [deadline, setDeadline] = useState(day(30));
  const [hours, setHours] = useState(p.equipment?.minHours ?? 8);
  const [units, setUnits] = useState(1);
  const [busy, setBusy] = useState(false);
  // "Ask the hub": live suggestions the firm may pick, sending the request to that facility.
  const [ask, setAsk] = useState<Parameters<typeof trpc.hub.matches.queryOptions>[0] | null>(null);
  const [target, setTarget] = useState<{
    equipmentId: number;
    serviceId: number;
    label: string;
  } | null>(null);
  const suggestions = useQuery({
    ...trpc.hub.matches.queryOptions(ask ?? ({} as never)),
    enabled: ask !== null,
  });
  const f = (id: string) => describedBy(id, errors[id]);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const v = (k: string) => String(form.get(k) ?? "").trim();
    const params = [0, 1, 2]
      .map((i) => ({ key: v(`pk${i}`), min: v(`pmin${i}`), max: v(`pmax${i}`), unit: v(`pu${i}`) }))
      .filter((r) => r.key && (r.min || r.max))
      .map((r) => ({
        key: r.key,
        unit: r.unit || parameterKeys[r.key as ParameterKey].unit,
        ...(r.min ? { min: r.min } : {}),
        ...(r.max ? { max: r.max } : {}),
      }));
    const slot = v("preferred");
    const input = {
      title: v("title"),
      serviceType: v("serviceType"),
      ...(p.equipment
        ? { equipmentId: p.equipment.id }
        : target
          ? { equipmentId: target.equipmentId }
          : {}),
      ...(p.service ? { serviceId: p.service.id } : target ? { serviceId: target.serviceId } : {}),
      description: v("description"),
      sampleDetails: v("sampleDetails"),
      ...(v("quantity") ? { quantity: v("quantity") } : {}),
      ...(v("hazardClass") ? { hazardClass: v("hazardClass") } : {}),
      ...(v("standard") ? { standard: v("standard") } : {}),
      requiredParams: params,
      earliestStart: earliest,
      deadline,
      hours,
      units,
      ...(slot ? { preferredStart: Number(slot.split("-")[0]) } : {}),
    };
    const local = submitRequestInput.safeParse(input);
    if (!local.success) {
      setErrors(refusals.issues(local.error.issues));
      toast("error", t("fixErrors"));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await submit.mutateAsync(input as never);
      const files = (form.getAll("files") as File[]).filter((x) => x.size > 0);
      for (const file of files) {
        const error = await uploadFile(created.id, file);
        if (error)
          toast("error", t("uploadFailed", { file: file.name, message: refusals.message(error) }));
      }
      toast(
        "success",
        created.status === "confirmed"
          ? t("confirmed", { ref: created.ref })
          : t("submitted", { ref: created.ref }),
      );
      router.push(`/requests/${created.id}`);
    } catch (error) {
      setErrors(refusals.fields(error));
      toast("error", refusals.message(error));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="new-request-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <FormField id="title" label={t("requestTitle")} error={errors.title}>
            <input {...f("title")} className={inputClass} required />
          </FormField>
        </div>
        <FormField id="serviceType" label={t("serviceType")} error={errors.serviceType}>
          <select
            {...f("serviceType")}
            defaultValue={p.service?.type ?? "testing"}
            className={inputClass}
          >
            {serviceTypes.map((s) => (
              <option key={s} value={s}>
                {p.serviceTypeLabels[s]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="standard" label={t("standard")} error={errors.standard}>
          <input {...f("standard")} placeholder="GB/T 2423.1-2008" className={inputClass} />
        </FormField>
        <div className="sm:col-span-2">
          <FormField id="description" label={t("description")} error={errors.description}>
            <textarea {...f("description")} rows={3} className={inputClass} />
          </FormField>
        </div>
        <FormField id="sampleDetails" label={t("sample")} error={errors.sampleDetails}>
          <input {...f("sampleDetails")} className={inputClass} />
        </FormField>
        <div className="grid grid-cols-2 gap-2">
          <FormField id="quantity" label={t("quantity")} error={errors.quantity}>
            <input {...f("quantity")} className={inputClass} />
          </FormField>
          <FormField id="hazardClass" label={t("hazard")} error={errors.hazardClass}>
            <input {...f("hazardClass")} className={inputClass} />
          </FormField>
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("params")}</legend>
        {[0, 1, 2].map((i) => (
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
              aria-label="min"
              placeholder="≥"
              inputMode="decimal"
              className={inputClass}
            />
            <input
              name={`pmax${i}`}
              aria-label="max"
              placeholder="≤"
              inputMode="decimal"
              className={inputClass}
            />
            <input
              name={`pu${i}`}
              aria-label="unit"
              placeholder="L, °C, bar…"
              className={inputClass}
            />
          </div>
        ))}
        {Object.entries(errors)
          .filter(([k]) => k.startsWith("requiredParams"))
          .map(([k, m]) => (
            <p key={k} className="text-xs text-red-700">
              {k}: {m}
            </p>
          ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-4">
        <FormField id="earliestStart" label={t("earliestStart")} error={errors.earliestStart}>
          <input
            {...f("earliestStart")}
            type="date"
            value={earliest}
            onChange={(e) => setEarliest(e.target.value)}
            className={inputClass}
          />
        </FormField>
        <FormField id="deadline" label={t("deadline")} error={errors.deadline}>
          <input
            {...f("deadline")}
            type="date"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            className={inputClass}
          />
        </FormField>
        <FormField id="hours" label={t("hours")} error={errors.hours}>
          <input
            {...f("hours")}
            type="number"
            min={1}
            max={720}
            value={hours}
            onChange={(e) => setHours(Number(e.target.value))}
            className={inputClass}
          />
        </FormField>
        <FormField id="units" label={t("units")} error={errors.units}>
          <input
            {...f("units")}
            type="number"
            min={1}
            max={p.equipment?.units ?? 50}
            value={units}
            onChange={(e) => setUnits(Number(e.target.value))}
            className={inputClass}
          />
        </FormField>
      </div>
      {p.equipment && (
        <FormField id="preferred" label={t("preferred")} error={errors.preferredStart}>
          <SlotPicker
            id="preferred"
            name="preferred"
            equipmentId={p.equipment.id}
            from={Date.parse(`${earliest}T00:00:00+08:00`) || openedAt}
            to={Date.parse(`${deadline}T00:00:00+08:00`) || openedAt}
            hours={hours}
            units={units}
            allowNone
          />
        </FormField>
      )}
      {!p.equipment && !p.service && (
        <section
          className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3"
          data-testid="hub-suggestions"
        >
          <button
            type="button"
            className="rounded-md border border-brand-600 bg-white px-3 py-1.5 text-sm text-brand-700"
            onClick={(e) => {
              const form = new FormData(e.currentTarget.form!);
              const v = (k: string) => String(form.get(k) ?? "").trim();
              const requiredParams = [0, 1, 2]
                .map((i) => ({
                  key: v(`pk${i}`),
                  min: v(`pmin${i}`),
                  max: v(`pmax${i}`),
                  unit: v(`pu${i}`),
                }))
                .filter((r) => r.key && (r.min || r.max))
                .map((r) => ({
                  key: r.key,
                  unit: r.unit || parameterKeys[r.key as ParameterKey].unit,
                  ...(r.min ? { min: Number(r.min) } : {}),
                  ...(r.max ? { max: Number(r.max) } : {}),
                }));
              setAsk({
                serviceType: v("serviceType") as "testing",
                requiredParams,
                earliestStart: earliest,
                deadline,
                hours,
                units,
                limit: 5,
              });
            }}
          >
            {t("findFacilities")}
          </button>
          {suggestions.isFetching && <p className="text-sm">{t("slotsLoading")}</p>}
          {suggestions.error && (
            <p className="text-sm text-red-700">{refusals.message(suggestions.error)}</p>
          )}
          {suggestions.data && suggestions.data.candidates.length === 0 && (
            <p className="text-sm">{t("noSuggestions")}</p>
          )}
          <ul className="space-y-1">
            {suggestions.data?.candidates.map((c) => (
              <li
                key={c.equipment.id}
                className="flex flex-wrap items-center justify-between gap-2 rounded bg-white p-2 text-sm"
              >
                <span>
                  {c.facility.nameEn} · {c.equipment.name} · {c.slot ? formatSlot(c.slot) : ""} · ¥
                  {(c.priceFen / 100).toLocaleString()}
                  <span className="block text-xs text-slate-500">
                    {c.checks
                      .filter((x) => x.met)
                      .map((x) => `✓ ${x.requirement}`)
                      .join(" ")}
                  </span>
                </span>
                <button
                  type="button"
                  className="rounded-md bg-brand-600 px-2 py-1 text-xs text-white"
                  onClick={() =>
                    setTarget({
                      equipmentId: c.equipment.id,
                      serviceId: c.service.id,
                      label: `${c.facility.nameEn} · ${c.equipment.name}`,
                    })
                  }
                >
                  {t("pick")}
                </button>
              </li>
            ))}
          </ul>
          <p className="text-sm" data-testid="hub-target">
            {target ? t("sendingTo", { target: target.label }) : t("sendingToHub")}
            {target && (
              <button
                type="button"
                className="ml-2 text-xs underline"
                onClick={() => setTarget(null)}
              >
                {t("sendToHubInstead")}
              </button>
            )}
          </p>
        </section>
      )}
      <FormField id="files" label={t("files")} hint={t("filesHint")} error={errors.files}>
        <input
          id="files"
          name="files"
          type="file"
          multiple
          accept=".pdf,.png,.jpg,.jpeg,.xlsx,.docx,.csv"
          aria-describedby="files-hint"
          className="mt-1 block text-sm"
        />
      </FormField>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {busy ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

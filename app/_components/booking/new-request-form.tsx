"use client";
// The firm's request form: for an equipment item, a service, or the hub. Validated with the
// same schema as the API; files are uploaded once the request exists.
import { FilePicker } from "../file-picker";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { localDateKey } from "@/server/services/scheduling/local-time";
import { submitRequestInput } from "@/server/services/booking/inputs";
import { useTRPC } from "../../_trpc/client";
import { FormField } from "../form-field";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";
import { SlotPicker } from "./slot-picker";
import { keepEnterFromSubmitting } from "../enter-key";
import { uploadFile } from "./upload-file";
import { DetailFields, ParamRows } from "./request-form/detail-fields";
import { WindowFields } from "./request-form/window-fields";
import { HubSuggestions, type HubTarget } from "./request-form/hub-suggestions";
import { CostEstimate } from "./request-form/cost-estimate";
import type { Fees } from "@/server/services/registry/fee-columns";
import { readParams, windowInput, type Window } from "./request-form/read-need";

type Props = {
  equipment: { id: number; name: string; units: number; minHours: number } | null;
  service: { id: number; name: string; type: string } | null;
  facilityName: string | null;
  serviceTypeLabels: Record<string, string>;
  paramLabels: Record<string, string>;
  /** The facility's time zone (the network's for the hub): the chosen days are its days. */
  timeZone: string;
  /** A start picked on the equipment's calendar: the slot is kept visible and selected. */
  pickedStart?: number | null;
  /** The length picked with it, in hours (else the equipment's shortest use). */
  pickedHours?: number | null;
  /** For "Ask the hub": the catalogue's kinds of equipment, labelled in the reader's language. */
  categories: { value: string; label: string }[];
  /** The published fee schedule that applies (the service's, or the equipment's hourly rate). */
  fees: Fees | null;
  firmSize: string | null;
};

const DAY = 86_400_000;

/** The API input of the form as filled in. */
function readRequest(form: FormData, p: Props, target: HubTarget | null, w: Window) {
  const v = (k: string) => String(form.get(k) ?? "").trim();
  const optional = (k: string) => (v(k) ? { [k]: v(k) } : {});
  const chosen = p.equipment
    ? { equipmentId: p.equipment.id }
    : target
      ? { equipmentId: target.equipmentId, serviceId: target.serviceId }
      : {};
  const slot = v("preferred");
  return {
    title: v("title"),
    serviceType: v("serviceType"),
    ...chosen,
    ...(p.service ? { serviceId: p.service.id } : {}),
    description: v("description"),
    sampleDetails: v("sampleDetails"),
    ...optional("quantity"),
    ...optional("hazardClass"),
    ...optional("standard"),
    ...optional("equipmentCategory"),
    requiredParams: readParams(form),
    ...windowInput(w, p.timeZone),
    ...(slot ? { preferredStart: Number(slot.split("-")[0]) } : {}),
  };
}

/**
 * Submitting: the schema checked in the browser first, then the request, then its files; field
 * refusals come back for the form to show beside each field.
 */
function useSubmitRequest() {
  const t = useTranslations("requestForm");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refusals = useRefusalText();
  const submit = useMutation(trpc.request.submit.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function send(form: FormData, input: ReturnType<typeof readRequest>) {
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
        const saved = await uploadFile(created.id, file);
        if ("error" in saved)
          toast(
            "error",
            t("uploadFailed", { file: file.name, message: refusals.message(saved.error) }),
          );
      }
      const done = created.status === "confirmed" ? "confirmed" : "submitted";
      toast("success", t(done, { ref: created.ref }));
      router.push(`/requests/${created.id}`);
    } catch (error) {
      setErrors(refusals.fields(error));
      toast("error", refusals.message(error));
      setBusy(false);
    }
  }
  return { errors, busy, send };
}

export function NewRequestForm(p: Props) {
  const t = useTranslations("requestForm");
  const { errors, busy, send } = useSubmitRequest();
  const [need, setNeed] = useState<Window>(() => {
    const from = p.pickedStart ?? Date.now() + 2 * DAY;
    const day = (at: number) => localDateKey(at, p.timeZone);
    return {
      earliest: day(from),
      deadline: day(from + 28 * DAY),
      hours: p.pickedHours ?? p.equipment?.minHours ?? 8,
      units: 1,
    };
  });
  const [target, setTarget] = useState<HubTarget | null>(null);
  const slotWindow = windowInput(need, p.timeZone);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void send(form, readRequest(form, p, target, need));
  }

  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={keepEnterFromSubmitting}
      noValidate
      className="space-y-5"
      data-testid="new-request-form"
    >
      <DetailFields
        errors={errors}
        serviceType={p.service?.type ?? "testing"}
        serviceTypeLabels={p.serviceTypeLabels}
      />
      {!p.equipment && !p.service && (
        <FormField
          id="equipmentCategory"
          label={t("category")}
          hint={t("categoryHint")}
          error={errors.equipmentCategory}
        >
          <select
            id="equipmentCategory"
            name="equipmentCategory"
            defaultValue=""
            aria-describedby="equipmentCategory-hint"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
          >
            <option value="">{t("anyCategory")}</option>
            {p.categories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <ParamRows errors={errors} paramLabels={p.paramLabels} />
      <WindowFields
        errors={errors}
        value={need}
        onChange={setNeed}
        maxUnits={p.equipment?.units ?? 50}
      />
      {p.equipment && (
        <FormField id="preferred" label={t("preferred")} error={errors.preferredStart}>
          <SlotPicker
            id="preferred"
            name="preferred"
            equipmentId={p.equipment.id}
            from={slotWindow.earliestStart}
            to={slotWindow.deadline}
            hours={need.hours}
            units={need.units}
            allowNone
            preferred={
              p.pickedStart
                ? { start: p.pickedStart, end: p.pickedStart + need.hours * 3_600_000 }
                : null
            }
            preferredIsMine
          />
        </FormField>
      )}
      {p.fees && (
        <CostEstimate fees={p.fees} firmSize={p.firmSize} hours={need.hours} units={need.units} />
      )}
      {!p.equipment && !p.service && (
        <HubSuggestions
          window={need}
          timeZone={p.timeZone}
          target={target}
          onTarget={setTarget}
          paramLabels={p.paramLabels}
          categoryLabels={Object.fromEntries(p.categories.map((c) => [c.value, c.label]))}
        />
      )}
      <FormField id="files" label={t("files")} hint={t("filesHint")} error={errors.files}>
        <FilePicker
          id="files"
          name="files"
          multiple
          accept=".pdf,.png,.jpg,.jpeg,.xlsx,.docx,.csv"
          describedBy="files-hint"
          choose={t("chooseFiles")}
          none={t("noFile")}
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

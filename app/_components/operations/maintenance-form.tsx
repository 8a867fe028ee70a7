"use client";
// Adds a maintenance window: one equipment or the whole facility, once or weekly, optionally
// cancelling the requests it meets; removes a window.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_trpc/client";
import { FormErrors } from "./form-errors";
import { parseLocal } from "@/server/services/scheduling/local-time";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";
import type { Refusal } from "@/server/i18n/render";
import { FormField, inputClass } from "../form-field";

export function MaintenanceForm({
  equipment,
  timeZone,
}: {
  equipment: { id: number; name: string }[];
  /** The facility's time zone: the window's local times are read in it. */
  timeZone: string;
}) {
  const toMs = (local: string) => (local ? parseLocal(local, timeZone) : NaN);
  const t = useTranslations("maintenance");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refusals = useRefusalText();
  const [affected, setAffected] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const callbacks = { errors };
  const create = useMutation(
    trpc.maintenance.create.mutationOptions({
      onSuccess: (r) => {
        setErrors({});
        toast(
          "success",
          r.cancelled.length
            ? t("createdCancelled", { count: r.cancelled.length })
            : t("created", { count: r.windows.length }),
        );
        setAffected(null);
        router.refresh();
      },
      onError: (e) => {
        // The requests in the way come as the list parameter of the "affected" refusal.
        const raw = (e.data as { fields?: Record<string, Refusal> | null } | undefined)?.fields;
        const list = raw?.affected?.params?.list;
        setAffected(typeof list === "string" ? list : null);
        const { affected: _affected, ...rest } = refusals.fields(e);
        setErrors(Object.keys(rest).length ? rest : list ? {} : { form: refusals.message(e) });
        toast("error", refusals.message(e));
      },
    }),
  );
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    create.mutate({
      ...(f.equipmentId ? { equipmentId: Number(f.equipmentId) } : {}),
      start: toMs(f.start),
      end: toMs(f.end),
      weeks: Number(f.weeks || 1),
      reason: f.reason ?? "",
      cancelAffected: f.cancelAffected === "on",
    });
  }
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="maintenance-form"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="mw-equipment" label={t("equipment")}>
          <select id="mw-equipment" name="equipmentId" className={inputClass} defaultValue="">
            <option value="">{t("wholeFacility")}</option>
            {equipment.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="mw-reason" label={t("reason")}>
          <input id="mw-reason" name="reason" required minLength={3} className={inputClass} />
        </FormField>
        <FormField id="mw-start" label={t("start")}>
          <input id="mw-start" name="start" type="datetime-local" required className={inputClass} />
        </FormField>
        <FormField id="mw-end" label={t("end")}>
          <input id="mw-end" name="end" type="datetime-local" required className={inputClass} />
        </FormField>
        <FormField id="mw-weeks" label={t("weeks")} hint={t("weeksHint")}>
          <input
            id="mw-weeks"
            name="weeks"
            type="number"
            min={1}
            max={52}
            defaultValue={1}
            aria-describedby="mw-weeks-hint"
            className={inputClass}
          />
        </FormField>
      </div>
      <FormErrors errors={callbacks.errors} />
      {affected && (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="maintenance-affected"
        >
          {t("affected")}: {affected}
        </p>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="cancelAffected" /> {t("cancelAffected")}
      </label>
      <button
        type="submit"
        disabled={create.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {t("add")}
      </button>
    </form>
  );
}

export function RemoveMaintenanceButton({ id }: { id: number }) {
  const t = useTranslations("maintenance");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refusals = useRefusalText();
  const remove = useMutation(
    trpc.maintenance.remove.mutationOptions({
      onSuccess: () => (toast("success", t("removed")), router.refresh()),
      onError: (e) => toast("error", refusals.message(e)),
    }),
  );
  return (
    <button
      type="button"
      onClick={() => remove.mutate({ id })}
      disabled={remove.isPending}
      className="text-sm text-red-700 underline"
    >
      {t("remove")}
    </button>
  );
}

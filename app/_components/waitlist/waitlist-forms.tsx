"use client";
// A firm joins the waitlist with its request (window, hours, units; the window's times are the
// facility's wall-clock times), or leaves it while still in line.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { localDateTimeKey, parseLocal } from "@/server/services/scheduling/local-time";
import { useTRPC } from "../../_trpc/client";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";
import { FormField, describedBy, inputClass } from "../form-field";

export function JoinWaitlistForm({
  requestId,
  defaults,
  timeZone,
}: {
  requestId: number;
  defaults: { windowStart: number; windowEnd: number; hours: number; units: number };
  timeZone: string;
}) {
  const t = useTranslations("waitlist");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refusals = useRefusalText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const join = useMutation(
    trpc.waitlist.join.mutationOptions({
      onSuccess: () => {
        setErrors({});
        toast("success", t("joined"));
        router.refresh();
      },
      onError: (e) => {
        const fields = refusals.fields(e);
        setErrors(fields);
        toast("error", refusals.message(e));
      },
    }),
  );
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const toMs = (local: string) => (local ? parseLocal(local, timeZone) : NaN);
    join.mutate({
      requestId,
      windowStart: toMs(f["wl-start"]),
      windowEnd: toMs(f["wl-end"]),
      hours: Number(f["wl-hours"]),
      units: Number(f["wl-units"]),
    });
  }
  const field = (id: string, key: string, label: string, input: React.ReactNode) => (
    <FormField id={id} label={label} error={errors[key]}>
      {input}
    </FormField>
  );
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="waitlist-join" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        {field(
          "wl-start",
          "windowStart",
          t("windowStart"),
          <input
            {...describedBy("wl-start", errors.windowStart)}
            type="datetime-local"
            required
            defaultValue={localDateTimeKey(defaults.windowStart, timeZone)}
            className={inputClass}
          />,
        )}
        {field(
          "wl-end",
          "windowEnd",
          t("windowEnd"),
          <input
            {...describedBy("wl-end", errors.windowEnd)}
            type="datetime-local"
            required
            defaultValue={localDateTimeKey(defaults.windowEnd, timeZone)}
            className={inputClass}
          />,
        )}
        {field(
          "wl-hours",
          "hours",
          t("hours"),
          <input
            {...describedBy("wl-hours", errors.hours)}
            type="number"
            min={1}
            max={720}
            required
            defaultValue={defaults.hours}
            className={inputClass}
          />,
        )}
        {field(
          "wl-units",
          "units",
          t("units"),
          <input
            {...describedBy("wl-units", errors.units)}
            type="number"
            min={1}
            max={50}
            required
            defaultValue={defaults.units}
            className={inputClass}
          />,
        )}
      </div>
      <button
        type="submit"
        disabled={join.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {join.isPending ? t("joining") : t("join")}
      </button>
    </form>
  );
}

export function LeaveWaitlistButton({ entryId }: { entryId: number }) {
  const t = useTranslations("waitlist");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refusals = useRefusalText();
  const leave = useMutation(
    trpc.waitlist.leave.mutationOptions({
      onSuccess: () => (toast("success", t("left")), router.refresh()),
      onError: (e) => toast("error", refusals.message(e)),
    }),
  );
  return (
    <button
      type="button"
      onClick={() => leave.mutate({ entryId })}
      disabled={leave.isPending}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60"
      data-testid="waitlist-leave"
    >
      {t("leave")}
    </button>
  );
}

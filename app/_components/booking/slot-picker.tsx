"use client";
// Feasible slots of an equipment for a given length and units, from the public availability.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { candidateSlots } from "@/server/services/scheduling/free-intervals";
import { useTRPC } from "../../_trpc/client";

const formats = new Map<string, [Intl.DateTimeFormat, Intl.DateTimeFormat]>();

/** "Mon 12/07 09:00 – 13:00": a slot in the facility's time zone, in the reader's language. */
export function formatSlot(s: { start: number; end: number }, timeZone: string, locale: string) {
  const key = `${timeZone}|${locale}`;
  let pair = formats.get(key);
  if (!pair) {
    const time = { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
    pair = [
      new Intl.DateTimeFormat(locale, {
        ...time,
        month: "2-digit",
        day: "2-digit",
        weekday: "short",
      }),
      new Intl.DateTimeFormat(locale, time),
    ];
    formats.set(key, pair);
  }
  return `${pair[0].format(new Date(s.start))} – ${pair[1].format(new Date(s.end))}`;
}

export function SlotPicker(props: {
  id: string;
  name: string;
  equipmentId: number | null;
  from: number;
  to: number;
  hours: number;
  units: number;
  allowNone?: boolean;
  noneLabel?: string;
}) {
  const t = useTranslations("requestForm");
  const locale = useLocale();
  const trpc = useTRPC();
  const [openedAt] = useState(() => Date.now());
  // Rounded to the hour so that the query key stays stable across renders.
  const from = Math.max(props.from, Math.floor(openedAt / 3_600_000) * 3_600_000);
  const to = Math.min(Math.max(props.to, from + 3_600_000), from + 365 * 86_400_000);
  const enabled = props.equipmentId !== null && props.hours > 0 && to > from;
  const availability = useQuery({
    ...trpc.equipment.availability.queryOptions({ equipmentId: props.equipmentId ?? 0, from, to }),
    enabled,
  });
  const slots = availability.data
    ? candidateSlots(availability.data.intervals, props.hours, props.units)
    : [];
  return (
    <select
      id={props.id}
      name={props.name}
      className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
      aria-busy={availability.isLoading}
      data-testid={`${props.id}-picker`}
    >
      {props.allowNone && <option value="">{props.noneLabel ?? t("noPreference")}</option>}
      {availability.isLoading && <option disabled>{t("slotsLoading")}</option>}
      {availability.data && slots.length === 0 && <option disabled>{t("noSlots")}</option>}
      {slots.map((s) => (
        <option key={s.start} value={`${s.start}-${s.end}`}>
          {formatSlot(s, availability.data!.timeZone, locale)}
        </option>
      ))}
    </select>
  );
}

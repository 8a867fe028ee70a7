"use client";
// Feasible slots of an equipment for a given length and units, from the public availability.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { candidateSlots, slotIsFree } from "@/server/services/scheduling/free-intervals";
import { useTRPC } from "../../_trpc/client";
import { formatSlot } from "../format-slot";

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
  /** The slot the firm chose: selected when still free, otherwise named as taken. */
  preferred?: { start: number; end: number } | null;
  /** The reader picked it (the firm's own form), rather than the firm (the operator's form). */
  preferredIsMine?: boolean;
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
  const data = availability.data;
  const candidates = data ? candidateSlots(data.intervals, props.hours, props.units) : [];
  const preferred = props.preferred ?? null;
  const preferredFree =
    data && preferred ? slotIsFree(data.intervals, preferred, props.units) : null;
  const slots =
    preferred && preferredFree && !candidates.some((s) => s.start === preferred.start)
      ? [preferred, ...candidates]
      : candidates;
  const mine = props.preferredIsMine === true;
  const chosen = preferred && preferredFree ? `${preferred.start}-${preferred.end}` : undefined;
  return (
    <>
      <select
        // Re-mounted when the slots arrive, so that the firm's choice is the selected option.
        key={`${props.equipmentId}-${availability.dataUpdatedAt}`}
        id={props.id}
        name={props.name}
        defaultValue={chosen}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
        aria-busy={availability.isLoading}
        aria-describedby={preferred && data ? `${props.id}-preferred` : undefined}
        data-testid={`${props.id}-picker`}
      >
        {props.allowNone && <option value="">{props.noneLabel ?? t("noPreference")}</option>}
        {availability.isLoading && <option disabled>{t("slotsLoading")}</option>}
        {data && slots.length === 0 && <option disabled>{t("noSlots")}</option>}
        {slots.map((s) => (
          <option key={s.start} value={`${s.start}-${s.end}`}>
            {formatSlot(s, data!.timeZone, locale)}
            {chosen === `${s.start}-${s.end}`
              ? ` · ${t(props.preferredIsMine ? "yourChoice" : "firmsChoice")}`
              : ""}
          </option>
        ))}
      </select>
      {preferred && data && (
        <span
          id={`${props.id}-preferred`}
          data-testid={`${props.id}-preferred`}
          className={`mt-1 block text-xs ${preferredFree ? "text-emerald-800" : "text-amber-800"}`}
        >
          {t(
            mine
              ? preferredFree
                ? "yourChoiceFree"
                : "yourChoiceTaken"
              : preferredFree
                ? "preferredFree"
                : "preferredTaken",
            {
              slot: formatSlot(preferred, data.timeZone, locale),
            },
          )}
        </span>
      )}
    </>
  );
}

"use client";
// The facility records actual use of a booking: check in (start and units, starting from the
// slot; with an end, the whole use at once) and check out. Times are the facility's wall clock.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { localDateTimeKey, parseLocal } from "@/server/services/scheduling/local-time";
import { inputClass } from "../form-field";
import { FormErrors } from "./form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "../vouchers/use-outcome";

const button =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const when = (v: FormDataEntryValue | null, timeZone: string) =>
  String(v ?? "").trim() === "" ? Number.NaN : parseLocal(String(v), timeZone);

export function CheckInForm(p: {
  requestId: number;
  slot: { start: number; end: number };
  units: number;
  timeZone: string;
}) {
  const t = useTranslations("use");
  const { errors, callbacks, trpc } = useOutcome();
  const [whole, setWhole] = useState(false);
  const checkIn = useMutation(trpc.equipmentUse.checkIn.mutationOptions(callbacks(t("checkedIn"))));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-2"
      data-testid="check-in-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        checkIn.mutate({
          id: p.requestId,
          start: when(f.get("start"), p.timeZone),
          end: whole ? when(f.get("end"), p.timeZone) : undefined,
          units: Number(f.get("units")),
        });
      }}
    >
      <div className="grid gap-2 sm:grid-cols-3">
        <div>
          <label htmlFor="use-start" className="block text-xs font-medium">
            {t("start")}
          </label>
          <input
            id="use-start"
            name="start"
            type="datetime-local"
            defaultValue={localDateTimeKey(p.slot.start, p.timeZone)}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="use-units" className="block text-xs font-medium">
            {t("units")}
          </label>
          <input
            id="use-units"
            name="units"
            type="number"
            min={1}
            defaultValue={p.units}
            className={inputClass}
          />
        </div>
        {whole && (
          <div>
            <label htmlFor="use-end" className="block text-xs font-medium">
              {t("end")}
            </label>
            <input
              id="use-end"
              name="end"
              type="datetime-local"
              defaultValue={localDateTimeKey(p.slot.end, p.timeZone)}
              className={inputClass}
            />
          </div>
        )}
      </div>
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} />
        {t("wholeUse")}
      </label>
      <FormErrors errors={errors} />
      <button type="submit" className={button} disabled={checkIn.isPending} data-testid="check-in">
        {whole ? t("record") : t("checkIn")}
      </button>
    </form>
  );
}

export function CheckOutForm(p: { requestId: number; slotEnd: number; timeZone: string }) {
  const t = useTranslations("use");
  const { errors, callbacks, trpc } = useOutcome();
  const checkOut = useMutation(
    trpc.equipmentUse.checkOut.mutationOptions(callbacks(t("checkedOut"))),
  );
  // The end starts at the slot's end, or now if the slot runs on (read once, when first shown).
  const [end] = useState(() => Math.min(p.slotEnd, Date.now()));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-2"
      data-testid="check-out-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        checkOut.mutate({ id: p.requestId, end: when(f.get("end"), p.timeZone) });
      }}
    >
      <div>
        <label htmlFor="use-out" className="block text-xs font-medium">
          {t("end")}
        </label>
        <input
          id="use-out"
          name="end"
          type="datetime-local"
          defaultValue={localDateTimeKey(end, p.timeZone)}
          className={inputClass}
        />
      </div>
      <FormErrors errors={errors} />
      <button
        type="submit"
        className={button}
        disabled={checkOut.isPending}
        data-testid="check-out"
      >
        {t("checkOut")}
      </button>
    </form>
  );
}

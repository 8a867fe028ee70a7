"use client";
// Records in-house use from the schedule board: equipment, units, period (the facility's wall
// clock), purpose and person. It then shows on the board as in-house use and blocks capacity.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { inHousePurposes } from "@/db/schema/enums";
import { parseLocal } from "@/server/services/scheduling/local-time";
import { inputClass } from "../form-field";
import { FormErrors } from "./form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "../vouchers/use-outcome";

export function InHouseForm(p: {
  equipment: { id: number; name: string; units: number }[];
  /** "YYYY-MM-DDTHH:mm" the period starts from. */
  defaultStart: string;
  defaultEnd: string;
  timeZone: string;
}) {
  const t = useTranslations("inHouse");
  const { errors, callbacks, trpc } = useOutcome();
  const record = useMutation(trpc.equipmentUse.recordInHouse.mutationOptions(callbacks(t("done"))));
  const at = (v: FormDataEntryValue | null) =>
    String(v ?? "") === "" ? Number.NaN : parseLocal(String(v), p.timeZone);
  const label = "block text-xs font-medium";
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="grid gap-2 sm:grid-cols-2"
      data-testid="in-house-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        record.mutate({
          equipmentId: Number(f.get("equipmentId")),
          start: at(f.get("start")),
          end: at(f.get("end")),
          units: Number(f.get("units")),
          purpose: String(f.get("purpose")) as "research",
          person: String(f.get("person") ?? ""),
        });
      }}
    >
      <div className="sm:col-span-2">
        <label htmlFor="in-house-equipment" className={label}>
          {t("equipment")}
        </label>
        <select id="in-house-equipment" name="equipmentId" className={inputClass}>
          {p.equipment.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="in-house-start" className={label}>
          {t("start")}
        </label>
        <input
          id="in-house-start"
          name="start"
          type="datetime-local"
          defaultValue={p.defaultStart}
          className={inputClass}
          required
        />
      </div>
      <div>
        <label htmlFor="in-house-end" className={label}>
          {t("end")}
        </label>
        <input
          id="in-house-end"
          name="end"
          type="datetime-local"
          defaultValue={p.defaultEnd}
          className={inputClass}
          required
        />
      </div>
      <div>
        <label htmlFor="in-house-units" className={label}>
          {t("units")}
        </label>
        <input
          id="in-house-units"
          name="units"
          type="number"
          min={1}
          defaultValue={1}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="in-house-purpose" className={label}>
          {t("purpose")}
        </label>
        <select id="in-house-purpose" name="purpose" className={inputClass}>
          {inHousePurposes.map((x) => (
            <option key={x} value={x}>
              {t(`purposes.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="in-house-person" className={label}>
          {t("person")}
        </label>
        <input id="in-house-person" name="person" className={inputClass} required />
      </div>
      <div className="sm:col-span-2">
        <FormErrors errors={errors} />
      </div>
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={record.isPending}
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t("submit")}
        </button>
      </div>
    </form>
  );
}

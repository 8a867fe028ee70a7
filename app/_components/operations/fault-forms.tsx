"use client";
// The forms of a fault: report one (equipment, what is wrong, when it is expected back), close it
// after the repair, and for each affected request propose one of the alternatives or hand the
// request to the hub.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { parseLocal } from "@/server/services/scheduling/local-time";
import { inputClass } from "../form-field";
import { FormErrors } from "./form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "../vouchers/use-outcome";

const label = "block text-xs font-medium";
const primary =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60";

export function ReportFaultForm(p: {
  equipment: { id: number; name: string }[];
  timeZone: string;
}) {
  const t = useTranslations("faults");
  const { errors, callbacks, trpc } = useOutcome();
  const report = useMutation(trpc.fault.report.mutationOptions(callbacks(t("reported"))));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
      data-testid="fault-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const back = String(f.get("expectedBackAt") ?? "");
        report.mutate({
          equipmentId: Number(f.get("equipmentId")),
          description: String(f.get("description") ?? ""),
          expectedBackAt: back === "" ? undefined : parseLocal(back, p.timeZone),
        });
      }}
    >
      <h2 className="font-medium sm:col-span-2">{t("report")}</h2>
      <div>
        <label htmlFor="fault-equipment" className={label}>
          {t("equipment")}
        </label>
        <select id="fault-equipment" name="equipmentId" className={inputClass}>
          {p.equipment.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="fault-back" className={label}>
          {t("expectedBack")}
        </label>
        <input id="fault-back" name="expectedBackAt" type="datetime-local" className={inputClass} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="fault-description" className={label}>
          {t("description")}
        </label>
        <textarea
          id="fault-description"
          name="description"
          rows={2}
          className={inputClass}
          required
        />
      </div>
      <div className="sm:col-span-2">
        <FormErrors errors={errors} />
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={report.isPending} className={primary}>
          {t("reportButton")}
        </button>
      </div>
    </form>
  );
}

export function CloseFaultForm(p: { id: number }) {
  const t = useTranslations("faults");
  const { errors, callbacks, trpc } = useOutcome();
  const close = useMutation(trpc.fault.close.mutationOptions(callbacks(t("closedDone"))));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-2"
      data-testid="close-fault-form"
      onSubmit={(e) => {
        e.preventDefault();
        const note = String(new FormData(e.currentTarget).get("repairNote") ?? "").trim();
        close.mutate({ id: p.id, repairNote: note === "" ? undefined : note });
      }}
    >
      <label htmlFor="repair-note" className={label}>
        {t("repairNote")}
      </label>
      <textarea id="repair-note" name="repairNote" rows={2} className={inputClass} />
      <FormErrors errors={errors} />
      <button type="submit" disabled={close.isPending} className={primary}>
        {t("close")}
      </button>
    </form>
  );
}

/** Proposes a slot of the facility (on another equipment, or this one once back) to the firm. */
export function ProposeSlotButton(p: {
  requestId: number;
  equipmentId: number;
  start: number;
  end: number;
  at: number;
}) {
  const t = useTranslations("faults");
  const { callbacks, trpc } = useOutcome();
  const propose = useMutation(
    trpc.request.proposeReschedule.mutationOptions(callbacks(t("proposed"))),
  );
  // The firm has until two days from now to answer, or until the slot begins if sooner.
  const validUntil = Math.min(p.start, p.at + 2 * 86_400_000);
  return (
    <button
      type="button"
      className={secondary}
      disabled={propose.isPending}
      onClick={() =>
        propose.mutate({
          id: p.requestId,
          equipmentId: p.equipmentId,
          start: p.start,
          end: p.end,
          validUntil,
        })
      }
    >
      {t("propose")}
    </button>
  );
}

export function HandToHubButton(p: { requestId: number; version: number }) {
  const t = useTranslations("faults");
  const { callbacks, trpc } = useOutcome();
  const hand = useMutation(trpc.fault.handToHub.mutationOptions(callbacks(t("handed"))));
  return (
    <button
      type="button"
      className={secondary}
      disabled={hand.isPending}
      data-testid="hand-to-hub"
      onClick={() => hand.mutate({ id: p.requestId, version: p.version })}
    >
      {t("handToHub")}
    </button>
  );
}

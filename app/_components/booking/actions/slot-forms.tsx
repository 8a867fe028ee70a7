"use client";
// The operator's forms that hold a slot: a quote (equipment, slot, amount, valid until) and a
// proposed new slot for a confirmed booking. Times are read in the facility's time zone.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { localDateTimeKey, parseLocal } from "@/server/services/scheduling/local-time";
import { useTranslations } from "next-intl";
import { SlotPicker } from "../slot-picker";
import { QuoteLinesEditor, linesInput, type EditLine } from "./quote-lines-editor";
import { styles, type ActionKit } from "./action-kit";
import { keepEnterFromSubmitting } from "../../enter-key";

const DAY = 86_400_000;

/** A "valid until" field, defaulting to `days` after the page opened. */
function ValidUntil({ kit, id, days }: { kit: ActionKit; id: string; days: number }) {
  const [openedAt] = useState(() => Date.now());
  return (
    <label htmlFor={id} className="block text-sm">
      {kit.t("quoteValid")}
      <input
        id={id}
        name="validUntil"
        type="datetime-local"
        required
        defaultValue={localDateTimeKey(openedAt + days * DAY, kit.p.timeZone)}
        className={styles.input}
      />
    </label>
  );
}

const slotOf = (value: string | undefined) => (value ?? "").split("-").map(Number);
const validUntilOf = (kit: ActionKit, value: string | undefined) =>
  value ? parseLocal(value, kit.p.timeZone) : NaN;

/** A first quote, or (`revise`) a new version of the quote the firm has not yet answered. */
export function QuoteForm({ kit, revise = false }: { kit: ActionKit; revise?: boolean }) {
  const { t, trpc, busy, base, p } = kit;
  const first = useMutation(trpc.request.quote.mutationOptions(kit.optionsFor("quote")));
  const revision = useMutation(
    trpc.request.reviseQuote.mutationOptions(kit.optionsFor("reviseQuote")),
  );
  const quote = revise ? revision : first;
  const tq = useTranslations("quote");
  const [equipmentId, setEquipmentId] = useState<number | null>(
    p.preferredEquipmentId ?? p.equipment[0]?.id ?? null,
  );
  const [lines, setLines] = useState<EditLine[]>(() =>
    p.suggestedLines.map((l) => ({
      kind: l.kind,
      description: l.term ? tq(`terms.${l.term}`) : l.description,
      quantity: String(l.quantity),
      unit: l.unit,
      price: String(l.unitPriceFen / 100),
      voucherEligible: l.voucherEligible,
    })),
  );
  // Machine time follows the equipment chosen: its hourly rate is the line's unit price.
  const chooseEquipment = (id: number) => {
    setEquipmentId(id);
    const rate = p.equipment.find((e) => e.id === id)?.rate;
    if (rate !== undefined)
      setLines((ls) =>
        ls.map((l) =>
          l.kind === "machine_time" && l.unit === "h" ? { ...l, price: String(rate / 100) } : l,
        ),
      );
  };
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className={styles.box}
      data-testid={revise ? "revise-form" : "quote-form"}
      onSubmit={(e) => {
        const f = kit.fields(e);
        const [start, end] = slotOf(f.slot);
        quote.mutate({
          ...base,
          equipmentId: Number(f.equipmentId),
          start,
          end,
          units: p.units,
          lines: linesInput(lines),
          validUntil: validUntilOf(kit, f.validUntil),
        });
      }}
    >
      <h3 className="font-medium">{revise ? t("reviseTitle") : t("quoteTitle")}</h3>
      <label htmlFor="quote-equipment" className="block text-sm">
        {t("quoteEquipment")}
        <select
          id="quote-equipment"
          name="equipmentId"
          className={styles.input}
          value={equipmentId ?? ""}
          onChange={(e) => chooseEquipment(Number(e.target.value))}
        >
          {p.equipment.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="quote-slot" className="block text-sm">
        {t("quoteSlot")}
        <SlotPicker
          id="quote-slot"
          name="slot"
          equipmentId={equipmentId}
          preferred={equipmentId === p.preferredEquipmentId ? p.preferredSlot : null}
          from={p.window.from}
          to={p.window.to}
          hours={p.hours}
          units={p.units}
        />
      </label>
      <QuoteLinesEditor lines={lines} onChange={setLines} vatRateBp={p.vatRateBp} />
      <div className="grid gap-2 sm:grid-cols-2">
        <ValidUntil kit={kit} id="quote-valid" days={2} />
      </div>
      <button type="submit" className={styles.button} disabled={busy}>
        {revise ? t("sendRevision") : t("sendQuote")}
      </button>
    </form>
  );
}

export function RescheduleForm({ kit }: { kit: ActionKit }) {
  const { t, trpc, busy, base, p } = kit;
  const propose = useMutation(
    trpc.request.proposeReschedule.mutationOptions(kit.optionsFor("reschedule")),
  );
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className={styles.box}
      data-testid="reschedule-form"
      onSubmit={(e) => {
        const f = kit.fields(e);
        const [start, end] = slotOf(f.slot);
        propose.mutate({
          ...base,
          equipmentId: p.preferredEquipmentId ?? undefined,
          start,
          end,
          validUntil: validUntilOf(kit, f.validUntil),
        });
      }}
    >
      <h3 className="font-medium">{t("reschedule")}</h3>
      <label htmlFor="reschedule-slot" className="block text-sm">
        {t("quoteSlot")}
        <SlotPicker
          id="reschedule-slot"
          name="slot"
          equipmentId={p.preferredEquipmentId}
          from={p.window.from}
          to={p.window.to}
          hours={p.hours}
          units={p.units}
        />
      </label>
      <ValidUntil kit={kit} id="reschedule-valid" days={1} />
      <button type="submit" className={styles.secondary} disabled={busy}>
        {t("proposeReschedule")}
      </button>
    </form>
  );
}

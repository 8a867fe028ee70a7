"use client";
// The actions a user may take on a request now, each a small form; outcomes are toasts and the
// page refreshes from the server.
import { useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_trpc/client";
import { useToast } from "../toaster";
import { SlotPicker } from "./slot-picker";
import { uploadFile } from "./upload-file";
import { useRefusalText } from "../refusal-text";
import type { RequestAction } from "@/server/services/booking/get-request";

type Props = {
  requestId: number;
  version: number;
  actions: RequestAction[];
  equipment: { id: number; name: string }[];
  preferredEquipmentId: number | null;
  window: { from: number; to: number };
  hours: number;
  units: number;
  suggestedAmountFen: number | null;
};

const box = "rounded-lg border border-slate-200 bg-white p-4 space-y-2";
const button =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50 disabled:opacity-60";
const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm";

export function RequestActions(p: Props) {
  const t = useTranslations("request");
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refusals = useRefusalText();
  const [openedAt] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [equipmentId, setEquipmentId] = useState<number | null>(
    p.preferredEquipmentId ?? p.equipment[0]?.id ?? null,
  );
  const options = {
    onSuccess: () => (toast("success", t("done")), router.refresh()),
    onError: (e: unknown) => toast("error", refusals.message(e)),
    onSettled: () => setBusy(false),
  };
  const accept = useMutation(trpc.request.accept.mutationOptions(options));
  const withdraw = useMutation(trpc.request.withdraw.mutationOptions(options));
  const cancel = useMutation(trpc.request.cancel.mutationOptions(options));
  const reject = useMutation(trpc.request.reject.mutationOptions(options));
  const start = useMutation(trpc.request.start.mutationOptions(options));
  const complete = useMutation(trpc.request.complete.mutationOptions(options));
  const rate = useMutation(trpc.request.rate.mutationOptions(options));
  const message = useMutation(trpc.request.message.mutationOptions(options));
  const quote = useMutation(trpc.request.quote.mutationOptions(options));
  const propose = useMutation(trpc.request.proposeReschedule.mutationOptions(options));
  const acceptMove = useMutation(trpc.request.acceptReschedule.mutationOptions(options));
  const declineMove = useMutation(trpc.request.declineReschedule.mutationOptions(options));
  const has = (a: RequestAction) => p.actions.includes(a);
  const base = { id: p.requestId, version: p.version };
  const fields = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    return Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
  };

  const sections: ReactNode[] = [];
  if (has("accept") || has("withdraw") || has("start") || has("complete"))
    sections.push(
      <div key="buttons" className="flex flex-wrap gap-2">
        {has("accept") && (
          <button
            type="button"
            className={button}
            disabled={busy}
            onClick={() => (setBusy(true), accept.mutate(base))}
            data-testid="action-accept"
          >
            {t("accept")}
          </button>
        )}
        {has("start") && (
          <button
            type="button"
            className={button}
            disabled={busy}
            onClick={() => (setBusy(true), start.mutate(base))}
            data-testid="action-start"
          >
            {t("start")}
          </button>
        )}
        {has("complete") && (
          <button
            type="button"
            className={button}
            disabled={busy}
            onClick={() => (setBusy(true), complete.mutate(base))}
            data-testid="action-complete"
          >
            {t("complete")}
          </button>
        )}
        {has("withdraw") && (
          <button
            type="button"
            className={secondary}
            disabled={busy}
            onClick={() => (setBusy(true), withdraw.mutate(base))}
            data-testid="action-withdraw"
          >
            {t("withdraw")}
          </button>
        )}
      </div>,
    );
  if (has("quote"))
    sections.push(
      <form
        key="quote"
        className={box}
        data-testid="quote-form"
        onSubmit={(e) => {
          const f = fields(e);
          const [s, en] = (f.slot ?? "").split("-").map(Number);
          quote.mutate({
            ...base,
            equipmentId: Number(f.equipmentId),
            start: s,
            end: en,
            units: p.units,
            amountFen: Math.round(Number(f.amount) * 100),
            validUntil: f.validUntil ? Date.parse(`${f.validUntil}:00+08:00`) : NaN,
          });
        }}
      >
        <h3 className="font-medium">{t("quoteTitle")}</h3>
        <label htmlFor="quote-equipment" className="block text-sm">
          {t("quoteEquipment")}
          <select
            id="quote-equipment"
            name="equipmentId"
            className={input}
            value={equipmentId ?? ""}
            onChange={(e) => setEquipmentId(Number(e.target.value))}
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
            from={p.window.from}
            to={p.window.to}
            hours={p.hours}
            units={p.units}
          />
        </label>
        <div className="grid gap-2 sm:grid-cols-2">
          <label htmlFor="quote-amount" className="block text-sm">
            {t("quoteAmount")}
            <input
              id="quote-amount"
              name="amount"
              type="number"
              min={0}
              step="0.01"
              required
              defaultValue={p.suggestedAmountFen !== null ? p.suggestedAmountFen / 100 : undefined}
              className={input}
            />
          </label>
          <label htmlFor="quote-valid" className="block text-sm">
            {t("quoteValid")}
            <input
              id="quote-valid"
              name="validUntil"
              type="datetime-local"
              required
              defaultValue={new Date(openedAt + 8 * 3_600_000 + 2 * 86_400_000)
                .toISOString()
                .slice(0, 16)}
              className={input}
            />
          </label>
        </div>
        <button type="submit" className={button} disabled={busy}>
          {t("sendQuote")}
        </button>
      </form>,
    );
  if (has("answerReschedule"))
    sections.push(
      <div key="answer" className={box} data-testid="reschedule-answer">
        <p className="text-sm">{t("rescheduleProposed")}</p>
        <div className="flex gap-2">
          <button
            type="button"
            className={button}
            disabled={busy}
            onClick={() => (setBusy(true), acceptMove.mutate({ id: p.requestId }))}
            data-testid="action-accept-reschedule"
          >
            {t("acceptReschedule")}
          </button>
          <button
            type="button"
            className={secondary}
            disabled={busy}
            onClick={() => (setBusy(true), declineMove.mutate({ id: p.requestId }))}
          >
            {t("declineReschedule")}
          </button>
        </div>
      </div>,
    );
  if (has("reschedule"))
    sections.push(
      <form
        key="reschedule"
        className={box}
        data-testid="reschedule-form"
        onSubmit={(e) => {
          const f = fields(e);
          const [s, en] = (f.slot ?? "").split("-").map(Number);
          propose.mutate({
            ...base,
            equipmentId: p.preferredEquipmentId ?? undefined,
            start: s,
            end: en,
            validUntil: f.validUntil ? Date.parse(`${f.validUntil}:00+08:00`) : NaN,
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
        <label htmlFor="reschedule-valid" className="block text-sm">
          {t("quoteValid")}
          <input
            id="reschedule-valid"
            name="validUntil"
            type="datetime-local"
            required
            defaultValue={new Date(openedAt + 8 * 3_600_000 + 86_400_000)
              .toISOString()
              .slice(0, 16)}
            className={input}
          />
        </label>
        <button type="submit" className={secondary} disabled={busy}>
          {t("proposeReschedule")}
        </button>
      </form>,
    );
  const reasonForm = (key: "cancel" | "reject", run: (reason: string) => void) => (
    <form
      key={key}
      className={box}
      onSubmit={(e) => run(fields(e).reason ?? "")}
      data-testid={`${key}-form`}
    >
      <label htmlFor={`${key}-reason`} className="block text-sm font-medium">
        {t("reason")}
      </label>
      <textarea
        id={`${key}-reason`}
        name="reason"
        required
        minLength={3}
        rows={2}
        className={input}
      />
      <button type="submit" className={secondary} disabled={busy}>
        {t(key)}
      </button>
    </form>
  );
  if (has("reject"))
    sections.push(reasonForm("reject", (reason) => reject.mutate({ ...base, reason })));
  if (has("cancel"))
    sections.push(reasonForm("cancel", (reason) => cancel.mutate({ ...base, reason })));
  if (has("rate"))
    sections.push(
      <form
        key="rate"
        className={box}
        data-testid="rate-form"
        onSubmit={(e) => {
          const f = fields(e);
          rate.mutate({ id: p.requestId, rating: Number(f.rating), comment: f.comment ?? "" });
        }}
      >
        <label htmlFor="rating" className="block text-sm font-medium">
          {t("rating")}
        </label>
        <select id="rating" name="rating" defaultValue="5" className={input}>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {"★".repeat(n)} {n}
            </option>
          ))}
        </select>
        <label htmlFor="rate-comment" className="block text-sm">
          {t("comment")}
        </label>
        <textarea id="rate-comment" name="comment" rows={2} className={input} />
        <button type="submit" className={button} disabled={busy}>
          {t("rate")}
        </button>
      </form>,
    );
  if (has("upload"))
    sections.push(
      <form
        key="upload"
        className={box}
        onSubmit={async (e) => {
          e.preventDefault();
          const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
          if (!file) return;
          setBusy(true);
          const error = await uploadFile(p.requestId, file);
          setBusy(false);
          if (error) toast("error", refusals.message(error));
          else {
            toast("success", t("done"));
            router.refresh();
          }
        }}
      >
        <label htmlFor="upload-file" className="block text-sm font-medium">
          {has("complete") ? t("uploadReport") : t("upload")}
        </label>
        <input
          id="upload-file"
          name="file"
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.xlsx,.docx,.csv"
          className="block text-sm"
        />
        <button type="submit" className={secondary} disabled={busy}>
          {t("upload")}
        </button>
      </form>,
    );
  if (has("message"))
    sections.push(
      <form
        key="message"
        className={box}
        onSubmit={(e) => {
          const form = e.currentTarget;
          const f = fields(e);
          message.mutate(
            { id: p.requestId, body: f.body ?? "" },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <label htmlFor="message-body" className="block text-sm font-medium">
          {t("message")}
        </label>
        <textarea id="message-body" name="body" required rows={2} className={input} />
        <button type="submit" className={secondary} disabled={busy}>
          {t("send")}
        </button>
      </form>,
    );
  return sections.length ? (
    <div className="space-y-3">{sections}</div>
  ) : (
    <p className="text-sm text-slate-600">{t("noActions")}</p>
  );
}

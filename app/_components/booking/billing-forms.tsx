"use client";
// The facility's billing forms on a completed request: record the fapiao it issued (number, date,
// amount, its PDF), record a payment against an invoice (a part payment leaves a balance), and
// void an unpaid invoice with a reason (asked twice).
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { localDateKey, parseLocal } from "@/server/services/scheduling/local-time";
import { useTRPC } from "../../_trpc/client";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";
import { inputClass } from "../form-field";
import { FilePicker } from "../file-picker";
import { FormErrors } from "../operations/form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { uploadFile } from "./upload-file";

const box = "space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm";
const button =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const yuan = (fen: number) => (fen / 100).toFixed(2);

function useBilling() {
  const t = useTranslations("billing");
  const toast = useToast();
  const refusals = useRefusalText();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const callbacks = (done: string) => ({
    onSuccess: () => {
      setErrors({});
      toast("success", done);
      router.refresh();
    },
    onError: (e: unknown) => {
      setErrors(refusals.fields(e));
      toast("error", refusals.message(e));
    },
  });
  return { t, toast, refusals, errors, callbacks, trpc: useTRPC() };
}

/** Today in the facility's time zone, for a date field's default (read once, when first shown). */
function useToday(timeZone: string) {
  return useState(() => localDateKey(Date.now(), timeZone))[0];
}

export function InvoiceForm(p: { requestId: number; openFen: number; timeZone: string }) {
  const { t, toast, refusals, errors, callbacks, trpc } = useBilling();
  const today = useToday(p.timeZone);
  const [busy, setBusy] = useState(false);
  const record = useMutation(trpc.billing.recordInvoice.mutationOptions(callbacks(t("invoiced"))));
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const v = (k: string) => String(form.get(k) ?? "").trim();
    setBusy(true);
    let attachmentId: number | undefined;
    const file = form.get("fapiao");
    if (file instanceof File && file.size > 0) {
      const saved = await uploadFile(p.requestId, file, "invoice");
      if ("error" in saved) {
        toast("error", refusals.message(saved.error));
        setBusy(false);
        return;
      }
      attachmentId = saved.id;
    }
    record.mutate(
      {
        id: p.requestId,
        number: v("number"),
        issuedAt: parseLocal(v("issuedOn"), p.timeZone),
        amountFen: Math.round(Number(v("amount")) * 100),
        attachmentId,
      },
      { onSettled: () => setBusy(false) },
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={keepEnterFromSubmitting}
      className={box}
      data-testid="invoice-form"
    >
      <h3 className="font-medium">{t("recordInvoice")}</h3>
      <div className="grid gap-2 sm:grid-cols-3">
        <label htmlFor="inv-number" className="block text-xs">
          {t("number")}
          <input id="inv-number" name="number" required className={inputClass} />
        </label>
        <label htmlFor="inv-issuedOn" className="block text-xs">
          {t("issuedOn")}
          <input
            id="inv-issuedOn"
            name="issuedOn"
            type="date"
            required
            defaultValue={today}
            className={inputClass}
          />
        </label>
        <label htmlFor="inv-amount" className="block text-xs">
          {t("amount")}
          <input
            id="inv-amount"
            name="amount"
            type="number"
            min={0.01}
            step="0.01"
            required
            defaultValue={yuan(p.openFen)}
            className={inputClass}
          />
        </label>
      </div>
      <label htmlFor="inv-fapiao" className="block text-xs">
        {t("fapiaoPdf")}
        <FilePicker
          id="inv-fapiao"
          name="fapiao"
          accept=".pdf"
          choose={t("choosePdf")}
          none={t("noFile")}
        />
      </label>
      <FormErrors errors={errors} />
      <button type="submit" className={button} disabled={busy}>
        {t("recordInvoice")}
      </button>
    </form>
  );
}

export function PaymentForm(p: {
  invoiceId: number;
  number: string;
  balanceFen: number;
  timeZone: string;
}) {
  const { t, errors, callbacks, trpc } = useBilling();
  const today = useToday(p.timeZone);
  const pay = useMutation(trpc.billing.recordPayment.mutationOptions(callbacks(t("paid"))));
  const id = `pay-${p.invoiceId}`;
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="mt-2 grid gap-2 sm:grid-cols-4"
      data-testid={`payment-form-${p.number}`}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const v = (k: string) => String(form.get(k) ?? "").trim();
        pay.mutate({
          invoiceId: p.invoiceId,
          paidAt: parseLocal(v("paidOn"), p.timeZone),
          amountFen: Math.round(Number(v("amount")) * 100),
          bankReference: v("bankReference"),
        });
      }}
    >
      <label htmlFor={`${id}-paidOn`} className="block text-xs">
        {t("paidOn")}
        <input
          id={`${id}-paidOn`}
          name="paidOn"
          type="date"
          required
          defaultValue={today}
          className={inputClass}
        />
      </label>
      <label htmlFor={`${id}-amount`} className="block text-xs">
        {t("amount")}
        <input
          id={`${id}-amount`}
          name="amount"
          type="number"
          min={0.01}
          step="0.01"
          required
          defaultValue={yuan(p.balanceFen)}
          className={inputClass}
        />
      </label>
      <label htmlFor={`${id}-bankReference`} className="block text-xs">
        {t("bankReference")}
        <input id={`${id}-bankReference`} name="bankReference" required className={inputClass} />
      </label>
      <div className="flex items-end">
        <button type="submit" className={button} disabled={pay.isPending}>
          {t("recordPayment")}
        </button>
      </div>
      <FormErrors errors={errors} />
    </form>
  );
}

export function VoidInvoice(p: { invoiceId: number; number: string }) {
  const { t, errors, callbacks, trpc } = useBilling();
  const [reason, setReason] = useState<string | null>(null);
  const cancel = useMutation(trpc.billing.voidInvoice.mutationOptions(callbacks(t("voided"))));
  const id = `void-${p.invoiceId}`;
  if (reason !== null)
    return (
      <div className="mt-2 space-y-2" role="alertdialog" aria-labelledby={`${id}-q`}>
        <p id={`${id}-q`}>{t("confirmVoid", { number: p.number })}</p>
        <div className="flex gap-2">
          <button
            type="button"
            className="rounded-md bg-red-700 px-3 py-2 text-sm font-medium text-white hover:bg-red-800"
            onClick={() => cancel.mutate({ invoiceId: p.invoiceId, reason })}
          >
            {t("void")}
          </button>
          <button
            type="button"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            onClick={() => setReason(null)}
          >
            {t("back")}
          </button>
        </div>
      </div>
    );
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="mt-2 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        setReason(String(new FormData(e.currentTarget).get("reason") ?? "").trim());
      }}
    >
      <label htmlFor={`${id}-reason`} className="block grow text-xs">
        {t("voidReason")}
        <input id={`${id}-reason`} name="reason" required minLength={3} className={inputClass} />
      </label>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        {t("void")}…
      </button>
      <FormErrors errors={errors} />
    </form>
  );
}

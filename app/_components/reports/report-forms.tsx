"use client";
// The report register's forms: a tester uploads a report (or an amendment of a released one, with
// the reason); the other staff review, approve, return (with a reason) or revoke (with a reason).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReportAction } from "@/server/services/reports/list";
import { inputClass } from "../form-field";
import { FilePicker } from "../file-picker";
import { FormErrors } from "../operations/form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "../vouchers/use-outcome";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";

const button =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";

function useLabelOf() {
  const t = useTranslations("reports");
  return (field: string) =>
    t.has(`label.${field}` as never) ? t(`label.${field}` as never) : field;
}

/** A new report, or with `amends` an amendment of that released report. */
export function DraftReportForm(p: { requestId: number; amends?: { id: number; number: string } }) {
  const t = useTranslations("reports");
  const labelOf = useLabelOf();
  const toast = useToast();
  const refusals = useRefusalText();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = p.amends ? `amend-${p.amends.id}` : "new";
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="space-y-2 rounded-md border border-slate-200 p-3"
      data-testid={p.amends ? "amend-report-form" : "draft-report-form"}
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const body = new FormData(form);
        if (p.amends) body.set("supersedesId", String(p.amends.id));
        setBusy(true);
        const res = await fetch(`/api/requests/${p.requestId}/reports`, { method: "POST", body });
        const json = await res.json().catch(() => null);
        setBusy(false);
        if (res.ok) {
          setErrors({});
          form.reset();
          toast("success", t("drafted"));
          router.refresh();
        } else {
          const error = json ?? { error: { refusal: { code: "system.internal" } } };
          setErrors(refusals.fields(error));
          toast("error", refusals.message(error));
        }
      }}
    >
      <h3 className="text-sm font-medium">
        {p.amends ? t("amendTitle", { number: p.amends.number }) : t("draftTitle")}
      </h3>
      <div>
        <label htmlFor={`report-title-${key}`} className="block text-xs font-medium">
          {t("label.title")}
        </label>
        <input id={`report-title-${key}`} name="title" className={inputClass} maxLength={200} />
      </div>
      {p.amends && (
        <div>
          <label htmlFor={`report-reason-${key}`} className="block text-xs font-medium">
            {t("label.reason")}
          </label>
          <input id={`report-reason-${key}`} name="reason" className={inputClass} maxLength={500} />
        </div>
      )}
      <div>
        <label htmlFor={`report-file-${key}`} className="block text-xs font-medium">
          {t("label.file")}
        </label>
        <FilePicker
          id={`report-file-${key}`}
          name="file"
          accept=".pdf,application/pdf"
          choose={t("chooseFile")}
          none={t("noFile")}
        />
      </div>
      <p className="text-xs text-slate-600">{t("draftHint")}</p>
      <FormErrors errors={errors} labelOf={labelOf} />
      <button type="submit" className={button} disabled={busy}>
        {busy ? t("uploading") : t("submitDraft")}
      </button>
    </form>
  );
}

/** The steps the reader may take on one report. */
export function ReportActions(p: { reportId: number; actions: ReportAction[] }) {
  const t = useTranslations("reports");
  const { errors, callbacks, trpc } = useOutcome();
  const review = useMutation(trpc.report.review.mutationOptions(callbacks(t("reviewed"))));
  const approve = useMutation(trpc.report.approve.mutationOptions(callbacks(t("approved"))));
  const giveBack = useMutation(trpc.report.return.mutationOptions(callbacks(t("returned"))));
  const revoke = useMutation(trpc.report.revoke.mutationOptions(callbacks(t("revoked"))));
  const [asking, setAsking] = useState<"return" | "revoke" | null>(null);
  const labelOf = (field: string) =>
    field === "reason" && asking ? t(`reasonFor.${asking}`) : field;
  const busy = review.isPending || approve.isPending || giveBack.isPending || revoke.isPending;
  const id = { reportId: p.reportId };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {p.actions.includes("review") && (
          <button
            type="button"
            className={button}
            disabled={busy}
            onClick={() => review.mutate(id)}
          >
            {t("action.review")}
          </button>
        )}
        {p.actions.includes("approve") && (
          <button
            type="button"
            className={button}
            disabled={busy}
            onClick={() => approve.mutate(id)}
          >
            {approve.isPending ? t("approving") : t("action.approve")}
          </button>
        )}
        {p.actions.includes("return") && (
          <button
            type="button"
            className={secondary}
            disabled={busy}
            onClick={() => setAsking("return")}
          >
            {t("action.return")}
          </button>
        )}
        {p.actions.includes("revoke") && (
          <button
            type="button"
            className={secondary}
            disabled={busy}
            onClick={() => setAsking("revoke")}
          >
            {t("action.revoke")}
          </button>
        )}
      </div>
      {asking && (
        <form
          onKeyDown={keepEnterFromSubmitting}
          className="space-y-2 rounded-md border border-slate-200 p-3"
          data-testid={`${asking}-report-form`}
          onSubmit={(e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
            const m = asking === "return" ? giveBack : revoke;
            m.mutate({ ...id, reason }, { onSuccess: () => setAsking(null) });
          }}
        >
          <label htmlFor={`${asking}-reason-${p.reportId}`} className="block text-xs font-medium">
            {t(`reasonFor.${asking}`)}
          </label>
          <input
            id={`${asking}-reason-${p.reportId}`}
            name="reason"
            className={inputClass}
            maxLength={500}
          />
          <FormErrors errors={errors} labelOf={labelOf} />
          <div className="flex gap-2">
            <button type="submit" className={button} disabled={busy}>
              {t(`action.${asking}`)}
            </button>
            <button type="button" className={secondary} onClick={() => setAsking(null)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

// The request's reports: each with its number, status and signatories. The firm and the department
// see released reports (and what became of them); the facility's staff see every report in the
// register with the steps they may take, and upload new reports and amendments.
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/server/services/actor";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import { DraftReportForm, ReportActions } from "../../../_components/reports/report-forms";
import { serverCaller } from "../../../_trpc/server";
import type { LoadedRequest } from "./types";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

const tone: Record<string, string> = {
  released: "bg-emerald-50 text-emerald-800",
  superseded: "bg-amber-50 text-amber-900",
  revoked: "bg-red-50 text-red-800",
  returned: "bg-slate-100 text-slate-700",
  awaiting_review: "bg-sky-50 text-sky-800",
  awaiting_approval: "bg-sky-50 text-sky-800",
};

export async function Reports({
  data,
  actor,
  caller,
  timeZone,
}: {
  data: LoadedRequest;
  actor: Actor;
  caller: Caller;
  timeZone: string;
}) {
  if (!["firm", "operator", "coordinator", "admin"].includes(actor.role)) return null;
  const r = data.request;
  const { canDraft, reports } = await caller.report.ofRequest({ requestId: r.id });
  if (reports.length === 0 && !canDraft) return null;
  const t = await getTranslations("reports");
  const format = await getFormatter();
  const date = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium", timeZone });
  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="reports"
    >
      <h2 className="font-medium">{t("title")}</h2>
      {reports.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="report-list">
          {reports.map((x) => (
            <li
              key={x.id}
              className="space-y-1 py-2"
              data-testid="report"
              data-status={x.status}
              data-number={x.number ?? ""}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono font-medium">{x.number ?? t("unnumbered")}</span>
                <span className={`rounded px-1.5 py-0.5 text-xs ${tone[x.status]}`}>
                  {t(`status.${x.status}`)}
                </span>
                {x.accredited && (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                    {t("accredited")}
                  </span>
                )}
              </div>
              <p className="break-words">{x.title}</p>
              <p className="text-xs text-slate-600">
                {t("signatures", {
                  tester: x.tester,
                  reviewer: x.reviewer ?? "—",
                  approver: x.approver ?? "—",
                })}
                {x.issuedAt !== null && <> · {t("issued", { date: date(x.issuedAt) })}</>}
              </p>
              {x.marks.length > 0 && (
                <p className="text-xs text-slate-600">
                  {t("marks", {
                    marks: x.marks.map((m) => `${m.type} ${m.certificateNo}`).join("; "),
                  })}
                </p>
              )}
              {x.supersedes && (
                <p className="text-xs text-slate-700">
                  {t("supersedes", { number: x.supersedes, reason: x.amendReason })}
                </p>
              )}
              {x.status === "superseded" && x.supersededBy && (
                <p className="text-xs text-amber-900" data-testid="superseded-note">
                  {t("supersededBy", {
                    number: x.supersededBy,
                    date: x.supersededAt ? date(x.supersededAt) : "",
                  })}
                </p>
              )}
              {x.status === "revoked" && (
                <p className="text-xs text-red-800" data-testid="revoked-note">
                  {t("revokedOn", {
                    date: x.revokedAt ? date(x.revokedAt) : "",
                    reason: x.closeReason,
                  })}
                </p>
              )}
              {x.status === "returned" && x.closeReason && (
                <p className="text-xs text-slate-700">
                  {t("returnedFor", { reason: x.closeReason })}
                </p>
              )}
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {x.attachmentId !== null && (
                  <a
                    href={`/api/attachments/${x.attachmentId}`}
                    className="text-brand-700 underline"
                    data-testid="report-download"
                  >
                    {t("download", { number: x.number ?? "" })}
                  </a>
                )}
                {x.draftFileName && (
                  <a href={`/api/reports/${x.id}/draft`} className="text-brand-700 underline">
                    {t("draftFile", { name: x.draftFileName })}
                  </a>
                )}
              </div>
              {x.actions.length > 0 && (
                <ClientIntl namespaces={["reports"]}>
                  <TRPCReactProvider>
                    {x.actions.some((a) => a !== "amend") && (
                      <ReportActions reportId={x.id} actions={x.actions} />
                    )}
                    {x.actions.includes("amend") && x.number && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-brand-700">
                          {t("action.amend")}
                        </summary>
                        <DraftReportForm requestId={r.id} amends={{ id: x.id, number: x.number }} />
                      </details>
                    )}
                  </TRPCReactProvider>
                </ClientIntl>
              )}
            </li>
          ))}
        </ul>
      )}
      {canDraft && (
        <ClientIntl namespaces={["reports"]}>
          <TRPCReactProvider>
            <DraftReportForm requestId={r.id} />
          </TRPCReactProvider>
        </ClientIntl>
      )}
    </section>
  );
}

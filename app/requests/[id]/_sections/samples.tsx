// The request's samples: each with its registry ID, what it is, where it is and its chain of
// custody; the facility doing the work receives samples, records each step and prints labels.
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/server/services/actor";
import { receivesSamples } from "@/server/services/samples/register";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import { ReceiveSampleForm, SampleStepForm } from "../../../_components/samples/sample-forms";
import { serverCaller } from "../../../_trpc/server";
import type { LoadedRequest } from "./types";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

export async function Samples({
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
  const r = data.request;
  if (!["firm", "operator", "admin"].includes(actor.role)) return null;
  const canRecord = actor.role === "operator" && r.facilityId === actor.facilityId;
  const list = await caller.sample.ofRequest({ requestId: r.id });
  if (list.length === 0 && !(canRecord && receivesSamples(r.status))) return null;
  const t = await getTranslations("samples");
  const format = await getFormatter();
  const time = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short", timeZone });
  const date = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium", timeZone });
  const held = list.filter((s) => s.status === "held").length;
  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="samples"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-medium">{t("title")}</h2>
        {canRecord && held > 0 && (
          <a
            href={`/api/requests/${r.id}/sample-labels`}
            className="text-brand-700 underline"
            data-testid="sample-labels"
          >
            {t("printLabels", { n: held })}
          </a>
        )}
      </div>
      {list.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="sample-list">
          {list.map((s) => (
            <li key={s.id} className="py-2" data-testid="sample" data-code={s.code}>
              <details>
                <summary className="cursor-pointer">
                  <span className="font-mono">{s.code}</span> · {s.description} · {s.quantity}{" "}
                  {s.unit} ·{" "}
                  <span data-testid="sample-status" data-status={s.status}>
                    {t(`status.${s.status}`)}
                  </span>
                  {s.status === "held" && <span className="text-slate-600"> · {s.location}</span>}
                </summary>
                <div className="mt-2 space-y-2 pl-4">
                  <p className="text-slate-700">
                    {t("facts", {
                      condition: s.condition,
                      hazard: t(`hazard.${s.hazard}`),
                      until: date(s.retainUntil),
                    })}
                  </p>
                  {/* On a phone, each step on its own lines; from sm up, a table. */}
                  <ol
                    className="space-y-1 text-xs sm:hidden"
                    aria-label={t("custody", { code: s.code })}
                  >
                    {s.steps.map((x) => (
                      <li key={x.id} className="rounded bg-slate-50 px-2 py-1">
                        <span className="font-medium">{t(`stepKind.${x.kind}`)}</span> ·{" "}
                        {time(x.at)} · {x.by}
                        {x.location && <span> · {x.location}</span>}
                        {x.note && <span className="block break-all text-slate-600">{x.note}</span>}
                      </li>
                    ))}
                  </ol>
                  <div className="hidden overflow-x-auto sm:block">
                    <table className="w-full text-left text-xs" data-testid="custody">
                      <caption className="sr-only">{t("custody", { code: s.code })}</caption>
                      <thead className="text-slate-600">
                        <tr>
                          <th className="py-1 pr-3 font-medium">{t("when")}</th>
                          <th className="py-1 pr-3 font-medium whitespace-nowrap">{t("step")}</th>
                          <th className="py-1 pr-3 font-medium">{t("where")}</th>
                          <th className="py-1 pr-3 font-medium">{t("who")}</th>
                          <th className="py-1 font-medium">{t("note")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {s.steps.map((x) => (
                          <tr key={x.id} className="border-t border-slate-100">
                            <td className="py-1 pr-3 whitespace-nowrap">{time(x.at)}</td>
                            <td className="py-1 pr-3 whitespace-nowrap">
                              {t(`stepKind.${x.kind}`)}
                            </td>
                            <td className="py-1 pr-3">{x.location ?? ""}</td>
                            <td className="py-1 pr-3">{x.by}</td>
                            <td className="py-1">{x.note}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {canRecord && s.status === "held" && (
                    <ClientIntl namespaces={["samples"]}>
                      <TRPCReactProvider>
                        <SampleStepForm sampleId={s.id} code={s.code} />
                      </TRPCReactProvider>
                    </ClientIntl>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {canRecord && receivesSamples(r.status) && (
        <ClientIntl namespaces={["samples"]}>
          <TRPCReactProvider>
            <ReceiveSampleForm requestId={r.id} />
          </TRPCReactProvider>
        </ClientIntl>
      )}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../../_auth/require-role";
import { Forbidden } from "../../../_components/forbidden";
import { serverCaller } from "../../../_trpc/server";
import { loadForPage } from "../../../_trpc/load";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import { EmptyState } from "../../../_components/empty-state";
import { formatFen } from "../../../_components/registry/labels";
import { now } from "@/server/services/clock";
import {
  CloseFaultForm,
  HandToHubButton,
  ProposeSlotButton,
} from "../../../_components/operations/fault-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("faults"))("detailTitle") };
}

export default async function FaultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRole(`/operator/faults/${id}`, ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const faultId = Number(id);
  if (!Number.isSafeInteger(faultId) || faultId <= 0) notFound();
  const caller = await serverCaller();
  const result = await loadForPage(() => caller.fault.impact({ id: faultId }));
  if (!result.ok) notFound();
  const { fault, affected } = result.data;
  const t = await getTranslations("faults");
  const format = await getFormatter();
  const locale = await getLocale();
  const at = now();
  const when = (ms: number) =>
    format.dateTime(new Date(ms), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: fault.timeZone,
    });
  const span = (s: { start: number; end: number }) => `${when(s.start)} – ${when(s.end)}`;
  const name = (x: { name: string; nameZh: string | null }) =>
    locale === "zh" && x.nameZh ? x.nameZh : x.name;
  return (
    <div className="space-y-6" data-testid="fault-page">
      <p className="text-sm">
        <Link href="/operator/faults" className="text-brand-700 underline">
          {t("title")}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("detailHeading", { name: name(fault) })}</h1>
        <p className="text-sm">{fault.description}</p>
        <p className="text-sm text-slate-600">
          {t("reportedAt", { at: when(fault.reportedAt) })}
          {fault.expectedBackAt !== null && ` · ${t("backAt", { at: when(fault.expectedBackAt) })}`}
          {fault.closedAt !== null &&
            ` · ${t("closedAt", {
              at: when(fault.closedAt),
              hours: format.number((fault.closedAt - fault.reportedAt) / 3_600_000, {
                maximumFractionDigits: 1,
              }),
            })}`}
        </p>
        {fault.repairNote && <p className="text-sm">{fault.repairNote}</p>}
      </header>
      <ClientIntl namespaces={["faults"]}>
        <TRPCReactProvider>
          {fault.closedAt === null && (
            <section className="space-y-3">
              <h2 className="font-medium">{t("affected")}</h2>
              {affected.length === 0 ? (
                <EmptyState text={t("noneAffected")} />
              ) : (
                <ul className="space-y-3" data-testid="affected-list">
                  {affected.map((r) => (
                    <li
                      key={r.reservationId}
                      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
                      data-testid="affected-item"
                    >
                      <p>
                        <Link
                          href={`/requests/${r.requestId}`}
                          className="font-medium text-brand-700 underline"
                        >
                          {r.ref}
                        </Link>{" "}
                        {r.title}
                      </p>
                      <p className="text-slate-600">
                        {t(r.kind === "hold" ? "heldSlot" : "bookedSlot", { slot: span(r) })}
                      </p>
                      <div>
                        <h3 className="text-xs font-medium uppercase text-slate-600">
                          {t("here")}
                        </h3>
                        {r.facilityOptions.length === 0 ? (
                          <p className="text-slate-600">{t("noHere")}</p>
                        ) : (
                          <ul className="space-y-1">
                            {r.facilityOptions.map((o) => (
                              <li key={o.equipmentId} className="flex flex-wrap items-center gap-2">
                                <span>
                                  {name(o)}: {span(o.slot)}
                                </span>
                                {r.status === "confirmed" ? (
                                  <ProposeSlotButton
                                    requestId={r.requestId}
                                    equipmentId={o.equipmentId}
                                    start={o.slot.start}
                                    end={o.slot.end}
                                    at={at}
                                  />
                                ) : (
                                  <Link
                                    href={`/requests/${r.requestId}`}
                                    className="text-brand-700 underline"
                                  >
                                    {t("reviseQuote")}
                                  </Link>
                                )}
                              </li>
                            ))}
                          </ul>
                        )}
                      </div>
                      <div>
                        <h3 className="text-xs font-medium uppercase text-slate-600">
                          {t("elsewhere")}
                        </h3>
                        {r.hubOptions.length === 0 ? (
                          <p className="text-slate-600">{t("noElsewhere")}</p>
                        ) : (
                          <ul className="list-disc pl-5">
                            {r.hubOptions.map((o) => (
                              <li key={o.equipment.id}>
                                {locale === "zh" ? o.facility.nameZh : o.facility.nameEn} ·{" "}
                                {name(o.equipment)}: {span(o.slot)} ·{" "}
                                {formatFen(o.priceFen, locale)}
                              </li>
                            ))}
                          </ul>
                        )}
                        <div className="mt-2">
                          <HandToHubButton requestId={r.requestId} version={r.version} />
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {fault.closedAt === null && (
            <section className="max-w-xl space-y-2">
              <h2 className="font-medium">{t("closeHeading")}</h2>
              <CloseFaultForm id={fault.id} />
            </section>
          )}
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

import type { Metadata } from "next";
import { now } from "@/server/services/clock";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { serverCaller } from "../../_trpc/server";
import { loadForPage } from "../../_trpc/load";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { StatusBadge } from "../../_components/status-badge";
import { registryLabels, formatRange, formatFen } from "../../_components/registry/labels";
import { RequestActions } from "../../_components/booking/request-actions";
import { MatchList } from "../../_components/booking/match-list";
import { RouteButton } from "../../_components/booking/route-buttons";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `#${(await params).id}` };
}

export default async function RequestPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireRole(`/requests/${id}`, ["firm", "operator", "coordinator", "admin"]);
  if (!actor || !/^\d{1,12}$/.test(id)) notFound();
  const caller = await serverCaller();
  const loaded = await loadForPage(() => caller.request.get({ id: Number(id) }));
  if (!loaded.ok) notFound();
  const {
    request: r,
    firm,
    facility,
    events,
    reservations,
    messages,
    attachments,
    feedback,
    actions,
  } = loaded.data;
  const t = await getTranslations("request");
  const ts = await getTranslations("status");
  const tst = await getTranslations("serviceType");
  const labels = await registryLabels();
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short" });
  const equipment =
    (actions.includes("quote") || actions.includes("reschedule")) && facility
      ? (await caller.facility.get({ slug: facility.slug })).equipment
          .filter((e) => e.status === "operational")
          .map((e) => ({
            id: e.id,
            name: locale === "zh" && e.nameZh ? e.nameZh : e.name,
            rate: e.hourlyRateFen,
          }))
      : [];
  // The coordinator sees the hub's matches for a request waiting for the hub, or one to reassign.
  const hubMode =
    actor.role === "coordinator" &&
    ((r.status === "submitted" && r.facilityId === null) ||
      r.status === "rejected" ||
      (r.status === "submitted" && r.routedAt !== null));
  const matches = hubMode
    ? await caller.hub
        .matches({
          serviceType: r.serviceType,
          requiredParams: r.requiredParams as never,
          earliestStart: Math.max(r.earliestStart, now()),
          deadline: Math.max(r.deadline, now() + r.hours * 3_600_000 + 86_400_000),
          hours: r.hours,
          units: r.units,
          limit: 8,
        })
        .catch(() => null)
    : null;
  const preferred =
    equipment.find((e) => e.id === (r.quoteEquipmentId ?? r.equipmentId)) ?? equipment[0];
  return (
    <article className="space-y-6" data-testid="request-page">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/requests" className="text-brand-700 underline">
            {(await getTranslations("nav"))("requests")}
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">
            <span className="font-mono" data-testid="request-ref">
              {r.ref}
            </span>{" "}
            {r.title}
          </h1>
          <span data-testid="request-status" data-status={r.status}>
            <StatusBadge status={r.status} />
          </span>
        </div>
        <p className="text-sm text-slate-600">
          {firm.name} →{" "}
          {facility
            ? locale === "zh"
              ? facility.nameZh
              : facility.nameEn
            : (await getTranslations("requests"))("toHub")}{" "}
          · {tst(r.serviceType)}
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 className="mb-2 font-medium">{t("details")}</h2>
            {r.description && <p className="mb-2 whitespace-pre-line">{r.description}</p>}
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="text-slate-600">{t("window")}</dt>
              <dd>
                {when(r.earliestStart)} – {when(r.deadline)} · {t("hours", { count: r.hours })} ·{" "}
                {t("units", { count: r.units })}
              </dd>
              {r.sampleDetails && (
                <>
                  <dt className="text-slate-600">{t("sample")}</dt>
                  <dd>
                    {r.sampleDetails}
                    {r.quantity ? ` · ${r.quantity}` : ""}
                  </dd>
                </>
              )}
              {r.hazardClass && (
                <>
                  <dt className="text-slate-600">{t("hazard")}</dt>
                  <dd>{r.hazardClass}</dd>
                </>
              )}
              {r.standard && (
                <>
                  <dt className="text-slate-600">{t("standard")}</dt>
                  <dd>{r.standard}</dd>
                </>
              )}
              {r.requiredParams.length > 0 && (
                <>
                  <dt className="text-slate-600">{t("requiredParams")}</dt>
                  <dd>
                    {r.requiredParams
                      .map(
                        (p) =>
                          `${labels.param(p.key)} ${formatRange(p.min ?? null, p.max ?? null, p.unit, locale)}`,
                      )
                      .join(" · ")}
                  </dd>
                </>
              )}
            </dl>
          </section>

          {r.quoteAmountFen !== null && r.quoteStart !== null && (
            <section
              className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm"
              data-testid="quote"
            >
              <h2 className="mb-2 font-medium">{t("quote")}</h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="text-slate-600">{t("amount")}</dt>
                <dd className="font-medium">{formatFen(r.quoteAmountFen, locale)}</dd>
                <dt className="text-slate-600">{t("slot")}</dt>
                <dd>
                  {when(r.quoteStart)} – {when(r.quoteEnd!)} ·{" "}
                  {t("units", { count: r.quoteUnits ?? 1 })}
                </dd>
                {r.status === "quoted" && r.quoteValidUntil !== null && (
                  <>
                    <dt className="text-slate-600">{t("validUntil")}</dt>
                    <dd>{when(r.quoteValidUntil)}</dd>
                  </>
                )}
              </dl>
              {["confirmed", "in_progress", "completed"].includes(r.status) && (
                <a
                  href={`/api/requests/${r.id}/ics`}
                  className="mt-2 inline-block text-brand-700 underline"
                  data-testid="ics-link"
                >
                  {t("ics")}
                </a>
              )}
            </section>
          )}

          {reservations.length > 0 && (
            <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <h2 className="mb-2 font-medium">{t("reservation")}</h2>
              <ul className="space-y-1">
                {reservations.map((x) => (
                  <li key={x.id} className={x.releasedAt ? "text-slate-400 line-through" : ""}>
                    {x.kind === "hold" ? t("hold", { date: when(x.expiresAt ?? 0) }) : t("booking")}{" "}
                    · {locale === "zh" && x.equipmentNameZh ? x.equipmentNameZh : x.equipmentName} ·{" "}
                    {when(x.start)} – {when(x.end)}
                    {x.releasedAt ? ` (${t("released")})` : ""}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 className="mb-2 font-medium">{t("messages")}</h2>
            {messages.length === 0 ? (
              <p className="text-slate-600">{t("noMessages")}</p>
            ) : (
              <ol className="space-y-2" data-testid="messages">
                {messages.map((m) => (
                  <li key={m.id}>
                    <p className="text-xs text-slate-500">
                      {m.authorName} · {when(m.createdAt)}
                    </p>
                    <p className="whitespace-pre-line">{m.body}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 className="mb-2 font-medium">{t("attachments")}</h2>
            {attachments.length === 0 ? (
              <p className="text-slate-600">{t("noAttachments")}</p>
            ) : (
              <ul className="space-y-1" data-testid="attachments">
                {attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/api/attachments/${a.id}`} className="text-brand-700 underline">
                      {a.fileName}
                    </a>{" "}
                    <span className="text-xs text-slate-500">
                      {t(a.kind)} · {(a.size / 1024).toFixed(0)} kB · {when(a.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {feedback && (
            <section
              className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
              data-testid="feedback"
            >
              <h2 className="mb-1 font-medium">{t("feedback")}</h2>
              <p>
                {"★".repeat(feedback.rating)}
                {"☆".repeat(5 - feedback.rating)} {feedback.comment}
              </p>
            </section>
          )}
        </div>

        <div className="space-y-6">
          <section>
            <h2 className="mb-2 font-medium">{t("actions")}</h2>
            <ClientIntl namespaces={["request", "requestForm"]}>
              <TRPCReactProvider>
                <RequestActions
                  requestId={r.id}
                  version={r.version}
                  actions={actions}
                  equipment={equipment.map(({ id, name }) => ({ id, name }))}
                  preferredEquipmentId={preferred?.id ?? null}
                  window={{ from: r.earliestStart, to: r.deadline }}
                  hours={r.hours}
                  units={r.units}
                  suggestedAmountFen={preferred ? preferred.rate * r.hours * r.units : null}
                />
              </TRPCReactProvider>
            </ClientIntl>
          </section>
          {matches && (
            <section className="space-y-2" data-testid="hub-matches">
              <h2 className="font-medium">{(await getTranslations("hubMatch"))("title")}</h2>
              <ClientIntl namespaces={["hubMatch"]}>
                <TRPCReactProvider>
                  <MatchList
                    testId="match-candidates"
                    items={matches.candidates.filter((c) => c.facility.id !== r.facilityId)}
                    action={(c) => (
                      <RouteButton
                        requestId={r.id}
                        facilityId={c.facility.id}
                        equipmentId={c.equipment.id}
                        reassign={r.facilityId !== null}
                      />
                    )}
                  />
                </TRPCReactProvider>
              </ClientIntl>
              {matches.nearMisses.length > 0 && (
                <details className="text-sm">
                  <summary className="cursor-pointer">
                    {(await getTranslations("hubMatch"))("nearMisses")}
                  </summary>
                  <MatchList testId="match-near-misses" items={matches.nearMisses} />
                </details>
              )}
            </section>
          )}
          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 className="mb-2 font-medium">{t("timeline")}</h2>
            <ol className="space-y-2 border-l border-slate-200 pl-4" data-testid="timeline">
              {events.map((e) => (
                <li key={e.id}>
                  <p className="font-medium">{ts(e.toStatus)}</p>
                  <p className="text-xs text-slate-500">
                    {when(e.createdAt)} ·{" "}
                    {e.actorName ? t("by", { name: e.actorName }) : t("system")}
                  </p>
                  {e.note && <p className="text-slate-700">{e.note}</p>}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </article>
  );
}

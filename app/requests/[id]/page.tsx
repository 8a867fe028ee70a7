import { Billing } from "./_sections/billing";
import { VoucherCover } from "./_sections/voucher";
import { ActualUse } from "./_sections/actual-use";
import { QuoteLines } from "./_sections/quote-lines";
import { Samples } from "./_sections/samples";
import { Reports } from "./_sections/reports";
import { Waitlist } from "./_sections/waitlist";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";
import { requireRole } from "../../_auth/require-role";
import { serverCaller } from "../../_trpc/server";
import { loadForPage } from "../../_trpc/load";
import { StatusBadge } from "../../_components/status-badge";
import { QuoteSummary, RequestDetails } from "./_sections/request-details";
import {
  Attachments,
  Feedback,
  Messages,
  Reservations,
  Timeline,
} from "./_sections/request-records";
import { ActionPanel, HubMatches } from "./_sections/request-side";

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
  const data = loaded.data;
  const { request: r, firm, facility } = data;
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  // Times are the facility's wall-clock times (the network's for a request still at the hub).
  const timeZone = facility?.timeZone ?? NETWORK_TIME_ZONE;
  const when = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <article className="space-y-6" data-testid="request-page">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/requests" className="text-brand-700 underline">
            {t("nav.requests")}
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
          {facility ? (locale === "zh" ? facility.nameZh : facility.nameEn) : t("requests.toHub")} ·{" "}
          {t(`serviceType.${r.serviceType}`)}
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="min-w-0 space-y-6">
          <RequestDetails r={r} asked={data.askedEquipment} when={when} />
          <QuoteSummary r={r} when={when} />
          <QuoteLines data={data} />
          <ActualUse
            data={data}
            canRecord={
              actor.role !== "firm" && actor.role !== "admin" && r.facilityId === actor.facilityId
            }
            timeZone={timeZone}
          />
          <Samples data={data} actor={actor} caller={caller} timeZone={timeZone} />
          <Reports data={data} actor={actor} caller={caller} timeZone={timeZone} />
          <Billing
            data={data}
            canRecord={
              actor.role !== "firm" && actor.role !== "admin" && r.facilityId === actor.facilityId
            }
            timeZone={timeZone}
          />
          <VoucherCover
            data={data}
            canClaim={
              actor.role !== "firm" && actor.role !== "admin" && r.facilityId === actor.facilityId
            }
            timeZone={timeZone}
          />
          <Reservations items={data.reservations} when={when} />
          <Messages items={data.messages} when={when} />
          <Attachments items={data.attachments} when={when} />
          <Feedback feedback={data.feedback} />
        </div>
        <div className="min-w-0 space-y-6">
          <ActionPanel data={data} caller={caller} timeZone={timeZone} />
          <Waitlist data={data} actor={actor} caller={caller} timeZone={timeZone} />
          <HubMatches r={r} actor={actor} caller={caller} />
          <Timeline events={data.events} when={when} />
        </div>
      </div>
    </article>
  );
}

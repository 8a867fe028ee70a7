// The page's side panel: the actions the reader may take, and for a coordinator the hub's
// candidates to route or reassign the request to.
import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/server/services/actor";
import { now } from "@/server/services/clock";
import { serverCaller } from "../../../_trpc/server";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import { RequestActions } from "../../../_components/booking/request-actions";
import { MatchList } from "../../../_components/booking/match-list";
import { RouteButton } from "../../../_components/booking/route-buttons";
import type { LoadedRequest } from "./types";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

export async function ActionPanel({
  data,
  caller,
  timeZone,
}: {
  data: LoadedRequest;
  caller: Caller;
  timeZone: string;
}) {
  const { request: r, facility, actions } = data;
  const t = await getTranslations("request");
  const locale = await getLocale();
  // Quoting and rescheduling choose among the facility's operational equipment.
  const equipment =
    (actions.includes("quote") ||
      actions.includes("reviseQuote") ||
      actions.includes("reschedule")) &&
    facility
      ? (await caller.facility.get({ slug: facility.slug })).equipment
          .filter((e) => e.status === "operational")
          .map((e) => ({
            id: e.id,
            name: locale === "zh" && e.nameZh ? e.nameZh : e.name,
            rate: e.hourlyRateFen,
          }))
      : [];
  const preferred =
    equipment.find((e) => e.id === (r.quoteEquipmentId ?? r.equipmentId)) ?? equipment[0];
  return (
    <section>
      <h2 className="mb-2 font-medium">{t("actions")}</h2>
      {data.awaitingApproval && (
        <p
          className="mb-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900"
          role="status"
          data-testid="awaiting-approval"
        >
          {t("awaitingApprovalNote")}
        </p>
      )}
      <ClientIntl namespaces={["request", "requestForm", "rejectionReason", "quote", "vouchers"]}>
        <TRPCReactProvider>
          <RequestActions
            requestId={r.id}
            reference={r.ref}
            startOpensAt={data.startOpensAt}
            version={r.version}
            actions={actions}
            equipment={equipment}
            preferredEquipmentId={preferred?.id ?? null}
            preferredSlot={
              r.quoteStart !== null && r.quoteEnd !== null
                ? { start: r.quoteStart, end: r.quoteEnd }
                : r.preferredStart !== null
                  ? { start: r.preferredStart, end: r.preferredStart + r.hours * 3_600_000 }
                  : null
            }
            window={{ from: r.earliestStart, to: r.deadline }}
            hours={r.hours}
            units={r.units}
            suggestedLines={data.suggestedLines}
            vatRateBp={facility?.vatRateBp ?? 600}
            timeZone={timeZone}
            voucherOffer={data.voucherOffer}
          />
        </TRPCReactProvider>
      </ClientIntl>
    </section>
  );
}

/** For a coordinator: matches of a request waiting for the hub, or of one to reassign. */
export async function HubMatches({
  r,
  actor,
  caller,
}: {
  r: LoadedRequest["request"];
  actor: Actor;
  caller: Caller;
}) {
  const hubMode =
    actor.role === "coordinator" &&
    ((r.status === "submitted" && r.facilityId === null) ||
      r.status === "rejected" ||
      (r.status === "submitted" && r.routedAt !== null));
  if (!hubMode) return null;
  const at = now();
  const matches = await caller.hub
    .matches({
      serviceType: r.serviceType,
      ...(r.equipmentCategory ? { category: r.equipmentCategory } : {}),
      requiredParams: r.requiredParams as never,
      earliestStart: Math.max(r.earliestStart, at),
      deadline: Math.max(r.deadline, at + r.hours * 3_600_000 + 86_400_000),
      hours: r.hours,
      units: r.units,
      limit: 8,
    })
    .catch(() => null);
  if (!matches) return null;
  const t = await getTranslations("hubMatch");
  return (
    <section className="space-y-2" data-testid="hub-matches">
      <h2 className="font-medium">{t("title")}</h2>
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
          <summary className="cursor-pointer">{t("nearMisses")}</summary>
          <MatchList testId="match-near-misses" items={matches.nearMisses} />
        </details>
      )}
    </section>
  );
}

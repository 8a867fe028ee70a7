// The request's place on the waitlist: the firm joins it when no slot fits (an equipment, or a
// hub need), sees its place in line and any slot freed up for it; staff see the same facts.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/server/services/actor";
import { waitlistBlocker } from "@/server/services/waitlist/join";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import {
  JoinWaitlistForm,
  LeaveWaitlistButton,
} from "../../../_components/waitlist/waitlist-forms";
import { serverCaller } from "../../../_trpc/server";
import type { LoadedRequest } from "./types";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

export async function Waitlist({
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
  const entry = await caller.waitlist.ofRequest({ requestId: r.id });
  const isFirm = actor.role === "firm";
  const canJoin = isFirm && !entry && waitlistBlocker(r) === null;
  if (!entry && !canJoin) return null;
  const t = await getTranslations("waitlist");
  const tc = await getTranslations("category");
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short", timeZone });
  const asked = data.askedEquipment;
  const what = asked
    ? locale === "zh" && asked.nameZh
      ? asked.nameZh
      : asked.name
    : entry?.category || r.equipmentCategory
      ? t("hubNeedOf", { category: tc(entry?.category ?? r.equipmentCategory ?? "") })
      : t("hubNeed");
  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="waitlist"
      data-status={entry?.status ?? "none"}
    >
      <h2 className="font-medium">{t("title")}</h2>
      {!entry ? (
        <>
          <p className="text-slate-600">{t("joinLead", { what })}</p>
          <ClientIntl namespaces={["waitlist"]}>
            <TRPCReactProvider>
              <JoinWaitlistForm
                requestId={r.id}
                defaults={{
                  windowStart: r.earliestStart,
                  windowEnd: r.deadline,
                  hours: r.hours,
                  units: r.units,
                }}
                timeZone={timeZone}
              />
            </TRPCReactProvider>
          </ClientIntl>
        </>
      ) : (
        <>
          <p data-testid="waitlist-state">
            {entry.status === "waiting"
              ? t("waiting", { place: entry.place ?? 1, what })
              : entry.status === "offered"
                ? t("offered", {
                    start: when(entry.offerStart!),
                    end: when(entry.offerEnd!),
                    until: when(entry.offerExpiresAt!),
                  })
                : entry.status === "closed"
                  ? t(`closed.${entry.closeReason ?? "left"}`)
                  : t(entry.status)}
          </p>
          <p className="text-slate-600">
            {t("need", {
              from: when(entry.windowStart),
              to: when(entry.windowEnd),
              hours: entry.hours,
              units: entry.units,
            })}
          </p>
          {isFirm && entry.status === "waiting" && (
            <ClientIntl namespaces={["waitlist"]}>
              <TRPCReactProvider>
                <LeaveWaitlistButton entryId={entry.id} />
              </TRPCReactProvider>
            </ClientIntl>
          )}
        </>
      )}
    </section>
  );
}

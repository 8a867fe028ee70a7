import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { DataTable } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("waitlist"))("pageTitle") };
}

/** The lines of the facility's equipment (for the hub's coordinators, also the hub's needs). */
export default async function WaitlistPage() {
  const actor = await requireRole("/operator/waitlist", ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("waitlist");
  const tc = await getTranslations("category");
  const format = await getFormatter();
  const locale = await getLocale();
  const caller = await serverCaller();
  const start = await caller.workspace.operator();
  const timeZone = start.facility.timeZone;
  const line = await caller.waitlist.facility();
  const when = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <div className="space-y-6" data-testid="waitlist-page">
      <div>
        <h1 className="text-2xl font-semibold">{t("pageTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("pageLead")}</p>
      </div>
      {line.length === 0 ? (
        <EmptyState text={t("empty")} />
      ) : (
        <DataTable
          testId="waitlist-line"
          headers={[
            t("place"),
            t("request"),
            t("firm"),
            t("equipment"),
            t("window"),
            t("needCol"),
            t("state"),
          ]}
          rows={line.map((e) => ({
            key: e.id,
            cells: [
              e.place ?? "—",
              <Link
                key="ref"
                href={`/requests/${e.requestId}`}
                className="text-brand-700 underline"
              >
                <span className="font-mono">{e.ref}</span>
              </Link>,
              e.firmName,
              e.equipmentName
                ? locale === "zh" && e.equipmentNameZh
                  ? e.equipmentNameZh
                  : e.equipmentName
                : e.category
                  ? t("hubNeedOf", { category: tc(e.category) })
                  : t("hubNeed"),
              `${when(e.windowStart)} – ${when(e.windowEnd)}`,
              t("needShort", { hours: e.hours, units: e.units }),
              e.status === "offered"
                ? t("stateOffered", { until: when(e.offerExpiresAt!) })
                : t("stateWaiting"),
            ],
          }))}
        />
      )}
    </div>
  );
}

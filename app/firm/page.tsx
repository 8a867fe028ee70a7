import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../_auth/require-role";
import { Forbidden } from "../_components/forbidden";
import { serverCaller } from "../_trpc/server";
import { StatusBadge } from "../_components/status-badge";
import { StatCard } from "../_components/stat-card";
import { prefectureName } from "../_components/place-names";
import { DataTable } from "../_components/data-table";
import { ClientIntl } from "../_components/client-intl";
import { TRPCReactProvider } from "../_trpc/client";
import { ResendConfirmation } from "../_components/firm/link-forms";
import { IcalFeed } from "../_components/operations/ical-feed";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common"))("pageTitles.firm") };
}

export default async function FirmStartPage() {
  const actor = await requireRole("/firm", ["firm"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("firmStart");
  const tl = await getTranslations("accountLinks");
  const ts = await getTranslations("status");
  const tsize = await getTranslations("firmSize");
  const ti = await getTranslations("industry");
  const format = await getFormatter();
  const locale = await getLocale();
  const caller = await serverCaller();
  const data = await caller.workspace.firm();
  return (
    <div className="space-y-8" data-testid="start-firm">
      <h1 className="text-2xl font-semibold">{t("title", { name: actor.name })}</h1>
      {!actor.emailVerified && (
        <div
          className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          data-testid="unconfirmed-email"
        >
          <p>{tl("unconfirmedBanner", { email: actor.email })}</p>
          <ClientIntl namespaces={["accountLinks"]}>
            <TRPCReactProvider>
              <ResendConfirmation />
            </TRPCReactProvider>
          </ClientIntl>
        </div>
      )}
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">{t("firm")}</h2>
        <p className="mt-1 text-lg">{data.firm.name}</p>
        <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">{t("creditCode")}</dt>
            <dd className="font-mono">{data.firm.creditCode}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("size")}</dt>
            <dd>{tsize(data.firm.size)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("industry")}</dt>
            <dd>{ti(data.firm.industry as "other")}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("prefecture")}</dt>
            <dd>{prefectureName(data.firm.prefecture, locale)}</dd>
          </div>
        </dl>
      </section>
      <p>
        <Link
          href="/firm/vouchers"
          className="text-brand-700 underline"
          data-testid="vouchers-link"
        >
          {(await getTranslations("vouchers"))("startLink")}
        </Link>
        {actor.firmRole === "manager" && (
          <>
            {" · "}
            <Link href="/firm/team" className="text-brand-700 underline" data-testid="team-link">
              {(await getTranslations("team"))("link")}
            </Link>
          </>
        )}
      </p>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-medium">{t("calendar")}</h2>
        <ClientIntl namespaces={["schedule"]}>
          <TRPCReactProvider>
            <IcalFeed kind="firm" initialToken={await caller.user.calendarFeed()} />
          </TRPCReactProvider>
        </ClientIntl>
      </section>
      <section>
        <h2 className="mb-3 font-medium">{t("byStatus")}</h2>
        {data.byStatus.length === 0 ? (
          <div
            className="rounded-lg border border-brand-200 bg-brand-50 p-4"
            data-testid="next-steps"
          >
            <p className="font-medium">{t("nextTitle")}</p>
            <ol className="mt-2 list-decimal space-y-2 pl-5 text-sm">
              <li>
                <Link href="/equipment" className="text-brand-700 underline">
                  {t("nextSearch")}
                </Link>{" "}
                — {t("nextSearchHint")}
              </li>
              <li>
                <Link href="/services" className="text-brand-700 underline">
                  {t("nextServices")}
                </Link>{" "}
                — {t("nextServicesHint")}
              </li>
              <li>
                <Link href="/requests/new" className="text-brand-700 underline">
                  {t("nextHub")}
                </Link>{" "}
                — {t("nextHubHint")}
              </li>
            </ol>
          </div>
        ) : (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            {data.byStatus.map((s) => (
              <StatCard key={s.status} label={ts(s.status)} value={s.n} />
            ))}
          </dl>
        )}
      </section>
      {data.recent.length > 0 && (
        <section>
          <h2 className="mb-3 font-medium">{t("recent")}</h2>
          <DataTable
            testId="recent-requests"
            headers={[t("ref"), t("titleCol"), t("facility"), t("status"), t("updated")]}
            rows={data.recent.map((r) => ({
              key: r.id,
              cells: [
                <span key="ref" className="font-mono whitespace-nowrap">
                  {r.ref}
                </span>,
                r.title,
                r.facilityNameEn
                  ? locale === "zh"
                    ? r.facilityNameZh
                    : r.facilityNameEn
                  : t("toHub"),
                <StatusBadge key="status" status={r.status} />,
                <span key="updated" className="whitespace-nowrap">
                  {format.dateTime(new Date(r.updatedAt), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  })}
                </span>,
              ],
            }))}
          />
        </section>
      )}
    </div>
  );
}

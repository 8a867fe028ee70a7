// A firm's innovation vouchers: the programmes it may apply under, its applications and
// allotments with what is available, reserved for accepted requests and redeemed, and the ledger.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { StatCard } from "../../_components/stat-card";
import { EmptyState } from "../../_components/empty-state";
import { formatMoney } from "../../_components/format-money";
import { ApplyForm } from "../../_components/vouchers/apply-form";
import { NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vouchers"))("firmTitle") };
}

export default async function FirmVouchersPage() {
  const actor = await requireRole("/firm/vouchers", ["firm"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("vouchers");
  const locale = await getLocale();
  const format = await getFormatter();
  const data = await (await serverCaller()).voucher.mine();
  const money = (fen: number) => formatMoney(fen, locale);
  const when = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "medium", timeZone: NETWORK_TIME_ZONE });
  const name = (p: { en: string; zh: string }) => (locale === "zh" ? p.zh : p.en);
  const approved = data.allotments.filter((a) => a.status === "approved");
  const sum = (k: "availableFen" | "reservedFen" | "redeemedFen") =>
    approved.reduce((n, a) => n + a[k], 0);
  return (
    <div className="space-y-8" data-testid="firm-vouchers">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("firmTitle")}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t("firmLead")}</p>
      </header>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard
          label={t("available")}
          value={money(sum("availableFen"))}
          testId="voucher-available"
        />
        <StatCard
          label={t("reserved")}
          value={money(sum("reservedFen"))}
          testId="voucher-reserved"
        />
        <StatCard
          label={t("redeemed")}
          value={money(sum("redeemedFen"))}
          testId="voucher-redeemed"
        />
      </dl>

      <section className="space-y-3">
        <h2 className="font-medium">{t("myAllotments")}</h2>
        {data.allotments.length === 0 ? (
          <EmptyState text={t("noAllotments")} />
        ) : (
          <ul className="space-y-3">
            {data.allotments.map((a) => (
              <li
                key={a.id}
                className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
                data-testid={`allotment-${a.id}`}
                data-status={a.status}
              >
                <p className="font-medium">
                  {name(a.programme)}{" "}
                  <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                    {t(`allotmentStatus.${a.status}`)}
                  </span>
                </p>
                <p className="text-slate-700">
                  {t("appliedFor", { amount: money(a.requestedFen), date: when(a.createdAt) })}
                  {a.status === "refused" &&
                    a.reason &&
                    ` · ${t("refusedFor", { reason: a.reason })}`}
                </p>
                {a.status === "approved" && (
                  <>
                    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                      {(
                        [
                          ["granted", a.allottedFen],
                          ["available", a.availableFen],
                          ["reserved", a.reservedFen],
                          ["redeemed", a.redeemedFen],
                        ] as const
                      ).map(([k, fen]) => (
                        <div key={k}>
                          <dt className="text-xs text-slate-600">{t(k)}</dt>
                          <dd className="tabular-nums">{money(fen)}</dd>
                        </div>
                      ))}
                    </dl>
                    <details>
                      <summary className="cursor-pointer text-brand-700">{t("ledger")}</summary>
                      <ul className="mt-2 space-y-1">
                        {a.entries.map((e) => (
                          <li key={e.id} className="flex flex-wrap gap-x-3">
                            <span className="text-slate-600">{when(e.at)}</span>
                            <span>{t(`entry.${e.kind}`)}</span>
                            <span className="tabular-nums">{money(e.amountFen)}</span>
                            {e.requestId && (
                              <Link
                                href={`/requests/${e.requestId}`}
                                className="text-brand-700 underline"
                              >
                                {t("request")}
                              </Link>
                            )}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="space-y-3">
        <h2 className="font-medium">{t("programmes")}</h2>
        {data.programmes.length === 0 ? (
          <EmptyState text={t("noProgrammes")} />
        ) : (
          <ul className="space-y-3">
            {data.programmes.map((p) => (
              <li
                key={p.id}
                className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
                data-testid={`programme-${p.id}`}
              >
                <p className="font-medium">{locale === "zh" ? p.nameZh : p.nameEn}</p>
                <p className="text-slate-700">
                  {t("programmeTerms", {
                    testing: (p.ratesBp.testing ?? 0) / 100,
                    pilot: (p.ratesBp.pilot_production ?? 0) / 100,
                    cap: money(p.firmCapFen),
                    from: p.applyFrom,
                    until: p.applyUntil,
                    valid: p.validUntil,
                  })}
                </p>
                {p.applied ? (
                  <p className="text-slate-600">{t("alreadyApplied")}</p>
                ) : !p.eligible ? (
                  <p className="text-slate-600">{t("notEligible")}</p>
                ) : !p.open ? (
                  <p className="text-slate-600">{t("closed")}</p>
                ) : (
                  <ClientIntl namespaces={["vouchers"]}>
                    <TRPCReactProvider>
                      <ApplyForm programmeId={p.id} capFen={p.firmCapFen} />
                    </TRPCReactProvider>
                  </ClientIntl>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

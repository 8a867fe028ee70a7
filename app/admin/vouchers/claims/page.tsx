// Voucher claims for the department: filter by status, approve or return each filed claim, and
// export the list (CSV, XLSX) or the documents of the listed claims (ZIP).
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { claimStatuses } from "@/db/schema/enums";
import { requireRole } from "../../../_auth/require-role";
import { Forbidden } from "../../../_components/forbidden";
import { serverCaller } from "../../../_trpc/server";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import { EmptyState } from "../../../_components/empty-state";
import { formatMoney } from "../../../_components/format-money";
import { DecideClaim } from "../../../_components/vouchers/claim-buttons";
import { NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vouchers"))("claimsTitle") };
}

type Props = { searchParams: Promise<{ status?: string }> };

export default async function ClaimsPage({ searchParams }: Props) {
  const actor = await requireRole("/admin/vouchers/claims", ["admin"]);
  if (!actor) return <Forbidden />;
  const sp = await searchParams;
  const status = (claimStatuses as readonly string[]).includes(sp.status ?? "")
    ? (sp.status as (typeof claimStatuses)[number])
    : undefined;
  const t = await getTranslations("vouchers");
  const ts = await getTranslations("serviceType");
  const locale = await getLocale();
  const format = await getFormatter();
  const claims = await (await serverCaller()).voucher.claims({ status });
  const money = (fen: number) => formatMoney(fen, locale);
  const when = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "medium", timeZone: NETWORK_TIME_ZONE });
  const query = status ? `&status=${status}` : "";
  const tab = (s: string | undefined, label: string) => (
    <Link
      key={s ?? "all"}
      href={s ? `/admin/vouchers/claims?status=${s}` : "/admin/vouchers/claims"}
      aria-current={s === status ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 ${s === status ? "bg-brand-600 text-white" : "border border-slate-300 bg-white"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-6" data-testid="admin-claims">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/admin/vouchers" className="text-brand-700 underline">
            {t("adminTitle")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("claimsTitle")}</h1>
      </header>
      <nav aria-label={t("claimFilter")} className="flex flex-wrap gap-2 text-sm">
        {tab(undefined, t("allClaims"))}
        {claimStatuses.map((s) => tab(s, t(`claimStatus.${s}`)))}
      </nav>
      <p className="flex flex-wrap gap-3 text-sm">
        {(["csv", "xlsx", "zip"] as const).map((f) => (
          <a
            key={f}
            href={`/api/admin/vouchers/claims?format=${f}${query}`}
            className="text-brand-700 underline"
            data-testid={`export-${f}`}
          >
            {t(`export.${f}`)}
          </a>
        ))}
      </p>
      {claims.length === 0 ? (
        <EmptyState text={t("noClaims")} />
      ) : (
        <ClientIntl namespaces={["vouchers"]}>
          <TRPCReactProvider>
            <ul className="space-y-3">
              {claims.map((c) => (
                <li
                  key={c.claim.id}
                  className="space-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm"
                  data-testid={`admin-claim-${c.claim.id}`}
                  data-status={c.claim.status}
                >
                  <p className="font-medium">
                    <Link
                      href={`/requests/${c.claim.requestId}`}
                      className="font-mono text-brand-700 underline"
                    >
                      {c.ref}
                    </Link>{" "}
                    {c.title}
                    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                      {t(`claimStatus.${c.claim.status}`)}
                    </span>
                  </p>
                  <p className="text-slate-700">
                    {locale === "zh" ? c.facility.nameZh : c.facility.nameEn} → {c.firm.name} ·{" "}
                    {ts(c.serviceType)}
                  </p>
                  <p>
                    {t("claimFigures", {
                      amount: money(c.claim.amountFen),
                      total: money(c.quoteAmountFen ?? 0),
                      paid: money(c.claim.paidFen),
                      invoice: c.invoice.number,
                      filed: when(c.claim.filedAt),
                    })}
                  </p>
                  <p className="font-mono text-xs text-slate-600">{c.claim.agreementNumber}</p>
                  {c.claim.reason && <p>{t("returnedFor", { reason: c.claim.reason })}</p>}
                  {c.claim.status === "filed" && (
                    <DecideClaim claimId={c.claim.id} reference={c.ref} />
                  )}
                </li>
              ))}
            </ul>
          </TRPCReactProvider>
        </ClientIntl>
      )}
    </div>
  );
}

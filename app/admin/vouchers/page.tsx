// The department's innovation vouchers: the year's figures (budget, allotted, reserved, redeemed)
// in total and by prefecture, firm size, facility or field; the programmes with their
// applications to decide; and a form for a new programme.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { StatCard } from "../../_components/stat-card";
import { DataTable } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { formatMoney } from "../../_components/format-money";
import { prefectureName } from "../../_components/place-names";
import { ProgrammeForm } from "../../_components/vouchers/programme-form";
import { newProgramme } from "../../_components/vouchers/programme-values";
import { DecideAllotment } from "../../_components/vouchers/decide-allotment";
import { now } from "@/server/services/clock";
import { voucherGroupings } from "@/server/services/vouchers/figures";
import { localParts, NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vouchers"))("adminTitle") };
}

type Props = { searchParams: Promise<{ year?: string; by?: string }> };

export default async function AdminVouchersPage({ searchParams }: Props) {
  const actor = await requireRole("/admin/vouchers", ["admin"]);
  if (!actor) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations("vouchers");
  const tsize = await getTranslations("firmSize");
  const tfield = await getTranslations("field");
  const locale = await getLocale();
  const format = await getFormatter();
  const caller = await serverCaller();
  const thisYear = localParts(now(), NETWORK_TIME_ZONE).year;
  const year = /^\d{4}$/.test(sp.year ?? "") ? Number(sp.year) : thisYear;
  const by = (voucherGroupings as readonly string[]).includes(sp.by ?? "")
    ? (sp.by as (typeof voucherGroupings)[number])
    : "prefecture";
  const [figures, programmes] = await Promise.all([
    caller.voucher.figures({ year, by }),
    caller.voucher.programmes(),
  ]);
  const applications = await Promise.all(
    programmes.map((p) => caller.voucher.applications({ id: p.id })),
  );
  const money = (fen: number) => formatMoney(fen, locale);
  const when = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "medium", timeZone: NETWORK_TIME_ZONE });
  const groupName = (key: string, name: { en: string; zh: string } | null) =>
    by === "prefecture"
      ? prefectureName(key, locale)
      : by === "size"
        ? tsize(key as "micro")
        : by === "field"
          ? tfield(key as "ai")
          : name
            ? locale === "zh"
              ? name.zh
              : name.en
            : key;
  return (
    <div className="space-y-8" data-testid="admin-vouchers">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("adminTitle")}</h1>
        <Link href="/admin/vouchers/claims" className="text-brand-700 underline">
          {t("claimsLink")}
        </Link>
      </header>

      <section className="space-y-3">
        <form className="flex flex-wrap items-end gap-3 text-sm" method="get">
          <div>
            <label htmlFor="voucher-year" className="block font-medium">
              {t("year")}
            </label>
            <input
              id="voucher-year"
              name="year"
              type="number"
              defaultValue={year}
              className="mt-1 w-28 rounded-md border border-slate-300 px-2 py-2"
            />
          </div>
          <div>
            <label htmlFor="voucher-by" className="block font-medium">
              {t("by")}
            </label>
            <select
              id="voucher-by"
              name="by"
              defaultValue={by}
              className="mt-1 rounded-md border border-slate-300 px-2 py-2"
            >
              {voucherGroupings.map((g) => (
                <option key={g} value={g}>
                  {t(`grouping.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700"
          >
            {t("show")}
          </button>
        </form>
        <dl
          className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5"
          data-testid="voucher-figures"
        >
          <StatCard label={t("budget")} value={money(figures.budgetFen)} definition="vouchers" />
          <StatCard
            label={t("allotted")}
            value={money(figures.allottedFen)}
            testId="fig-allotted"
          />
          <StatCard
            label={t("reserved")}
            value={money(figures.reservedFen)}
            testId="fig-reserved"
          />
          <StatCard
            label={t("redeemed")}
            value={money(figures.redeemedFen)}
            testId="fig-redeemed"
          />
          <StatCard label={t("unallotted")} value={money(figures.unallottedFen)} />
        </dl>
        {figures.rows.length === 0 ? (
          <EmptyState text={t("noFigures")} />
        ) : (
          <DataTable
            testId="voucher-breakdown"
            headers={[t(`grouping.${by}`), t("allotted"), t("reserved"), t("redeemed"), t("firms")]}
            rows={figures.rows.map((r) => ({
              key: r.key,
              cells: [
                groupName(r.key, r.name),
                money(r.allottedFen),
                money(r.reservedFen),
                money(r.redeemedFen),
                r.firms,
              ],
            }))}
          />
        )}
        {(by === "facility" || by === "field") && (
          <p className="text-xs text-slate-600">{t("drawnOnly")}</p>
        )}
      </section>

      <ClientIntl namespaces={["vouchers", "serviceType", "firmSize"]}>
        <TRPCReactProvider>
          <section className="space-y-4">
            <h2 className="text-lg font-medium">{t("programmes")}</h2>
            {programmes.length === 0 && <EmptyState text={t("noProgrammes")} />}
            {programmes.map((p, i) => (
              <article
                key={p.id}
                className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm"
                data-testid={`admin-programme-${p.id}`}
              >
                <h3 className="font-medium">
                  {p.year} · {locale === "zh" ? p.nameZh : p.nameEn}
                </h3>
                <p>
                  {t("programmeFigures", {
                    budget: money(p.budgetFen),
                    allotted: money(p.allottedFen),
                    reserved: money(p.reservedFen),
                    redeemed: money(p.redeemedFen),
                  })}
                </p>
                <h4 className="font-medium">{t("applications")}</h4>
                {applications[i].length === 0 ? (
                  <p className="text-slate-600">{t("noApplications")}</p>
                ) : (
                  <ul className="space-y-2">
                    {applications[i].map((a) => (
                      <li
                        key={a.id}
                        className="space-y-1 rounded border border-slate-200 bg-white p-3"
                        data-testid={`application-${a.id}`}
                        data-status={a.status}
                      >
                        <p className="font-medium">
                          {a.firm.name} · {tsize(a.firm.size)} ·{" "}
                          {prefectureName(a.firm.prefecture, locale)}
                          <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                            {t(`allotmentStatus.${a.status}`)}
                          </span>
                        </p>
                        <p>
                          {t("appliedFor", {
                            amount: money(a.requestedFen),
                            date: when(a.createdAt),
                          })}
                        </p>
                        <p className="text-slate-700">{a.purpose}</p>
                        {a.status === "approved" && (
                          <p>
                            {t("allotmentFigures", {
                              granted: money(a.allottedFen),
                              available: money(a.availableFen),
                              reserved: money(a.reservedFen),
                              redeemed: money(a.redeemedFen),
                            })}
                          </p>
                        )}
                        {a.status === "refused" && a.reason && (
                          <p>{t("refusedFor", { reason: a.reason })}</p>
                        )}
                        {a.status === "pending" && (
                          <DecideAllotment id={a.id} requestedFen={a.requestedFen} />
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                <details>
                  <summary className="cursor-pointer text-brand-700">{t("editProgramme")}</summary>
                  <div className="mt-2">
                    <ProgrammeForm
                      initial={{
                        id: p.id,
                        year: p.year,
                        nameEn: p.nameEn,
                        nameZh: p.nameZh,
                        budgetFen: p.budgetFen,
                        firmCapFen: p.firmCapFen,
                        ratesBp: p.ratesBp,
                        eligibleSizes: p.eligibleSizes,
                        eligiblePrefectures: p.eligiblePrefectures,
                        applyFrom: p.applyFrom,
                        applyUntil: p.applyUntil,
                        validUntil: p.validUntil,
                      }}
                    />
                  </div>
                </details>
              </article>
            ))}
          </section>
          <section className="space-y-2">
            <h2 className="text-lg font-medium">{t("newProgramme")}</h2>
            <ProgrammeForm initial={newProgramme(thisYear + 1)} />
          </section>
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

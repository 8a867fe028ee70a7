import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../_auth/require-role";
import { Forbidden } from "../_components/forbidden";
import { serverCaller } from "../_trpc/server";
import { StatCard } from "../_components/stat-card";
import { EmptyState } from "../_components/empty-state";
import { DataTable } from "../_components/data-table";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common"))("pageTitles.operator") };
}

export default async function OperatorStartPage() {
  const actor = await requireRole("/operator", ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("operatorStart");
  const tm = await getTranslations("manage");
  const te = await getTranslations("equipmentStatus");
  const tk = await getTranslations("names.reservation");
  const ts = await getTranslations("status");
  const tf = await getTranslations("firmStart");
  const format = await getFormatter();
  const locale = await getLocale();
  const data = await (await serverCaller()).workspace.operator();
  const when = (ms: number) =>
    format.dateTime(new Date(ms), {
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
  return (
    <div className="space-y-8" data-testid="start-operator">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">
          {t("title", { facility: locale === "zh" ? data.facility.nameZh : data.facility.nameEn })}
        </h1>
        <nav aria-label={tm("manage")} className="flex flex-wrap gap-2 text-sm">
          {(
            [
              ["/requests", (await getTranslations("nav"))("requests")],
              ["/operator/schedule", t("scheduleBoard")],
              ["/operator/maintenance", t("manageMaintenance")],
              ["/operator/faults", (await getTranslations("faults"))("title")],
              ["/operator/waitlist", (await getTranslations("waitlist"))("pageTitle")],
              ["/operator/evaluation", (await getTranslations("evaluation"))("mineTitle")],
              ["/operator/equipment", tm("equipmentTitle")],
              ["/operator/services", tm("servicesTitle")],
              ["/operator/profile", tm("profileTitle")],
            ] as const
          ).map(([href, label]) => (
            <Link
              key={href}
              href={href}
              className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50"
            >
              {label}
            </Link>
          ))}
        </nav>
      </div>
      {(data.calibrationsDue.length > 0 || data.accreditationsDue.length > 0) && (
        <section
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
          data-testid="due-warnings"
        >
          <h2 className="mb-1 font-medium">{t("dueSoon")}</h2>
          <ul className="list-disc pl-5">
            {data.calibrationsDue.map((c) => (
              <li key={c.id}>
                {t(c.dueAt! < data.now ? "calibrationExpired" : "calibrationDue", {
                  name: c.name,
                  date: format.dateTime(new Date(c.dueAt!), { dateStyle: "medium" }),
                })}
              </li>
            ))}
            {data.accreditationsDue.map((a) => (
              <li key={a.certificateNo}>
                {t(a.validUntil < data.now ? "accreditationExpired" : "accreditationDue", {
                  name: `${a.type} ${a.certificateNo}`,
                  date: format.dateTime(new Date(a.validUntil), { dateStyle: "medium" }),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2 className="mb-3 font-medium">{t("equipment")}</h2>
        <dl className="grid grid-cols-3 gap-3">
          {data.equipmentByStatus.map((s) => (
            <StatCard key={s.status} label={te(s.status)} value={s.n} />
          ))}
        </dl>
      </section>
      <section>
        <h2 className="mb-3 font-medium">{t("awaitingQuote")}</h2>
        {data.awaitingQuote.length === 0 ? (
          <EmptyState text={t("awaitingEmpty")} />
        ) : (
          <DataTable
            headers={[tf("ref"), t("firm"), tf("titleCol"), t("age")]}
            rows={data.awaitingQuote.map((r) => ({
              key: r.id,
              cells: [
                <Link
                  key="ref"
                  href={`/requests/${r.id}`}
                  className="font-mono whitespace-nowrap text-brand-700"
                >
                  {r.ref}
                </Link>,
                r.firmName,
                r.title,
                format.relativeTime(new Date(r.createdAt), new Date(data.now)),
              ],
            }))}
          />
        )}
      </section>
      <section>
        <h2 className="mb-3 font-medium">{t("weekAhead")}</h2>
        {data.weekAhead.length === 0 ? (
          <EmptyState text={t("weekEmpty")} />
        ) : (
          <DataTable
            testId="week-ahead"
            headers={[t("when"), t("equipment"), t("kind"), tf("ref"), t("firm")]}
            rows={data.weekAhead.map((r) => ({
              key: r.reservationId,
              cells: [
                `${when(r.start)} – ${when(r.end)}`,
                r.equipmentName,
                tk(r.kind),
                r.ref ?? "—",
                r.firmName ?? "—",
              ],
            }))}
          />
        )}
      </section>
      {data.expiringQuotes.length > 0 && (
        <section>
          <h2 className="mb-3 font-medium">{t("expiringQuotes")}</h2>
          <DataTable
            headers={[tf("ref"), t("firm"), tf("titleCol"), t("validUntil")]}
            rows={data.expiringQuotes.map((q) => ({
              key: q.id,
              cells: [
                <Link key="r" href={`/requests/${q.id}`} className="font-mono text-brand-700">
                  {q.ref}
                </Link>,
                q.firmName,
                q.title,
                when(q.validUntil!),
              ],
            }))}
          />
        </section>
      )}
      <section>
        <h2 className="mb-3 font-medium">{t("utilisation")}</h2>
        <DataTable
          testId="utilisation"
          headers={[t("equipment"), t("booked"), t("available"), t("ratio")]}
          rows={data.utilisation.map((u) => ({
            key: u.equipmentId,
            cells: [
              u.name,
              u.bookedUnitHours.toFixed(1),
              u.availableUnitHours.toFixed(1),
              u.ratio === null ? "—" : `${(u.ratio * 100).toFixed(1)}%`,
            ],
          }))}
        />
        <p className="mt-1 text-xs text-slate-500">{t("utilisationDefinition")}</p>
      </section>
      <section>
        <h2 className="mb-3 font-medium">{t("byStatus")}</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {data.byStatus.map((s) => (
            <StatCard key={s.status} label={ts(s.status)} value={s.n} />
          ))}
        </dl>
      </section>
    </div>
  );
}

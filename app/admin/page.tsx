import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "../_auth/require-role";
import { Forbidden } from "../_components/forbidden";
import { serverCaller } from "../_trpc/server";
import { StatCard } from "../_components/stat-card";
import { EmptyState } from "../_components/empty-state";
import { DataTable } from "../_components/data-table";
import { BarList } from "../_components/bar-list";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common"))("pageTitles.admin") };
}

export default async function AdminStartPage() {
  const actor = await requireRole("/admin", ["admin"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("adminStart");
  const ts = await getTranslations("status");
  const format = await getFormatter();
  const caller = await serverCaller();
  const data = await caller.workspace.admin();
  const outbox = await caller.audit.outbox({ page: 1 });
  const facilities = (status: string) =>
    data.facilitiesByStatus.find((s) => s.status === status)?.n ?? 0;
  return (
    <div className="space-y-8" data-testid="start-admin">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link
          href="/admin/dashboard"
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {(await getTranslations("dashboard"))("open")}
        </Link>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <StatCard label={t("activeFacilities")} value={facilities("active")} />
        <StatCard label={t("suspendedFacilities")} value={facilities("suspended")} />
        <StatCard label={t("equipment")} value={data.equipmentCount} />
        <StatCard label={t("firms")} value={data.firmCount} />
        <StatCard label={t("users")} value={data.userCount} />
      </dl>
      <BarList
        title={t("last30")}
        items={data.requestsLast30Days.map((s) => ({ label: ts(s.status), value: s.n }))}
      />
      <section>
        <h2 className="mb-3 font-medium">{t("audit")}</h2>
        {data.recentAudit.length === 0 ? (
          <EmptyState text={t("auditEmpty")} />
        ) : (
          <DataTable
            testId="audit-table"
            headers={[t("time"), t("action"), t("actor"), t("ip"), t("target")]}
            rows={data.recentAudit.map((a) => ({
              key: a.id,
              cells: [
                format.dateTime(new Date(a.createdAt), { dateStyle: "short", timeStyle: "medium" }),
                <code key="a">{a.action}</code>,
                a.actorEmail ?? "—",
                a.ip ?? "—",
                a.target ?? "—",
              ],
            }))}
          />
        )}
      </section>
      <section>
        <h2 className="mb-1 font-medium">{t("outbox")}</h2>
        <p className="mb-3 text-sm text-slate-600">
          {outbox.smtpConfigured ? t("outboxSmtp") : t("outboxNoSmtp")}
        </p>
        {outbox.rows.length === 0 ? (
          <EmptyState text={t("outboxEmpty")} />
        ) : (
          <DataTable
            testId="outbox-table"
            headers={[t("time"), t("to"), t("subject"), t("sent")]}
            rows={outbox.rows.slice(0, 15).map((m) => ({
              key: m.id,
              cells: [
                format.dateTime(new Date(m.createdAt), { dateStyle: "short", timeStyle: "short" }),
                m.toAddress,
                m.subject,
                m.sentAt
                  ? format.dateTime(new Date(m.sentAt), { timeStyle: "short" })
                  : (m.error ?? "—"),
              ],
            }))}
          />
        )}
      </section>
    </div>
  );
}

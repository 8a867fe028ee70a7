import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { first, type SearchParams } from "../../_components/search-params";
import { Pagination } from "../../_components/registry/pagination";
import { DataTable } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminStart"))("outbox") };
}

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  if (!(await requireRole("/admin/outbox", ["admin"]))) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations("adminStart");
  const format = await getFormatter();
  const page = Math.min(10_000, Math.max(1, Number(first(sp, "page")) || 1));
  const outbox = await (await serverCaller()).audit.outbox({ page });
  return (
    <div className="space-y-4" data-testid="admin-outbox">
      <h1 className="text-2xl font-semibold">{t("outbox")}</h1>
      <p className="text-sm text-slate-600">
        {outbox.smtpConfigured ? t("outboxSmtp") : t("outboxNoSmtp")}
      </p>
      {outbox.rows.length === 0 ? (
        <EmptyState text={t("outboxEmpty")} />
      ) : (
        <DataTable
          testId="outbox-table"
          headers={[t("time"), t("to"), t("subject"), t("body"), t("sent")]}
          rows={outbox.rows.map((m) => ({
            key: m.id,
            cells: [
              format.dateTime(new Date(m.createdAt), { dateStyle: "short", timeStyle: "short" }),
              m.toAddress,
              m.subject,
              <details key="b">
                <summary className="cursor-pointer text-brand-700">{t("show")}</summary>
                <pre className="mt-1 max-w-xl whitespace-pre-wrap text-xs text-slate-700">
                  {m.body}
                </pre>
              </details>,
              m.sentAt
                ? format.dateTime(new Date(m.sentAt), { dateStyle: "short", timeStyle: "short" })
                : (m.error ?? "—"),
            ],
          }))}
        />
      )}
      <Pagination
        path="/admin/outbox"
        sp={sp}
        page={page}
        pages={Math.max(1, Math.ceil(outbox.total / 50))}
      />
    </div>
  );
}

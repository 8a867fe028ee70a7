import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { loadForPage } from "../../_trpc/load";
import { first, type SearchParams } from "../../_components/search-params";
import { dayStart } from "../../_components/stats/stats-query";
import { SelectField } from "../../_components/registry/select-field";
import { SearchActions } from "../../_components/registry/search-actions";
import { Pagination } from "../../_components/registry/pagination";
import { BadInput } from "../../_components/registry/bad-input";
import { DataTable } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAudit"))("title") };
}

/** Action families a reader filters by (an action is matched by prefix). */
const families = [
  "auth.",
  "auth.sign_in",
  "auth.denied",
  "admin.",
  "facility.",
  "equipment.",
  "service.",
  "request.",
  "maintenance.",
  "hub.",
];
const day = (v?: string) => (Number.isNaN(dayStart(v)) ? undefined : dayStart(v));

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await requireRole("/admin/audit", ["admin"]))) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations("adminAudit");
  // Actions in words; the stored code stays in the title (and unknown codes show as they are).
  const ta = await getTranslations("auditAction");
  const format = await getFormatter();
  const to = day(first(sp, "to"));
  const input = {
    action: first(sp, "action"),
    email: first(sp, "email"),
    from: day(first(sp, "from")),
    to: to === undefined ? undefined : to + 86_400_000,
    page: Math.max(1, Number(first(sp, "page")) || 1),
  };
  const result = await loadForPage(async () => (await serverCaller()).audit.list(input));
  return (
    <div className="space-y-6" data-testid="admin-audit">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      >
        <label htmlFor="email" className="block text-sm font-medium">
          {t("actor")}
          <input
            id="email"
            name="email"
            type="search"
            defaultValue={first(sp, "email")}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
          />
        </label>
        <SelectField
          id="action"
          label={t("action")}
          value={input.action}
          anyLabel={t("any")}
          options={families.map((f) => [f, f.endsWith(".") ? `${f}*` : f])}
        />
        <label htmlFor="from" className="block text-sm font-medium">
          {t("from")}
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={first(sp, "from")}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
          />
        </label>
        <label htmlFor="to" className="block text-sm font-medium">
          {t("to")}
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={first(sp, "to")}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
          />
        </label>
        <SearchActions resetHref="/admin/audit" className="self-end" />
      </form>
      {!result.ok ? (
        <BadInput message={result.message} resetHref="/admin/audit" />
      ) : result.data.rows.length === 0 ? (
        <EmptyState text={t("empty")} />
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("count", { n: result.data.total })}</p>
          <DataTable
            testId="audit-table"
            headers={[t("time"), t("action"), t("actor"), t("ip"), t("target"), t("detail")]}
            rows={result.data.rows.map((a) => ({
              key: a.id,
              cells: [
                format.dateTime(new Date(a.createdAt), { dateStyle: "short", timeStyle: "medium" }),
                <span key="a" title={a.action}>
                  {ta.has(a.action as never) ? ta(a.action as never) : a.action}
                </span>,
                a.actorEmail ?? "—",
                a.ip ?? "—",
                a.target ?? "—",
                <code key="d" className="break-all text-xs text-slate-600">
                  {a.detail ? JSON.stringify(a.detail) : ""}
                </code>,
              ],
            }))}
          />
          <Pagination
            path="/admin/audit"
            sp={sp}
            page={result.data.page}
            pages={Math.max(1, Math.ceil(result.data.total / result.data.pageSize))}
          />
        </>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "../_auth/require-role";
import { Forbidden } from "../_components/forbidden";
import { serverCaller } from "../_trpc/server";
import { EmptyState } from "../_components/empty-state";
import { DataTable } from "../_components/data-table";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common"))("pageTitles.hub") };
}

export default async function HubStartPage() {
  const actor = await requireRole("/hub", ["coordinator"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("hubStart");
  const tst = await getTranslations("serviceType");
  const tf = await getTranslations("firmStart");
  const format = await getFormatter();
  const data = await (await serverCaller()).workspace.hub();
  return (
    <div className="space-y-6" data-testid="start-hub">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("lead")}</p>
        </div>
        <Link
          href="/operator/waitlist"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
        >
          {(await getTranslations("waitlist"))("pageTitle")}
        </Link>
      </div>
      {data.unrouted.length === 0 ? (
        <EmptyState text={t("empty")} />
      ) : (
        <DataTable
          testId="hub-inbox"
          headers={[tf("ref"), tf("titleCol"), t("serviceType"), t("firm"), t("submitted"), ""]}
          rows={data.unrouted.map((r) => ({
            key: r.id,
            cells: [
              <Link
                key="ref"
                href={`/requests/${r.id}`}
                className="font-mono whitespace-nowrap text-brand-700 hover:underline"
              >
                {r.ref}
              </Link>,
              r.title,
              tst(r.serviceType),
              r.firmName,
              format.dateTime(new Date(r.createdAt), { dateStyle: "medium", timeStyle: "short" }),
              <span
                key="age"
                className={
                  r.overdue
                    ? "rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900"
                    : "text-xs text-slate-600"
                }
              >
                {r.overdue ? t("overdue") : t("waiting", { days: r.workingDaysWaiting })}
              </span>,
            ],
          }))}
        />
      )}
    </div>
  );
}

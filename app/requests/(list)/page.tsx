import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requestStatuses } from "@/db/schema/enums";
import { requireRole } from "../../_auth/require-role";
import { serverCaller } from "../../_trpc/server";
import { loadForPage } from "../../_trpc/load";
import { first, type SearchParams } from "../../_components/search-params";
import { Pagination } from "../../_components/registry/pagination";
import { BadInput } from "../../_components/registry/bad-input";
import { SelectField } from "../../_components/registry/select-field";
import { SearchActions, ResultCount } from "../../_components/registry/search-actions";
import { StatusBadge } from "../../_components/status-badge";
import { DataTable } from "../../_components/data-table";
import { formatSlot } from "../../_components/format-slot";
import { NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";
import { EmptyState } from "../../_components/empty-state";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("requests") };
}

export default async function RequestsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireRole("/requests", ["firm", "operator", "coordinator", "admin"]);
  const sp = await searchParams;
  const t = await getTranslations("requests");
  const ts = await getTranslations("status");
  const format = await getFormatter();
  const locale = await getLocale();
  const caller = await serverCaller();
  const unrouted = actor?.role === "coordinator" && first(sp, "unrouted") === "1";
  const input = { status: first(sp, "status"), page: first(sp, "page"), unrouted };
  const result = await loadForPage(() =>
    caller.request.list(input as Parameters<typeof caller.request.list>[0]),
  );
  const title =
    actor?.role === "firm"
      ? t("titleFirm")
      : actor?.role === "admin"
        ? t("titleAdmin")
        : unrouted
          ? t("titleHub")
          : t("titleFacility");
  return (
    <div className="space-y-6" data-testid="requests-page">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {actor?.role === "firm" && (
          <div className="flex gap-2 text-sm">
            <Link
              href="/equipment"
              className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50"
            >
              {t("new")}
            </Link>
            <Link
              href="/requests/new"
              className="rounded-md bg-brand-600 px-3 py-2 text-white hover:bg-brand-700"
            >
              {t("askHub")}
            </Link>
          </div>
        )}
      </div>
      <form
        method="get"
        action="/requests"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <SelectField
          id="status"
          label={t("status")}
          value={input.status}
          anyLabel={t("any")}
          options={requestStatuses.map((s) => [s, ts(s)])}
        />
        {actor?.role === "coordinator" && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="unrouted" value="1" defaultChecked={unrouted} />{" "}
            {t("unrouted")}
          </label>
        )}
        <SearchActions resetHref="/requests" />
      </form>
      {!result.ok ? (
        <BadInput message={result.message} resetHref="/requests" />
      ) : (
        <section className="space-y-3">
          <ResultCount total={result.data.total} />
          {result.data.items.length === 0 ? (
            <EmptyState text={t("empty")} />
          ) : (
            <DataTable
              testId="request-list"
              headers={[
                t("ref"),
                t("title"),
                actor?.role === "firm" ? t("facility") : t("firm"),
                t("slot"),
                t("status"),
                actor?.role === "firm" ? t("updated") : t("created"),
              ]}
              rows={result.data.items.map((r) => ({
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
                  actor?.role === "firm"
                    ? r.facilityNameEn
                      ? locale === "zh"
                        ? r.facilityNameZh
                        : r.facilityNameEn
                      : t("toHub")
                    : r.firmName,
                  <SlotCell key="slot" r={r} locale={locale} askedLabel={t("asked")} />,
                  <StatusBadge key="s" status={r.status} />,
                  <span key="d" className="whitespace-nowrap">
                    {format.dateTime(new Date(actor?.role === "firm" ? r.updatedAt : r.createdAt), {
                      dateStyle: "medium",
                      timeStyle: "short",
                    })}
                  </span>,
                ],
              }))}
            />
          )}
          <Pagination path="/requests" sp={sp} page={result.data.page} pages={result.data.pages} />
        </section>
      )}
    </div>
  );
}

/** The equipment and slot: the quoted one, else the one the firm picked ("asked"). */
function SlotCell({
  r,
  locale,
  askedLabel,
}: {
  r: {
    quoteStart: number | null;
    quoteEnd: number | null;
    preferredStart: number | null;
    hours: number;
    equipmentName: string | null;
    equipmentNameZh: string | null;
    timeZone: string | null;
  };
  locale: string;
  askedLabel: string;
}) {
  const name = locale === "zh" && r.equipmentNameZh ? r.equipmentNameZh : r.equipmentName;
  const slot =
    r.quoteStart !== null && r.quoteEnd !== null
      ? { start: r.quoteStart, end: r.quoteEnd }
      : r.preferredStart !== null
        ? { start: r.preferredStart, end: r.preferredStart + r.hours * 3_600_000 }
        : null;
  if (!name && !slot) return <span className="text-slate-500">—</span>;
  return (
    <span className="text-xs">
      {name && <span className="block">{name}</span>}
      {slot && (
        <span className="block whitespace-nowrap">
          {formatSlot(slot, r.timeZone ?? NETWORK_TIME_ZONE, locale)}
          {r.quoteStart === null && <span className="text-slate-500"> · {askedLabel}</span>}
        </span>
      )}
    </span>
  );
}

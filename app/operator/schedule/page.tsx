import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { first, type SearchParams } from "../../_components/search-params";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { IcalFeed } from "../../_components/operations/ical-feed";
import { boardViews } from "@/server/services/operations/schedule-board";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schedule"))("title") };
}

const HOUR = 3_600_000;

const colours = {
  hold: "bg-amber-300 text-amber-950",
  booking: "bg-emerald-700 text-white",
  maintenance: "bg-violet-300 text-violet-950",
} as const;

export default async function SchedulePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireRole("/operator/schedule", ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations("schedule");
  const tk = await getTranslations("names.reservation");
  const format = await getFormatter();
  const locale = await getLocale();
  const view = boardViews.find((v) => v === first(sp, "view")) ?? "week";
  const asked = first(sp, "date");
  const caller = await serverCaller();
  // The window (a day, week or month of the facility's time zone) is the service's to work out.
  const board = await caller.schedule.board({
    view,
    ...(asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? { date: asked } : {}),
  });
  const token = await caller.schedule.icalToken();
  const date = board.days[0].key;
  const span = board.to - board.from;
  const pct = (t: number) => `${(Math.min(Math.max(t - board.from, 0), span) / span) * 100}%`;
  const width = (a: number, b: number) =>
    `${((Math.min(b, board.to) - Math.max(a, board.from)) / span) * 100}%`;
  // The day view has an hour grid (labelled every two hours); week and month views a day grid.
  const ticks =
    view === "day"
      ? Array.from({ length: Math.round(span / HOUR) }, (_, i) => board.from + i * HOUR)
      : board.days.map((d) => d.start);
  const labelled = (i: number) => view !== "day" || i % 2 === 0;
  const label = (ms: number) =>
    format.dateTime(
      new Date(ms),
      view === "day"
        ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: board.timeZone }
        : {
            month: "numeric",
            day: "numeric",
            weekday: view === "week" ? "short" : undefined,
            timeZone: board.timeZone,
          },
    );
  const when = (a: number, b: number) =>
    `${format.dateTime(new Date(a), { dateStyle: "short", timeStyle: "short", timeZone: board.timeZone })} – ${format.dateTime(new Date(b), { timeStyle: "short", timeZone: board.timeZone })}`;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <div className="space-y-4" data-testid="schedule-board">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <nav aria-label={t("navigation")} className="flex flex-wrap items-center gap-2">
          <Link
            className={link}
            href={`?view=${view}&date=${board.prev}`}
            aria-label={t("previous")}
          >
            ←
          </Link>
          <Link className={link} href={`?view=${view}`}>
            {t("today")}
          </Link>
          <Link className={link} href={`?view=${view}&date=${board.next}`} aria-label={t("next")}>
            →
          </Link>
          {(["day", "week", "month"] as const).map((v) => (
            <Link
              key={v}
              className={`${link} ${v === view ? "bg-brand-100 font-medium" : ""}`}
              href={`?view=${v}&date=${date}`}
              aria-current={v === view ? "page" : undefined}
            >
              {t(v)}
            </Link>
          ))}
        </nav>
      </div>
      <p className="text-sm text-slate-600">
        {format.dateTime(new Date(board.from), { dateStyle: "medium", timeZone: board.timeZone })} –{" "}
        {format.dateTime(new Date(board.to - 1), { dateStyle: "medium", timeZone: board.timeZone })}
      </p>
      <ul className="flex flex-wrap gap-3 text-xs" aria-label={t("legend")}>
        {(Object.keys(colours) as (keyof typeof colours)[]).map((k) => (
          <li key={k} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-5 rounded ${colours[k]}`} aria-hidden="true" />{" "}
            {tk(k)}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-0.5 bg-red-600" aria-hidden="true" /> {t("now")}
        </li>
      </ul>
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
        tabIndex={0}
        aria-label={t("title")}
      >
        <div className="min-w-[720px]">
          <div className="grid grid-cols-[12rem_1fr] border-b border-slate-200 text-xs text-slate-500">
            <div className="p-2">{t("equipment")}</div>
            <div className="relative h-7">
              {ticks.map((tick, i) => (
                <span
                  key={tick}
                  className="absolute top-1 border-l border-slate-200 pl-1"
                  style={{ left: pct(tick) }}
                >
                  {labelled(i) ? label(tick) : ""}
                </span>
              ))}
            </div>
          </div>
          {board.equipment.map((e) =>
            e.lanes.map((lane, i) => (
              <div
                key={`${e.id}-${i}`}
                className="grid grid-cols-[12rem_1fr] border-b border-slate-100"
              >
                <div className="truncate p-2 text-sm" title={e.name}>
                  {i === 0 ? (locale === "zh" && e.nameZh ? e.nameZh : e.name) : ""}
                  {e.units > 1 && <span className="ml-1 text-xs text-slate-500">#{i + 1}</span>}
                </div>
                <div className="relative h-9">
                  {ticks.map((tick) => (
                    <span
                      key={tick}
                      className="absolute inset-y-0 border-l border-slate-100"
                      style={{ left: pct(tick) }}
                      aria-hidden="true"
                    />
                  ))}
                  {board.now >= board.from && board.now < board.to && (
                    <span
                      className="absolute inset-y-0 w-0.5 bg-red-600"
                      style={{ left: pct(board.now) }}
                      aria-hidden="true"
                    />
                  )}
                  {lane.map((item) => {
                    // In-house use names neither firm nor request.
                    const inHouse = item.inHouse;
                    const text =
                      item.kind === "maintenance"
                        ? `${tk("maintenance")}: ${item.reason ?? ""}`
                        : inHouse
                          ? `${tk("inHouse")}${item.reason ? `: ${item.reason}` : ""}`
                          : `${item.ref} · ${item.firmName}`;
                    const props = {
                      className: `absolute top-1 h-7 overflow-hidden rounded px-1 text-xs leading-7 whitespace-nowrap ${colours[item.kind]}`,
                      style: {
                        left: pct(item.start),
                        width: width(item.start, item.end),
                        minWidth: "4px",
                      },
                      title: `${text} · ${when(item.start, item.end)}`,
                      "aria-label": `${inHouse ? "" : `${tk(item.kind)}: `}${text}, ${when(item.start, item.end)}`,
                      "data-kind": item.kind,
                    };
                    if (inHouse)
                      return (
                        <span key={`${item.id}-${i}`} role="note" {...props}>
                          {text}
                        </span>
                      );
                    const href = item.requestId
                      ? `/requests/${item.requestId}`
                      : "/operator/maintenance";
                    return (
                      <Link key={`${item.id}-${i}`} href={href} {...props}>
                        {text}
                      </Link>
                    );
                  })}
                </div>
              </div>
            )),
          )}
        </div>
      </div>
      <section className="grid gap-4 md:grid-cols-2">
        <form
          method="get"
          action="/api/operator/schedule-csv"
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
        >
          <h2 className="font-medium">{t("csv")}</h2>
          <div className="flex flex-wrap items-end gap-2">
            <label htmlFor="csv-from">
              {t("from")}
              <input
                id="csv-from"
                name="from"
                type="date"
                defaultValue={board.days[0].key}
                className="mt-1 block rounded-md border border-slate-300 px-2 py-1"
              />
            </label>
            <label htmlFor="csv-to">
              {t("to")}
              <input
                id="csv-to"
                name="to"
                type="date"
                defaultValue={board.days[board.days.length - 1].key}
                className="mt-1 block rounded-md border border-slate-300 px-2 py-1"
              />
            </label>
            <button
              type="submit"
              className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
            >
              {t("download")}
            </button>
          </div>
        </form>
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-medium">{t("feed")}</h2>
          <ClientIntl namespaces={["schedule"]}>
            <TRPCReactProvider>
              <IcalFeed initialToken={token} />
            </TRPCReactProvider>
          </ClientIntl>
        </div>
      </section>
    </div>
  );
}

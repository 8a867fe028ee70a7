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
import { ScheduleGrid, type GridLane } from "../../_components/operations/schedule-grid";
import { MonthLoad } from "../../_components/operations/month-load";
import { InHouseForm } from "../../_components/operations/in-house-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schedule"))("title") };
}

const HOUR = 3_600_000;

const legend = {
  hold: "bg-amber-300",
  booking: "bg-emerald-700",
  inHouse: "bg-sky-200",
  maintenance: "bg-violet-300",
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
  // The day view has an hour grid (labelled every two hours); the week view a day grid.
  const ticks = (
    view === "day"
      ? Array.from({ length: Math.round(span / HOUR) }, (_, i) => board.from + i * HOUR)
      : board.days.map((d) => d.start)
  ).map((at, i) => ({
    at,
    label:
      view === "day" && i % 2 === 1
        ? ""
        : format.dateTime(
            new Date(at),
            view === "day"
              ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: board.timeZone }
              : { month: "numeric", day: "numeric", weekday: "short", timeZone: board.timeZone },
          ),
  }));
  const nameOf = (e: { name: string; nameZh: string | null }) =>
    locale === "zh" && e.nameZh ? e.nameZh : e.name;
  const lanes: GridLane[] = board.equipment.flatMap((e) =>
    e.lanes.map((lane, i) => ({
      key: `${e.id}-${i}`,
      label: i === 0 ? nameOf(e) : "",
      sub: e.units > 1 ? `#${i + 1}` : null,
      items: lane.map((item) => ({
        ...item,
        key: `${item.id}-${e.id}-${i}`,
        equipmentId: e.id,
        equipmentName: nameOf(e),
        // In-house use names neither firm nor request.
        text:
          item.kind === "maintenance"
            ? `${tk("maintenance")}: ${item.reason ?? ""}`
            : item.inHouse
              ? `${tk("inHouse")}${item.reason ? `: ${item.reason}` : ""}`
              : `${item.ref} · ${item.firmName}`,
      })),
    })),
  );
  const longDay = (ms: number) =>
    format.dateTime(new Date(ms), { month: "short", day: "numeric", timeZone: board.timeZone });
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
      {view === "month" ? (
        <p className="text-xs text-slate-600">{t("monthLegend")}</p>
      ) : (
        <ul className="flex flex-wrap gap-3 text-xs" aria-label={t("legend")}>
          {(Object.keys(legend) as (keyof typeof legend)[]).map((k) => (
            <li key={k} className="flex items-center gap-1">
              <span className={`inline-block h-3 w-5 rounded ${legend[k]}`} aria-hidden="true" />{" "}
              {t(`kinds.${k}`)}
            </li>
          ))}
          <li className="flex items-center gap-1">
            <span className="inline-block h-3 w-0.5 bg-red-600" aria-hidden="true" /> {t("now")}
          </li>
        </ul>
      )}
      {view !== "month" && <p className="text-xs text-slate-600">{t("dragHint")}</p>}
      {view === "month" ? (
        <MonthLoad
          days={board.days.map((d) => ({ key: d.key, label: String(Number(d.key.slice(8))) }))}
          rows={board.equipment.map((e) => ({ id: e.id, name: nameOf(e), load: e.load }))}
          equipmentHeader={t("equipment")}
          caption={t("monthCaption")}
          cellLabel={(i, l) =>
            t("loadCell", {
              day: longDay(board.days[i].start),
              booked: Math.round(l.bookedHours * 10) / 10,
              maintenance: Math.round(l.maintenanceHours * 10) / 10,
            })
          }
        />
      ) : (
        <ClientIntl namespaces={["schedule"]}>
          <TRPCReactProvider>
            <ScheduleGrid
              from={board.from}
              to={board.to}
              now={board.now}
              timeZone={board.timeZone}
              ticks={ticks}
              lanes={lanes}
              equipmentHeader={t("equipment")}
            />
          </TRPCReactProvider>
        </ClientIntl>
      )}
      <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <summary className="cursor-pointer font-medium">{t("inHouseTitle")}</summary>
        <p className="mt-1 text-xs text-slate-600">{t("inHouseHint")}</p>
        <div className="mt-3">
          <ClientIntl namespaces={["inHouse"]}>
            <TRPCReactProvider>
              <InHouseForm
                equipment={board.equipment.map((e) => ({
                  id: e.id,
                  name: nameOf(e),
                  units: e.units,
                }))}
                defaultStart={`${board.days[0].key}T09:00`}
                defaultEnd={`${board.days[0].key}T12:00`}
                timeZone={board.timeZone}
              />
            </TRPCReactProvider>
          </ClientIntl>
        </div>
      </details>
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

// A month of availability: one cell a day, coloured by status, each a link that shows the free
// intervals of that day. Server-rendered; days and times in the facility's time zone.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DayTimeline } from "./day-timeline";
import type { DaySummary, FreeInterval } from "@/server/services/scheduling/availability";

export const dayColours: Record<DaySummary["status"], string> = {
  free: "bg-emerald-100 text-emerald-900 border-emerald-300",
  partly_free: "bg-amber-100 text-amber-900 border-amber-300",
  full: "bg-red-100 text-red-900 border-red-300",
  closed: "bg-slate-100 text-slate-600 border-slate-200",
  maintenance: "bg-violet-100 text-violet-900 border-violet-300",
  down: "bg-red-50 text-red-800 border-red-200",
  unavailable: "bg-white text-slate-600 border-slate-200",
};

export async function AvailabilityCalendar(props: {
  basePath: string;
  month: string; // YYYY-MM
  days: DaySummary[];
  intervals: FreeInterval[];
  selectedDay?: string;
  units: number;
  timeZone: string;
  /** Where a chosen start time leads (the request form of this equipment), and the shortest use. */
  book?: { path: string; minHours: number; maxHours: number };
}) {
  const locale = await getLocale();
  const t = await getTranslations("equipmentPage");
  const tf = await getTranslations("facility");
  const format = await getFormatter();
  const [y, m] = props.month.split("-").map(Number);
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(y, m - 1 + delta, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  };
  const leading = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday first
  const title = format.dateTime(new Date(Date.UTC(y, m - 1, 15)), {
    year: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  const selected = props.days.find((d) => d.date === props.selectedDay);
  const dayStart = selected?.start ?? 0;
  const dayEnd = selected?.end ?? 0;
  const dayIntervals = selected
    ? props.intervals
        .filter((i) => i.end > dayStart && i.start < dayEnd)
        .map((i) => ({ ...i, start: Math.max(i.start, dayStart), end: Math.min(i.end, dayEnd) }))
    : [];
  const time = (ms: number) =>
    ms === dayEnd
      ? "24:00"
      : format.dateTime(new Date(ms), {
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
          timeZone: props.timeZone,
        });
  const statuses = Object.keys(dayColours) as DaySummary["status"][];
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]" data-testid="availability-calendar">
      <div>
        <div className="mb-2 flex items-center justify-between">
          <Link
            href={`${props.basePath}?month=${shift(-1)}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm"
            aria-label={t("previousMonth")}
          >
            ←
          </Link>
          <h3 className="font-medium" data-testid="calendar-month">
            {title}
          </h3>
          <Link
            href={`${props.basePath}?month=${shift(1)}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm"
            aria-label={t("nextMonth")}
          >
            →
          </Link>
        </div>
        <ol className="grid grid-cols-7 gap-1 text-center text-sm">
          {(["0", "1", "2", "3", "4", "5", "6"] as const).map((d) => (
            <li key={d} className="text-xs text-slate-500" aria-hidden="true">
              {tf(`weekday${d}`).slice(0, 3)}
            </li>
          ))}
          {Array.from({ length: leading }, (_, i) => (
            <li key={`pad-${i}`} aria-hidden="true" />
          ))}
          {props.days.map((d) => (
            <li key={d.date}>
              <Link
                href={`${props.basePath}?month=${props.month}&day=${d.date}`}
                className={`block rounded border px-1 py-2 ${dayColours[d.status]} ${d.date === props.selectedDay ? "ring-2 ring-brand-600" : ""}`}
                aria-current={d.date === props.selectedDay ? "date" : undefined}
                data-status={d.status}
                data-date={d.date}
              >
                <span className="block font-medium">{Number(d.date.slice(8))}</span>
                <span className="sr-only">{t(`day_${d.status}`)}</span>
              </Link>
            </li>
          ))}
        </ol>
        <ul className="mt-3 flex flex-wrap gap-3 text-xs" aria-label={t("legend")}>
          {statuses.map((s) => (
            <li key={s} className="flex items-center gap-1">
              <span
                className={`inline-block h-3 w-3 rounded border ${dayColours[s]}`}
                aria-hidden="true"
              />
              {t(`day_${s}`)}
            </li>
          ))}
        </ul>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="day-intervals">
        {!selected ? (
          <p className="text-sm text-slate-600">{t("chooseDay")}</p>
        ) : (
          <>
            <h3 className="font-medium">
              {t("freeOn", {
                date: format.dateTime(new Date(dayStart), {
                  dateStyle: "full",
                  timeZone: props.timeZone,
                }),
              })}
            </h3>
            {props.book && dayIntervals.length > 0 && (
              <p className="mt-1 text-xs text-slate-600">
                {dayIntervals.some((i) => startTimes(i, props.book!.minHours).length > 0)
                  ? t("pickStart", { hours: props.book.minHours })
                  : t("noStartFits", { hours: props.book.minHours })}
              </p>
            )}
            {props.book && dayIntervals.length > 0 && (
              <DayTimeline
                dayStart={dayStart}
                dayEnd={dayEnd}
                free={dayIntervals}
                minHours={props.book.minHours}
                maxHours={props.book.maxHours}
                path={props.book.path}
                timeZone={props.timeZone}
                locale={locale}
                ticks={[0, 6, 12, 18].map((h) => ({
                  at: dayStart + h * 3_600_000,
                  label: `${String(h).padStart(2, "0")}:00`,
                }))}
                text={{
                  hint: t("timelineHint", { hours: props.book.minHours }),
                  book: t("timelineBook"),
                  notFree: t("timelineNotFree"),
                  picked: t.raw("timelinePicked") as string,
                }}
              />
            )}
            {dayIntervals.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("noFreeTime")}</p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm">
                {dayIntervals.map((i) => (
                  <li key={i.start}>
                    <div className="flex justify-between gap-3">
                      <span className="tabular-nums">
                        {time(i.start)} – {time(i.end)}
                      </span>
                      <span className="text-slate-600">
                        {t("freeUnits", { count: i.freeUnits })}
                      </span>
                    </div>
                    {props.book && (
                      <StartChips
                        interval={i}
                        book={props.book}
                        time={time}
                        label={(at) => t("bookFrom", { time: at })}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}

const SLOT_GRID_MS = 30 * 60_000;

/** Start times on the half-hour grid where the shortest use fits in the interval. */
function startTimes(interval: { start: number; end: number }, minHours: number): number[] {
  const starts: number[] = [];
  const need = minHours * 3_600_000;
  for (
    let s = Math.ceil(interval.start / SLOT_GRID_MS) * SLOT_GRID_MS;
    s + need <= interval.end && starts.length < 48;
    s += SLOT_GRID_MS
  )
    starts.push(s);
  return starts;
}

/** Those start times, each a link to the request form. */
function StartChips(props: {
  interval: { start: number; end: number };
  book: { path: string; minHours: number };
  time: (ms: number) => string;
  label: (time: string) => string;
}) {
  const starts = startTimes(props.interval, props.book.minHours);
  if (!starts.length) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-1" data-testid="start-chips">
      {starts.map((s) => (
        <li key={s}>
          <Link
            href={`${props.book.path}&start=${s}`}
            aria-label={props.label(props.time(s))}
            className="inline-block rounded border border-emerald-700 px-2 py-0.5 text-xs tabular-nums text-emerald-900 hover:bg-emerald-50"
          >
            {props.time(s)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

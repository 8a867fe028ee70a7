"use client";
// A day of one equipment as a bar: free time green, the rest grey. Press on free time to pick a
// slot of the shortest use from there (snapped to the half-hour grid), drag to make it longer, and
// book it. The start-time links below the bar do the same from the keyboard.
import { useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import Link from "next/link";
import { formatSlot } from "../format-slot";

const GRID = 30 * 60_000;
const HOUR = 3_600_000;

export function DayTimeline(p: {
  dayStart: number;
  dayEnd: number;
  free: { start: number; end: number }[];
  minHours: number;
  maxHours: number;
  /** The request form of this equipment: "/requests/new?equipment=7". */
  path: string;
  timeZone: string;
  locale: string;
  ticks: { at: number; label: string }[];
  text: { hint: string; book: string; notFree: string; picked: string };
}) {
  const span = p.dayEnd - p.dayStart;
  const [sel, setSel] = useState<{ start: number; end: number } | null>(null);
  const anchor = useRef<{ start: number; width: number; left: number } | null>(null);
  const at = (clientX: number) => {
    const a = anchor.current!;
    return p.dayStart + ((clientX - a.left) / a.width) * span;
  };
  const clampEnd = (start: number, end: number) =>
    Math.min(
      Math.max(end, start + p.minHours * HOUR),
      start + p.maxHours * HOUR,
      start + Math.floor((p.dayEnd - start) / HOUR) * HOUR,
    );
  const down = (e: ReactPointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    anchor.current = { start: 0, width: box.width, left: box.left };
    const start = Math.floor(at(e.clientX) / GRID) * GRID;
    anchor.current.start = start;
    e.currentTarget.setPointerCapture(e.pointerId);
    setSel({ start, end: clampEnd(start, start) });
  };
  const move = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!anchor.current || !sel) return;
    // Whole hours from the start, as the request form counts them.
    const start = anchor.current.start;
    const end = start + Math.ceil((at(e.clientX) - start) / HOUR) * HOUR;
    setSel({ start, end: clampEnd(start, end) });
  };
  const pct = (ms: number) => `${((ms - p.dayStart) / span) * 100}%`;
  const fits =
    sel !== null &&
    sel.end - sel.start >= p.minHours * HOUR &&
    p.free.some((f) => f.start <= sel.start && f.end >= sel.end);
  const hours = sel ? Math.round((sel.end - sel.start) / HOUR) : 0;
  return (
    <div className="mt-3 space-y-1" data-testid="day-timeline">
      <p className="text-xs text-slate-600">{p.text.hint}</p>
      <div
        className="relative h-10 cursor-crosshair touch-none rounded bg-slate-200 select-none"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={() => (anchor.current = null)}
        data-testid="day-timeline-bar"
        aria-hidden="true"
      >
        {p.free.map((f) => (
          <span
            key={f.start}
            className="absolute inset-y-0 bg-emerald-300"
            style={{ left: pct(f.start), width: pct(p.dayStart + (f.end - f.start)) }}
          />
        ))}
        {p.ticks.map((t) => (
          <span
            key={t.at}
            className="absolute inset-y-0 border-l border-white/70"
            style={{ left: pct(t.at) }}
          />
        ))}
        {sel && (
          <span
            className={`absolute inset-y-1 rounded border-2 ${fits ? "border-brand-700 bg-brand-600/30" : "border-red-700 bg-red-600/30"}`}
            style={{ left: pct(sel.start), width: pct(p.dayStart + (sel.end - sel.start)) }}
          />
        )}
      </div>
      <div className="relative h-4 text-[10px] text-slate-600" aria-hidden="true">
        {p.ticks.map((t) => (
          <span
            key={t.at}
            className={`absolute ${t.at === p.dayStart ? "" : "-translate-x-1/2"}`}
            style={{ left: pct(t.at) }}
          >
            {t.label}
          </span>
        ))}
      </div>
      {sel && (
        <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
          <span data-testid="day-timeline-pick">
            {p.text.picked
              .replace("{slot}", formatSlot(sel, p.timeZone, p.locale))
              .replace("{hours}", String(hours))}
          </span>
          {fits ? (
            <Link
              href={`${p.path}&start=${sel.start}&hours=${hours}`}
              className="rounded-md bg-brand-600 px-3 py-1 text-xs font-medium text-white hover:bg-brand-700"
            >
              {p.text.book}
            </Link>
          ) : (
            <span className="text-xs text-red-700">{p.text.notFree}</span>
          )}
        </div>
      )}
    </div>
  );
}

"use client";
// The schedule board's lanes: each item a button that opens its details beside the board; a
// confirmed booking can be dragged along its lane to a free slot (snapped to the 30-minute grid),
// which fills in the panel's proposal to move it: the operator confirms there, and the firm is
// asked as with any proposed reschedule.
import { useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { useTranslations } from "next-intl";
import type { BoardItem } from "@/server/services/operations/schedule-board";
import { BoardPanel } from "./board-panel";

export type GridItem = BoardItem & {
  key: string;
  equipmentId: number;
  equipmentName: string;
  /** What the block says: reference and firm, "In-house use", or maintenance and its reason. */
  text: string;
};
export type GridLane = { key: string; label: string; sub: string | null; items: GridItem[] };

const colours = {
  hold: "bg-amber-300 text-amber-950",
  booking: "bg-emerald-700 text-white",
  inHouse: "bg-sky-200 text-sky-950",
  maintenance: "bg-violet-300 text-violet-950",
} as const;
export const colourOf = (i: { kind: GridItem["kind"]; inHouse: boolean }) =>
  i.inHouse ? colours.inHouse : colours[i.kind];

const SNAP = 30 * 60_000;
/** Only a firm's confirmed booking that has not begun can be moved. */
const movableAt = (now: number) => (i: GridItem) =>
  i.kind === "booking" && i.requestId !== null && !i.inHouse && i.start > now;

export function ScheduleGrid({
  from,
  to,
  now,
  timeZone,
  ticks,
  lanes,
  equipmentHeader,
}: {
  from: number;
  to: number;
  now: number;
  timeZone: string;
  ticks: { at: number; label: string }[];
  lanes: GridLane[];
  equipmentHeader: string;
}) {
  const t = useTranslations("schedule");
  const movable = movableAt(now);
  const span = to - from;
  const pct = (ms: number) => `${(Math.min(Math.max(ms - from, 0), span) / span) * 100}%`;
  const width = (a: number, b: number) =>
    `${((Math.min(b, to) - Math.max(a, from)) / span) * 100}%`;
  const [selected, setSelected] = useState<GridItem | null>(null);
  const [proposal, setProposal] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ item: GridItem; shift: number } | null>(null);
  const origin = useRef<{ x: number; width: number; moved: boolean } | null>(null);

  const onPointerDown = (e: ReactPointerEvent<HTMLButtonElement>, item: GridItem) => {
    if (!movable(item) || e.button !== 0) return;
    const lane = e.currentTarget.parentElement!.getBoundingClientRect();
    origin.current = { x: e.clientX, width: lane.width, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ item, shift: 0 });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLButtonElement>) => {
    if (!drag || !origin.current) return;
    const dx = e.clientX - origin.current.x;
    if (Math.abs(dx) > 4) origin.current.moved = true;
    const raw = (dx / origin.current.width) * span;
    const start = Math.round((drag.item.start + raw) / SNAP) * SNAP;
    setDrag({ ...drag, shift: start - drag.item.start });
  };
  const onPointerUp = (item: GridItem) => {
    const moved = origin.current?.moved && drag && drag.shift !== 0;
    origin.current = null;
    setSelected(item);
    setProposal(moved ? item.start + drag!.shift : null);
    setDrag(null);
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
        tabIndex={0}
        aria-label={t("title")}
        data-testid="board-grid"
      >
        <div className="min-w-[720px]">
          <div className="grid grid-cols-[8rem_1fr] sm:grid-cols-[12rem_1fr] border-b border-slate-200 text-xs text-slate-600">
            <div className="p-2">{equipmentHeader}</div>
            <div className="relative h-7">
              {ticks.map((tick) => (
                <span
                  key={tick.at}
                  className="absolute top-1 border-l border-slate-200 pl-1"
                  style={{ left: pct(tick.at) }}
                >
                  {tick.label}
                </span>
              ))}
            </div>
          </div>
          {lanes.map((lane) => (
            <div
              key={lane.key}
              className="grid grid-cols-[8rem_1fr] sm:grid-cols-[12rem_1fr] border-b border-slate-100"
            >
              <div className="truncate p-2 text-sm" title={lane.label}>
                {lane.label}
                {lane.sub && <span className="ml-1 text-xs text-slate-600">{lane.sub}</span>}
              </div>
              <div className="relative h-9" data-testid="board-lane">
                {ticks.map((tick) => (
                  <span
                    key={tick.at}
                    className="absolute inset-y-0 border-l border-slate-100"
                    style={{ left: pct(tick.at) }}
                    aria-hidden="true"
                  />
                ))}
                {now >= from && now < to && (
                  <span
                    className="absolute inset-y-0 w-0.5 bg-red-600"
                    style={{ left: pct(now) }}
                    aria-hidden="true"
                  />
                )}
                {lane.items.map((item) => {
                  const dragging = drag?.item.key === item.key;
                  const shift = dragging ? drag.shift : 0;
                  return (
                    <button
                      key={item.key}
                      type="button"
                      className={`absolute top-1 h-7 overflow-hidden rounded px-1 text-left text-xs leading-7 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700 ${colourOf(item)} ${movable(item) ? "cursor-grab touch-none" : ""} ${dragging ? "z-10 opacity-80 ring-2 ring-brand-700" : ""} ${selected?.key === item.key ? "ring-2 ring-slate-900" : ""}`}
                      style={{
                        left: pct(item.start + shift),
                        width: width(item.start + shift, item.end + shift),
                        minWidth: "4px",
                      }}
                      title={item.text}
                      aria-label={item.text}
                      aria-pressed={selected?.key === item.key}
                      data-kind={item.inHouse ? "inHouse" : item.kind}
                      data-ref={item.ref ?? undefined}
                      onPointerDown={(e) => onPointerDown(e, item)}
                      onPointerMove={onPointerMove}
                      onPointerUp={() => onPointerUp(item)}
                      onPointerCancel={() => setDrag(null)}
                      onClick={(e) => {
                        // A pointer press is handled on release; this is the keyboard's Enter.
                        if (e.detail === 0) {
                          setSelected(item);
                          setProposal(null);
                        }
                      }}
                    >
                      {item.text}
                    </button>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
      </div>
      <BoardPanel
        item={selected}
        proposal={proposal}
        now={now}
        timeZone={timeZone}
        movable={selected !== null && movable(selected)}
        onClose={() => {
          setSelected(null);
          setProposal(null);
        }}
      />
    </div>
  );
}

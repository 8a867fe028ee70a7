"use client";
// Beside the schedule board: what the chosen item is (request and firm, in-house use or
// maintenance, its slot and units) and, for a confirmed booking, a proposal to move it: the new
// start comes from a drag on the board or is typed here, and the firm is asked to accept it.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { localDateTimeKey, parseLocal } from "@/server/services/scheduling/local-time";
import { useTRPC } from "../../_trpc/client";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";
import { formatMoment, formatSlot } from "../format-slot";
import { inputClass } from "../form-field";
import type { GridItem } from "./schedule-grid";

const DAY = 86_400_000;

export function BoardPanel({
  item,
  proposal,
  now,
  timeZone,
  movable,
  onClose,
}: {
  item: GridItem | null;
  proposal: number | null;
  now: number;
  timeZone: string;
  movable: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("schedule");
  const locale = useLocale();
  if (!item)
    return (
      <aside
        className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600"
        data-testid="board-panel"
      >
        {t("panelEmpty")}
      </aside>
    );
  const rows: [string, string][] = [
    [t("panelKind"), t(`kinds.${item.inHouse ? "inHouse" : item.kind}`)],
    [t("equipment"), item.equipmentName],
    [t("panelSlot"), formatSlot(item, timeZone, locale)],
    [t("panelUnits"), String(item.units)],
  ];
  if (item.firmName) rows.push([t("panelFirm"), item.firmName]);
  if (item.reason && item.kind !== "hold") rows.push([t("panelReason"), item.reason]);
  if (item.expiresAt)
    rows.push([t("panelHeldUntil"), formatMoment(item.expiresAt, timeZone, locale)]);
  return (
    <aside
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      aria-labelledby="board-panel-title"
      data-testid="board-panel"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id="board-panel-title" className="font-medium">
          {item.ref ?? t(`kinds.${item.inHouse ? "inHouse" : item.kind}`)}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 text-slate-600 hover:bg-slate-100"
          aria-label={t("panelClose")}
        >
          ×
        </button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {item.requestId !== null && (
        <Link href={`/requests/${item.requestId}`} className="block text-brand-700 underline">
          {t("openRequest")}
        </Link>
      )}
      {item.kind === "maintenance" && (
        <Link href="/operator/maintenance" className="block text-brand-700 underline">
          {t("openMaintenance")}
        </Link>
      )}
      {movable && (
        <MoveProposal
          key={`${item.key}-${proposal}`}
          item={item}
          proposal={proposal}
          now={now}
          timeZone={timeZone}
          onDone={onClose}
        />
      )}
    </aside>
  );
}

function MoveProposal({
  item,
  proposal,
  now,
  timeZone,
  onDone,
}: {
  item: GridItem;
  proposal: number | null;
  now: number;
  timeZone: string;
  onDone: () => void;
}) {
  const t = useTranslations("schedule");
  const locale = useLocale();
  const trpc = useTRPC();
  const toast = useToast();
  const refusals = useRefusalText();
  const router = useRouter();
  const length = item.end - item.start;
  const [start, setStart] = useState(localDateTimeKey(proposal ?? item.start, timeZone));
  const startMs = parseLocal(start, timeZone);
  const propose = useMutation(
    trpc.request.proposeReschedule.mutationOptions({
      onSuccess: (r) => {
        toast("success", t("proposed", { ref: r.ref, slot: formatSlot(r, timeZone, locale) }));
        onDone();
        router.refresh();
      },
      onError: (e) => toast("error", refusals.message(e)),
    }),
  );
  return (
    <form
      className="space-y-2 border-t border-slate-200 pt-3"
      data-testid="board-move"
      onSubmit={(e) => {
        e.preventDefault();
        // The proposal holds the new slot for a day, or until it begins if that is sooner.
        const validUntil = Math.min(now + DAY, startMs - 60_000);
        propose.mutate({
          id: item.requestId!,
          equipmentId: item.equipmentId,
          start: startMs,
          end: startMs + length,
          validUntil,
        });
      }}
    >
      <h3 className="font-medium">{t("moveTitle")}</h3>
      {proposal === null && <p className="text-xs text-slate-600">{t("moveHint")}</p>}
      <label htmlFor="board-move-start" className="block text-xs">
        {t("moveStart")}
        <input
          id="board-move-start"
          type="datetime-local"
          step={1800}
          value={start}
          onChange={(e) => setStart(e.target.value)}
          required
          className={inputClass}
        />
      </label>
      {Number.isFinite(startMs) && (
        <p className="text-xs" data-testid="board-move-slot">
          {t("moveTo", {
            slot: formatSlot({ start: startMs, end: startMs + length }, timeZone, locale),
          })}
        </p>
      )}
      <button
        type="submit"
        disabled={propose.isPending || !Number.isFinite(startMs) || startMs === item.start}
        className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-50"
      >
        {t("moveSubmit")}
      </button>
    </form>
  );
}

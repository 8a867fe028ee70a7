// Actual use of the booked equipment: each recorded use against the slot (how much earlier or
// later, longer or shorter), a no-show flag when the slot ended with nothing recorded, and for
// the facility the check-in and check-out forms.
import { getFormatter, getTranslations } from "next-intl/server";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import { CheckInForm, CheckOutForm } from "../../../_components/operations/use-forms";
import type { LoadedRequest } from "./types";

export async function ActualUse({
  data,
  canRecord,
  timeZone,
}: {
  data: LoadedRequest;
  /** The reader is staff of the facility doing the work. */
  canRecord: boolean;
  timeZone: string;
}) {
  const { use, request: r } = data;
  const active = ["confirmed", "in_progress", "completed"].includes(r.status);
  if (!use.slot || !active || (use.uses.length === 0 && !canRecord && !use.noShow)) return null;
  const t = await getTranslations("use");
  const format = await getFormatter();
  const time = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short", timeZone });
  // Minutes up to two hours, then hours (one decimal).
  const amount = (min: number) =>
    min >= 120 ? t("hours", { h: Math.round(min / 6) / 10 }) : t("minutes", { min });
  const delta = (min: number | null, kind: "start" | "length") =>
    min === null
      ? ""
      : min === 0
        ? t(`${kind}Same`)
        : t(`${kind}Delta`, { amount: amount(Math.abs(min)), sign: min > 0 ? "plus" : "minus" });
  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      data-testid="actual-use"
    >
      <h2 className="font-medium">{t("title")}</h2>
      <p className="text-slate-700">
        {t("booked", { start: time(use.slot.start), end: time(use.slot.end) })}
      </p>
      {use.noShow && (
        <p className="rounded bg-amber-50 px-2 py-1 text-amber-900" data-testid="no-show">
          {t("noShow")}
        </p>
      )}
      {use.uses.length > 0 && (
        <ul className="space-y-1" data-testid="use-list">
          {use.uses.map((u) => (
            <li key={u.id}>
              {u.end === null
                ? t("checkedInAt", { start: time(u.start), units: u.units })
                : t("used", { start: time(u.start), end: time(u.end), units: u.units })}
              <span className="ml-2 text-xs text-slate-600">
                {[delta(u.startDeltaMin, "start"), delta(u.lengthDeltaMin, "length")]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canRecord && (
        <ClientIntl namespaces={["use"]}>
          <TRPCReactProvider>
            {use.open ? (
              <CheckOutForm requestId={r.id} slotEnd={use.slot.end} timeZone={timeZone} />
            ) : (
              <CheckInForm
                requestId={r.id}
                slot={{
                  // A further use starts where the last one ended.
                  start: Math.max(use.slot.start, ...use.uses.map((u) => u.end ?? 0)),
                  end: use.slot.end,
                }}
                units={r.quoteUnits ?? r.units}
                timeZone={timeZone}
              />
            )}
          </TRPCReactProvider>
        </ClientIntl>
      )}
    </section>
  );
}

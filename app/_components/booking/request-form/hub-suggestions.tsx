"use client";
// "Ask the hub": live suggestions for a request that names no facility; picking one sends the
// request to that facility's equipment instead of the hub.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "../../../_trpc/client";
import { useRefusalText } from "../../refusal-text";
import { formatSlot } from "../../format-slot";
import { readParams, windowInput, type Window } from "./read-need";

export type HubTarget = { equipmentId: number; serviceId: number; label: string };

export function HubSuggestions(p: {
  window: Window;
  timeZone: string;
  target: HubTarget | null;
  onTarget: (target: HubTarget | null) => void;
  /** Names of parameters and kinds of equipment in the reader's language. */
  paramLabels: Record<string, string>;
  categoryLabels: Record<string, string>;
}) {
  const t = useTranslations("requestForm");
  const trpc = useTRPC();
  const refusals = useRefusalText();
  const locale = useLocale();
  const zh = locale === "zh";
  const nameOf = (c: {
    facility: { nameEn: string; nameZh: string };
    equipment: { name: string; nameZh: string | null };
  }) =>
    zh
      ? `${c.facility.nameZh} · ${c.equipment.nameZh ?? c.equipment.name}`
      : `${c.facility.nameEn} · ${c.equipment.name}`;
  const [ask, setAsk] = useState<Parameters<typeof trpc.hub.matches.queryOptions>[0] | null>(null);
  const suggestions = useQuery({
    ...trpc.hub.matches.queryOptions(ask ?? ({} as never)),
    enabled: ask !== null,
  });
  return (
    <section
      className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3"
      data-testid="hub-suggestions"
    >
      <button
        type="button"
        className="rounded-md border border-brand-600 bg-white px-3 py-1.5 text-sm text-brand-700"
        onClick={(e) => {
          const form = new FormData(e.currentTarget.form!);
          setAsk({
            serviceType: String(form.get("serviceType") ?? "") as "testing",
            ...(form.get("equipmentCategory")
              ? { category: String(form.get("equipmentCategory")) }
              : {}),
            requiredParams: readParams(form),
            ...windowInput(p.window, p.timeZone),
            limit: 5,
          });
        }}
      >
        {t("findFacilities")}
      </button>
      {suggestions.isFetching && <p className="text-sm">{t("slotsLoading")}</p>}
      {suggestions.error && (
        <p className="text-sm text-red-700">{refusals.message(suggestions.error)}</p>
      )}
      {suggestions.data && suggestions.data.candidates.length === 0 && (
        <p className="text-sm">{t("noSuggestions")}</p>
      )}
      <ul className="space-y-1">
        {suggestions.data?.candidates.map((c) => (
          <li
            key={c.equipment.id}
            data-testid="hub-suggestion"
            data-category={c.checks.find((x) => x.requirement === "category")?.offered}
            className="flex flex-wrap items-center justify-between gap-2 rounded bg-white p-2 text-sm"
          >
            <span>
              {" "}
              {nameOf(c)} · {c.slot ? formatSlot(c.slot, c.facility.timeZone, locale) : ""} · ¥
              {(c.priceFen / 100).toLocaleString()}
              <span className="block text-xs text-slate-500">
                {c.checks
                  .map((x) => {
                    const named =
                      x.requirement in p.paramLabels
                        ? p.paramLabels[x.requirement]
                        : t(`req.${x.requirement as "slot"}`);
                    const offered =
                      x.requirement === "category"
                        ? (p.categoryLabels[x.offered] ?? x.offered)
                        : ["slot", "accreditation", "calibration", "field"].includes(x.requirement)
                          ? ""
                          : `: ${x.offered}`;
                    return `${x.met ? "✓" : "✗"} ${named}${offered}`;
                  })
                  .join(" · ")}
              </span>
            </span>
            <button
              type="button"
              className="rounded-md bg-brand-600 px-2 py-1 text-xs text-white"
              onClick={() =>
                p.onTarget({
                  equipmentId: c.equipment.id,
                  serviceId: c.service.id,
                  label: nameOf(c),
                })
              }
            >
              {t("pick")}
            </button>
          </li>
        ))}
      </ul>
      <p className="text-sm" data-testid="hub-target">
        {p.target ? t("sendingTo", { target: p.target.label }) : t("sendingToHub")}
        {p.target && (
          <button type="button" className="ml-2 text-xs underline" onClick={() => p.onTarget(null)}>
            {t("sendToHubInstead")}
          </button>
        )}
      </p>
    </section>
  );
}

"use client";
// A private iCal feed URL (the facility's schedule, or a firm user's bookings), and regenerating
// it (which revokes the old one).
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "../../_trpc/client";
import { useToast } from "../toaster";
import { useRefusalText } from "../refusal-text";

export function IcalFeed({
  initialToken,
  kind = "facility",
}: {
  initialToken: string | null;
  kind?: "facility" | "firm";
}) {
  const t = useTranslations("schedule");
  const trpc = useTRPC();
  const toast = useToast();
  const refusals = useRefusalText();
  const locale = useLocale();
  const [token, setToken] = useState(initialToken);
  const callbacks = {
    onSuccess: (next: string) => (setToken(next), toast("success", t("feedReady"))),
    onError: (e: unknown) => toast("error", refusals.message(e)),
  };
  const regenerate = useMutation(
    kind === "firm"
      ? trpc.user.newCalendarFeed.mutationOptions(callbacks)
      : trpc.schedule.regenerateIcalToken.mutationOptions(callbacks),
  );
  const url = token
    ? `${typeof window === "undefined" ? "" : window.location.origin}/api/ical/${token}.ics${locale === "zh" ? "?lang=zh" : ""}`
    : null;
  return (
    <div className="space-y-2 text-sm" data-testid="ical-feed">
      {url ? (
        <p>
          <input
            readOnly
            value={url}
            aria-label={t("feedUrl")}
            className="w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
        </p>
      ) : (
        <p className="text-slate-600">{kind === "firm" ? t("noFirmFeed") : t("noFeed")}</p>
      )}
      <button
        type="button"
        onClick={() => regenerate.mutate()}
        disabled={regenerate.isPending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
      >
        {url ? t("regenerate") : t("createFeed")}
      </button>
    </div>
  );
}

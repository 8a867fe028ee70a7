"use client";
// Ends every session of the account (other browsers, a lost phone, a copied cookie), this one too.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../_trpc/client";
import { useToast } from "../../_components/toaster";
import { useRefusalText } from "../../_components/refusal-text";

export function SignOutEverywhere() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const toast = useToast();
  const refusals = useRefusalText();
  const [confirming, setConfirming] = useState(false);
  const end = useMutation(
    trpc.user.signOutEverywhere.mutationOptions({
      onSuccess: () => {
        toast("success", t("signedOutEverywhere"));
        // This browser's session is closed too: a full load shows the signed-out site.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/signin");
      },
      onError: (e) => toast("error", refusals.message(e)),
    }),
  );
  return (
    <section aria-labelledby="everywhere-title" className="mt-8 border-t border-slate-200 pt-6">
      <h2 id="everywhere-title" className="text-lg font-semibold">
        {t("everywhereTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("everywhereLead")}</p>
      {confirming ? (
        <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label={t("everywhereTitle")}>
          <button
            type="button"
            onClick={() => end.mutate()}
            disabled={end.isPending}
            className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
          >
            {end.isPending ? t("signingOut") : t("everywhereConfirm")}
          </button>
          <button
            type="button"
            onClick={() => setConfirming(false)}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50"
          >
            {t("keepSessions")}
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="mt-3 rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50"
        >
          {t("everywhere")}
        </button>
      )}
    </section>
  );
}

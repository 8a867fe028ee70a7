"use client";
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="mx-auto max-w-lg py-12 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("errorBody")}</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand-600 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </div>
  );
}

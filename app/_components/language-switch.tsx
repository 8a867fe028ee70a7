"use client";
import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

export function LanguageSwitch() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const target = locale === "zh" ? "en" : "zh";
  return (
    <button
      type="button"
      data-testid="language-switch"
      lang={target === "zh" ? "zh-CN" : "en"}
      aria-label={`${t("language")}: ${t("switchTo")}`}
      disabled={pending}
      onClick={() => {
        document.cookie = `locale=${target}; path=/; max-age=31536000; samesite=lax`;
        startTransition(() => router.refresh());
      }}
      className="rounded-md border border-white/40 px-2 py-1 text-sm hover:bg-white/10 disabled:opacity-60"
    >
      {t("switchTo")}
    </button>
  );
}

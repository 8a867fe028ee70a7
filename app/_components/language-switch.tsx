"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";

/** Switches between English and Chinese; the labels come from the server in the current language. */
export function LanguageSwitch({
  locale,
  label,
  switchTo,
}: {
  locale: string;
  label: string;
  switchTo: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const target = locale === "zh" ? "en" : "zh";
  return (
    <button
      type="button"
      data-testid="language-switch"
      lang={target === "zh" ? "zh-CN" : "en"}
      aria-label={`${label}: ${switchTo}`}
      disabled={pending}
      onClick={() => {
        document.cookie = `locale=${target}; path=/; max-age=31536000; samesite=lax`;
        startTransition(() => router.refresh());
      }}
      className="rounded-md border border-white/40 px-2 py-1 text-sm hover:bg-white/10 disabled:opacity-60"
    >
      {switchTo}
    </button>
  );
}

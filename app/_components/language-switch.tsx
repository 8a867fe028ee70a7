"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";

/**
 * Switches between English and Chinese; the labels come from the server in the current language.
 */
export function LanguageSwitch({
  locale,
  label,
  switchTo,
  signedIn,
}: {
  locale: string;
  label: string;
  switchTo: string;
  /** A signed-in user's choice is also stored on their account (notifications follow it). */
  signedIn: boolean;
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
        startTransition(async () => {
          if (signedIn)
            await fetch("/api/trpc/user.setLocale", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ json: { locale: target } }),
            });
          router.refresh();
        });
      }}
      className="rounded-md border border-white/40 px-2 py-1 text-sm hover:bg-white/10 disabled:opacity-60"
    >
      {switchTo}
    </button>
  );
}

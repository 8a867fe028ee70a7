"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className="rounded-md px-2 py-1 text-sm hover:bg-white/10">
      {t("signOut")}
    </button>
  );
}

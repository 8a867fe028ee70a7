"use client";
// Shows a one-time password once: the admin copies it and hands it to the user, who must replace it
// at sign-in.
import { useTranslations } from "next-intl";

export function OneTimePassword({
  email,
  password,
  onClose,
}: {
  email: string;
  password: string;
  onClose: () => void;
}) {
  const t = useTranslations("adminUsers");
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
      data-testid="one-time-password"
    >
      <p className="font-medium">{t("issuedTitle", { email })}</p>
      <p className="mt-2">
        <code
          className="select-all rounded bg-white px-2 py-1 font-mono text-base"
          data-testid="temporary-password"
        >
          {password}
        </code>
      </p>
      <p className="mt-2 text-amber-900">{t("issuedHelp")}</p>
      <button
        type="button"
        onClick={onClose}
        className="mt-3 rounded-md border border-amber-400 bg-white px-3 py-1.5 hover:bg-amber-100"
      >
        {t("done")}
      </button>
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function BadInput({ message, resetHref }: { message: string; resetHref: string }) {
  const t = await getTranslations("registry");
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-300 bg-amber-50 p-4"
      data-testid="bad-input"
    >
      <p className="font-medium">{t("badInput")}</p>
      <p className="mt-1 font-mono text-sm">{message}</p>
      <p className="mt-2 text-sm text-slate-700">
        {t("badInputHelp")}{" "}
        <Link href={resetHref} className="text-brand-700 underline">
          {t("reset")}
        </Link>
      </p>
    </div>
  );
}

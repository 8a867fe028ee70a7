import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <div
      className="mx-auto max-w-lg rounded-xl border border-amber-300 bg-amber-50 p-6"
      data-testid="forbidden"
    >
      <h1 className="text-xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("forbiddenBody")}</p>
      <Link href="/start" className="mt-4 inline-block text-brand-700 underline">
        {t("goToStart")}
      </Link>
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The submit button and the "clear filters" link of a GET search form. */
export async function SearchActions({
  resetHref,
  className = "",
}: {
  resetHref: string;
  className?: string;
}) {
  const t = await getTranslations("registry");
  return (
    <div className={`flex items-end gap-3 ${className}`}>
      <button
        type="submit"
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t("search")}
      </button>
      <Link href={resetHref} className="text-sm text-brand-700 underline">
        {t("reset")}
      </Link>
    </div>
  );
}

/** "N results" above a result list, announced when it changes. */
export async function ResultCount({ total }: { total: number }) {
  const t = await getTranslations("registry");
  return (
    <p className="text-sm text-slate-600" data-testid="result-count">
      {t("results", { count: total })}
    </p>
  );
}

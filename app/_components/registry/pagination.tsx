import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { withParams, type SearchParams } from "../search-params";

export async function Pagination({
  path,
  sp,
  page,
  pages,
}: {
  path: string;
  sp: SearchParams;
  page: number;
  pages: number;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations("registry");
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-3 pt-2">
      {page > 1 ? (
        <Link
          className={link}
          href={`${path}${withParams(sp, { page: String(page - 1) })}`}
          rel="prev"
        >
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">{t("page", { page, pages })}</span>
      {page < pages ? (
        <Link
          className={link}
          href={`${path}${withParams(sp, { page: String(page + 1) })}`}
          rel="next"
        >
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

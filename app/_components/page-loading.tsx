import { getTranslations } from "next-intl/server";

export async function PageLoading() {
  const t = await getTranslations("common");
  return (
    <div className="flex items-center gap-3 py-12 text-slate-600" role="status">
      <span
        className="h-4 w-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent"
        aria-hidden="true"
      />
      {t("loading")}
    </div>
  );
}

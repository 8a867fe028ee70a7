// Where the drill-down stands: network → prefecture or field → facility (→ equipment on its own
// page).
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SearchParams } from "../search-params";
import { registryLabels } from "../registry/labels";
import { prefectureName } from "../place-names";
import { statsHref, type StatsQuery } from "./stats-query";

export async function Breadcrumb({
  sp,
  q,
  facilityName,
  equipmentName,
}: {
  sp: SearchParams;
  q: StatsQuery;
  facilityName?: string;
  equipmentName?: string;
}) {
  const t = await getTranslations("dashboard");
  const locale = await getLocale();
  const labels = await registryLabels();
  const steps: { label: string; href: string }[] = [
    {
      label: t("network"),
      href: statsHref("/admin/dashboard", sp, {
        prefecture: undefined,
        field: undefined,
        facilityId: undefined,
      }),
    },
  ];
  if (q.prefecture)
    steps.push({
      label: prefectureName(q.prefecture, locale),
      href: statsHref("/admin/dashboard", sp, { field: undefined, facilityId: undefined }),
    });
  if (q.field)
    steps.push({
      label: labels.field(q.field),
      href: statsHref("/admin/dashboard", sp, { facilityId: undefined }),
    });
  if (facilityName) steps.push({ label: facilityName, href: statsHref("/admin/dashboard", sp) });
  if (equipmentName) steps.push({ label: equipmentName, href: "" });
  return (
    <nav aria-label={t("drillDown")} data-testid="breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600">
        {steps.map((s, i) => (
          <li key={i} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden="true">›</span>}
            {i === steps.length - 1 ? (
              <span aria-current="page" className="font-medium text-slate-900">
                {s.label}
              </span>
            ) : (
              <Link href={s.href} className="text-brand-700 hover:underline">
                {s.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

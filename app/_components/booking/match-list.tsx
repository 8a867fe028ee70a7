// Ranked candidates (or near misses) from the hub's matching, with the per-requirement checks.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Candidate } from "@/server/services/hub/find-matches";
import { formatFen, registryLabels } from "../registry/labels";
import { prefectureName } from "../place-names";

export async function MatchList({
  items,
  action,
  testId,
}: {
  items: Candidate[];
  action?: (c: Candidate) => React.ReactNode;
  testId: string;
}) {
  const t = await getTranslations("hubMatch");
  const labels = await registryLabels();
  // Requirements and what was offered, in the reader's words: parameters by their names, the
  // kind of equipment by its category name, the rest from the catalog.
  const requirement = (key: string) =>
    (["category", "slot", "accreditation", "calibration", "field"] as const).includes(key as "slot")
      ? t(`req.${key as "slot"}`)
      : labels.param(key);
  const day = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium" });
  const offered = (check: Candidate["checks"][number], c: Candidate) =>
    check.requirement === "accreditation"
      ? check.until
        ? t("validUntil", { date: day(check.until) })
        : t("notHeld")
      : check.requirement === "calibration"
        ? check.until
          ? t("calibrationDue", { date: day(check.until) })
          : t("notRecorded")
        : check.requirement === "category"
          ? labels.category(check.offered)
          : check.requirement === "field"
            ? check.offered.split(", ").map(labels.field).join(", ")
            : check.requirement === "slot"
              ? c.slot
                ? t("slotFrom", {
                    time: format.dateTime(new Date(c.slot.start), {
                      dateStyle: "medium",
                      timeStyle: "short",
                    }),
                  })
                : t("noSlot")
              : check.offered;
  const format = await getFormatter();
  const locale = await getLocale();
  if (!items.length) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ol className="space-y-2" data-testid={testId}>
      {items.map((c, i) => (
        <li
          key={c.equipment.id}
          className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
        >
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <p className="font-medium">
                {i + 1}.{" "}
                <Link
                  href={`/facilities/${c.facility.slug}`}
                  className="text-brand-700 underline"
                  data-slug={c.facility.slug}
                >
                  {locale === "zh" ? c.facility.nameZh : c.facility.nameEn}
                </Link>{" "}
                · {locale === "zh" && c.equipment.nameZh ? c.equipment.nameZh : c.equipment.name}
              </p>
              <p className="text-slate-600">
                {prefectureName(c.facility.prefecture, locale)} ·{" "}
                {c.slot
                  ? t("earliest", {
                      date: format.dateTime(new Date(c.slot.start), {
                        dateStyle: "medium",
                        timeStyle: "short",
                      }),
                    })
                  : t("noSlot")}{" "}
                · {formatFen(c.priceFen, locale)}
                {c.completionRate !== null
                  ? ` · ${t("completion", { rate: Math.round(c.completionRate * 100) })}`
                  : ""}
                {c.rating !== null ? ` · ★ ${c.rating.toFixed(1)}` : ""}
              </p>
              <p className="text-xs text-slate-500">
                {c.rankReason.code === "misses"
                  ? t("rank.misses", { requirement: requirement(c.rankReason.requirement) })
                  : t(`rank.${c.rankReason.code}`)}
              </p>
            </div>
            {action?.(c)}
          </div>
          <ul className="mt-2 flex flex-wrap gap-1 text-xs">
            {c.checks.map((check) => (
              <li
                key={check.requirement}
                className={`rounded px-1.5 py-0.5 ${check.met ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
                title={`${check.requirement === "category" ? labels.category(check.needed) : check.needed} → ${offered(check, c)}`}
              >
                {check.met ? "✓" : "✗"} {requirement(check.requirement)}: {offered(check, c)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

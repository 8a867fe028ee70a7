// The request as the firm wrote it, and the quote with its slot.
import { agreementNumber } from "@/db/reference/agreement-number";
import { formatMoney } from "../../../_components/format-money";
import { getLocale, getTranslations } from "next-intl/server";
import { formatRange, registryLabels } from "../../../_components/registry/labels";
import type { LoadedRequest, When } from "./types";

export async function RequestDetails({
  r,
  asked,
  when,
}: {
  r: LoadedRequest["request"];
  asked: LoadedRequest["askedEquipment"];
  when: When;
}) {
  const t = await getTranslations("request");
  const labels = await registryLabels();
  const locale = await getLocale();
  type Row = { label: string; value: string; href?: string; testId?: string };
  const optional: (Row | false | "" | null)[] = [
    asked && {
      label: t("askedEquipment"),
      value: locale === "zh" && asked.nameZh ? asked.nameZh : asked.name,
      href: `/equipment/${asked.id}`,
    },
    r.equipmentCategory && {
      label: t("category"),
      value: labels.category(r.equipmentCategory),
    },
    r.preferredStart !== null && {
      label: t("askedSlot"),
      value: `${when(r.preferredStart)} – ${when(r.preferredStart + r.hours * 3_600_000)}`,
      testId: "asked-slot",
    },
    r.sampleDetails && {
      label: t("sample"),
      value: `${r.sampleDetails}${r.quantity ? ` · ${r.quantity}` : ""}`,
    },
    r.hazardClass && { label: t("hazard"), value: r.hazardClass },
    r.standard && { label: t("standard"), value: r.standard },
    r.requiredParams.length > 0 && {
      label: t("requiredParams"),
      value: r.requiredParams
        .map(
          (p) =>
            `${labels.param(p.key)} ${formatRange(p.min ?? null, p.max ?? null, p.unit, locale)}`,
        )
        .join(" · "),
    },
  ];
  const rows = optional.filter((x): x is Row => Boolean(x));
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="mb-2 font-medium">{t("details")}</h2>
      {r.description && <p className="mb-2 whitespace-pre-line">{r.description}</p>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">{t("window")}</dt>
        <dd>
          {when(r.earliestStart)} – {when(r.deadline)} · {t("hours", { count: r.hours })} ·{" "}
          {t("units", { count: r.units })}
        </dd>
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="text-slate-600">{row.label}</dt>
            <dd data-testid={row.testId}>
              {row.href ? (
                <a href={row.href} className="text-brand-700 underline">
                  {row.value}
                </a>
              ) : (
                row.value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export async function QuoteSummary({ r, when }: { r: LoadedRequest["request"]; when: When }) {
  if (r.quoteAmountFen === null || r.quoteStart === null) return null;
  const t = await getTranslations("request");
  const locale = await getLocale();
  return (
    <section
      className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm"
      data-testid="quote"
    >
      <h2 className="mb-2 font-medium">{t("quote")}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">{t("amount")}</dt>
        <dd className="font-medium">{formatMoney(r.quoteAmountFen, locale)}</dd>
        <dt className="text-slate-600">{t("slot")}</dt>
        <dd>
          {when(r.quoteStart)} – {when(r.quoteEnd!)} · {t("units", { count: r.quoteUnits ?? 1 })}
        </dd>
        {r.status === "quoted" && r.quoteValidUntil !== null && (
          <>
            <dt className="text-slate-600">{t("validUntil")}</dt>
            <dd>{when(r.quoteValidUntil)}</dd>
          </>
        )}
      </dl>
      {r.quoteVersion > 0 && (
        <p className="mt-2" data-testid="agreement">
          {r.agreementNumber
            ? t("agreementAccepted", { number: r.agreementNumber })
            : t("agreementDraft", { number: agreementNumber(r.ref, r.quoteVersion) })}{" "}
          <a href={`/api/requests/${r.id}/agreement`} className="text-brand-700 underline">
            {t("agreementPdf")}
          </a>
        </p>
      )}
      {["confirmed", "in_progress", "completed"].includes(r.status) && (
        <a
          href={`/api/requests/${r.id}/ics`}
          className="mt-2 inline-block text-brand-700 underline"
          data-testid="ics-link"
        >
          {t("ics")}
        </a>
      )}
    </section>
  );
}

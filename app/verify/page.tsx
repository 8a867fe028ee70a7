// The public check of a report: its number alone says whether it exists; with the verification
// code printed beside its QR code, what the report is (facility, service, dates, accreditation
// marks, status, SHA-256 of the released file), and a check of a PDF against that hash, computed in
// the browser. Nothing about the firm or the results.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { clientIp } from "@/server/auth/client-ip";
import { DomainError } from "@/server/services/errors";
import { renderRefusal } from "@/server/i18n/render";
import { verifyReport, type Verification } from "@/server/services/reports/verify";
import { inputClass } from "../_components/form-field";
import { ClientIntl } from "../_components/client-intl";
import { FileCheck } from "./file-check";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 100);

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const number = one(sp.n)?.trim() ?? "";
  const code = one(sp.c)?.trim() ?? "";
  const t = await getTranslations("verify");
  const locale = (await getLocale()) as "en" | "zh";
  let result: Verification | null = null;
  let refusal: { field: string | null; text: string } | null = null;
  if (number) {
    try {
      const address = clientIp(await headers()) ?? "unknown";
      result = verifyReport(getDb(), address, { number, code });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const [field, r] = Object.entries(e.fields ?? {})[0] ?? [null, e.refusal];
      refusal = { field, text: renderRefusal(locale, r) };
    }
  }
  return (
    <div className="mx-auto max-w-2xl space-y-6" data-testid="verify">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
      >
        <div>
          <label htmlFor="verify-number" className="block text-sm font-medium">
            {t("number")}
          </label>
          <input
            id="verify-number"
            name="n"
            defaultValue={number}
            placeholder={t("numberExample")}
            autoComplete="off"
            aria-invalid={refusal?.field === "number" || undefined}
            aria-describedby={refusal ? "verify-refusal" : undefined}
            className={`${inputClass} font-mono`}
          />
        </div>
        <div>
          <label htmlFor="verify-code" className="block text-sm font-medium">
            {t("code")}
          </label>
          <input
            id="verify-code"
            name="c"
            defaultValue={code}
            placeholder={t("codeExample")}
            autoComplete="off"
            aria-invalid={refusal?.field === "code" || undefined}
            aria-describedby="verify-code-hint"
            className={`${inputClass} font-mono`}
          />
          <p id="verify-code-hint" className="mt-1 text-xs text-slate-600">
            {t("codeHint")}
          </p>
        </div>
        <div className="sm:col-span-2">
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t("check")}
          </button>
        </div>
      </form>
      {refusal && (
        <p
          id="verify-refusal"
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          data-testid="verify-refusal"
        >
          {refusal.text}
        </p>
      )}
      {result && <Outcome result={result} number={number} />}
    </div>
  );
}

async function Outcome({ result, number }: { result: Verification; number: string }) {
  const t = await getTranslations("verify");
  const format = await getFormatter();
  if (!result.exists)
    return <Notice outcome="unknown" text={t("unknown", { number: number.toUpperCase() })} />;
  if (!result.codeChecked)
    return <Notice outcome="exists" text={t("exists", { number: number.toUpperCase() })} />;
  if (!result.codeMatches) return <Notice outcome="wrong-code" text={t("wrongCode")} />;
  const r = result;
  // The issuing facility's days.
  const date = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: "long", timeZone: r.timeZone });
  const statusText =
    r.status === "released"
      ? t("valid")
      : r.status === "superseded"
        ? t("superseded", {
            number: r.supersededBy ?? "",
            date: r.supersededAt ? date(r.supersededAt) : "",
          })
        : t("revoked", { date: r.revokedAt ? date(r.revokedAt) : "" });
  const tone =
    r.status === "released"
      ? "border-emerald-200 bg-emerald-50 text-emerald-900"
      : r.status === "superseded"
        ? "border-amber-200 bg-amber-50 text-amber-900"
        : "border-red-200 bg-red-50 text-red-800";
  const locale = await getLocale();
  const name = (n: { name: string; nameZh: string }) =>
    locale === "zh" && n.nameZh ? n.nameZh : n.name;
  const rows: [string, string][] = [
    [t("facts.number"), r.number],
    [t("facts.facility"), name(r.facility)],
    [t("facts.service"), r.service ? name(r.service) : "—"],
    [
      t("facts.tested"),
      r.testedFrom !== null && r.testedTo !== null
        ? `${date(r.testedFrom)} – ${date(r.testedTo)}`
        : "—",
    ],
    [t("facts.issued"), date(r.issuedAt)],
    [
      t("facts.marks"),
      r.marks.length
        ? r.marks
            .map((m) => t("mark", { type: m.type, no: m.certificateNo, until: date(m.validUntil) }))
            .join("; ")
        : t("noMarks"),
    ],
  ];
  return (
    <div className="space-y-4" data-testid="verify-outcome" data-outcome={r.status}>
      <p
        className={`space-y-2 rounded-lg border p-4 text-sm font-medium ${tone}`}
        role="status"
        data-testid="verify-status"
      >
        {statusText}
      </p>
      <dl className="grid gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[12rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
        <dt className="text-slate-600">{t("facts.sha256")}</dt>
        <dd className="font-mono text-xs break-all" data-testid="verify-sha256">
          {r.sha256}
        </dd>
      </dl>
      <ClientIntl namespaces={["verify"]}>
        <FileCheck sha256={r.sha256} />
      </ClientIntl>
    </div>
  );
}

/** The answer when there is nothing more to show: unknown number, number only, wrong code. */
function Notice({ outcome, text }: { outcome: string; text: string }) {
  const tone =
    outcome === "exists" ? "border-slate-200 bg-white" : "border-red-200 bg-red-50 text-red-800";
  return (
    <div
      className={`rounded-lg border p-4 text-sm ${tone}`}
      data-testid="verify-outcome"
      data-outcome={outcome}
      role="status"
    >
      {text}
    </div>
  );
}

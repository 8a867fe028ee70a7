import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { DataTable } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { ReportFaultForm } from "../../_components/operations/fault-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("faults"))("title") };
}

export default async function FaultsPage() {
  const actor = await requireRole("/operator/faults", ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("faults");
  const format = await getFormatter();
  const locale = await getLocale();
  const caller = await serverCaller();
  const start = await caller.workspace.operator();
  const facility = await caller.facility.get({ slug: start.facility.slug });
  const faults = await caller.fault.list();
  const when = (ms: number) =>
    format.dateTime(new Date(ms), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: start.facility.timeZone,
    });
  const hours = (ms: number) => format.number(ms / 3_600_000, { maximumFractionDigits: 1 });
  return (
    <div className="space-y-6" data-testid="faults-page">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ClientIntl namespaces={["faults"]}>
        <TRPCReactProvider>
          <ReportFaultForm
            equipment={facility.equipment
              .filter((e) => e.status !== "down")
              .map((e) => ({ id: e.id, name: locale === "zh" && e.nameZh ? e.nameZh : e.name }))}
            timeZone={start.facility.timeZone}
          />
        </TRPCReactProvider>
      </ClientIntl>
      <section>
        <h2 className="mb-2 font-medium">{t("list")}</h2>
        {faults.length === 0 ? (
          <EmptyState text={t("none")} />
        ) : (
          <DataTable
            testId="fault-list"
            headers={[t("equipment"), t("description"), t("since"), t("state"), ""]}
            rows={faults.map((f) => ({
              key: f.id,
              cells: [
                locale === "zh" && f.nameZh ? f.nameZh : f.name,
                f.description,
                when(f.reportedAt),
                f.closedAt === null
                  ? t("open")
                  : t("repaired", { hours: hours(f.closedAt - f.reportedAt) }),
                <Link
                  key="o"
                  href={`/operator/faults/${f.id}`}
                  className="text-brand-700 underline"
                >
                  {f.closedAt === null ? t("affectedLink") : t("details")}
                </Link>,
              ],
            }))}
          />
        )}
      </section>
    </div>
  );
}

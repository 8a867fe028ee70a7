import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { DataTable } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import {
  MaintenanceForm,
  RemoveMaintenanceButton,
} from "../../_components/operations/maintenance-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("maintenance"))("title") };
}

export default async function MaintenancePage() {
  const actor = await requireRole("/operator/maintenance", ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("maintenance");
  const format = await getFormatter();
  const locale = await getLocale();
  const caller = await serverCaller();
  const start = await caller.workspace.operator();
  const facility = await caller.facility.get({ slug: start.facility.slug });
  const windows = await caller.maintenance.list({});
  const when = (ms: number) =>
    format.dateTime(new Date(ms), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: start.facility.timeZone,
    });
  return (
    <div className="space-y-6" data-testid="maintenance-page">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ClientIntl namespaces={["maintenance"]}>
        <TRPCReactProvider>
          <MaintenanceForm
            equipment={facility.equipment.map((e) => ({
              id: e.id,
              name: locale === "zh" && e.nameZh ? e.nameZh : e.name,
            }))}
            timeZone={start.facility.timeZone}
          />
          <section className="mt-6">
            <h2 className="mb-2 font-medium">{t("upcoming")}</h2>
            {windows.length === 0 ? (
              <EmptyState text={t("none")} />
            ) : (
              <DataTable
                testId="maintenance-list"
                headers={[t("equipment"), t("start"), t("end"), t("reason"), ""]}
                rows={windows.map((w) => ({
                  key: w.id,
                  cells: [
                    w.equipmentName ?? t("wholeFacility"),
                    when(w.start),
                    when(w.end),
                    w.reason ?? "",
                    <RemoveMaintenanceButton key="r" id={w.id} />,
                  ],
                }))}
              />
            )}
          </section>
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

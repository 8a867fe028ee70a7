import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { technologyFields } from "@/db/schema/enums";
import { requireRole } from "../../../_auth/require-role";
import { Forbidden } from "../../../_components/forbidden";
import { serverCaller } from "../../../_trpc/server";
import { loadForPage } from "../../../_trpc/load";
import { TRPCReactProvider } from "../../../_trpc/client";
import { ClientIntl } from "../../../_components/client-intl";
import { registryLabels } from "../../../_components/registry/labels";
import { FacilityForm } from "../../../_components/admin/facility-form";
import { FacilityStatusButton } from "../../../_components/admin/facility-status-button";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminFacilities"))("edit") };
}

export default async function AdminFacilityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await requireRole(`/admin/facilities/${id}`, ["admin"]))) return <Forbidden />;
  const t = await getTranslations("adminFacilities");
  const locale = await getLocale();
  const labels = await registryLabels();
  const result = await loadForPage(async () =>
    (await serverCaller()).admin.facility({ id: Number(id) }),
  );
  if (!result.ok) notFound();
  const f = result.data;
  return (
    <div className="space-y-6" data-testid="admin-facility">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">
          {locale === "zh" ? f.nameZh : f.nameEn}{" "}
          <span
            className={`ml-2 rounded-full px-2 py-0.5 align-middle text-xs ${f.status === "suspended" ? "bg-red-100 text-red-800" : "bg-emerald-100 text-emerald-800"}`}
            data-testid="facility-status"
          >
            {t(f.status)}
          </span>
        </h1>
        <div className="flex gap-3 text-sm">
          <Link href={`/facilities/${f.slug}`} className="text-brand-700 underline">
            {t("publicPage")}
          </Link>
          <Link href={`/admin/dashboard?facilityId=${f.id}`} className="text-brand-700 underline">
            {t("figures")}
          </Link>
        </div>
      </div>
      <ClientIntl namespaces={["adminFacilities", "manage"]}>
        <TRPCReactProvider>
          {f.kind === "facility" && (
            <section className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="mb-1 font-medium">{t("statusTitle")}</h2>
              <p className="mb-3 text-sm text-slate-600">{t("suspendHelp")}</p>
              <FacilityStatusButton id={f.id} status={f.status} />
            </section>
          )}
          <FacilityForm
            facility={f}
            fieldLabels={Object.fromEntries(technologyFields.map((x) => [x, labels.field(x)]))}
          />
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { ServiceEditor } from "../../_components/operations/service-editor";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage"))("servicesTitle") };
}

export default async function ManageServicesPage() {
  const actor = await requireRole("/operator/services", ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("manage");
  const ts = await getTranslations("serviceType");
  const { equipment, services } = await (await serverCaller()).facility.catalogue();
  const zh = (await getLocale()) === "zh";
  const options = equipment
    .filter((e) => e.status !== "retired")
    .map((e) => ({ id: e.id, name: zh && e.nameZh ? e.nameZh : e.name }));
  return (
    <div className="space-y-6" data-testid="manage-services">
      <h1 className="text-2xl font-semibold">{t("servicesTitle")}</h1>
      <ClientIntl namespaces={["manage", "serviceType"]}>
        <TRPCReactProvider>
          <section className="space-y-2">
            <h2 className="font-medium">{t("newService")}</h2>
            <ServiceEditor equipment={options} />
          </section>
          <ul className="space-y-3">
            {services
              .filter((s) => s.status === "active")
              .map((s) => (
                <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-3">
                  <details>
                    <summary className="cursor-pointer">
                      <span className="font-medium">{zh && s.nameZh ? s.nameZh : s.name}</span>{" "}
                      <span className="text-sm text-slate-600">· {ts(s.type)}</span>
                    </summary>
                    <div className="mt-2">
                      <ServiceEditor existing={s} equipment={options} />
                    </div>
                  </details>
                </li>
              ))}
          </ul>
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

import type { Metadata } from "next";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { EquipmentEditor } from "../../_components/operations/equipment-editor";
import { parameterKeys, type ParameterKey } from "@/db/reference/parameters";
import { equipmentStatuses } from "@/db/schema/enums";
import { unitsFor } from "@/server/services/registry/units";
import { registryLabels } from "../../_components/registry/labels";

export const dynamic = "force-dynamic";

/** The codes of a catalog namespace. */
async function getMessagesOf(namespace: string): Promise<string[]> {
  return Object.keys(((await getMessages()) as Record<string, object>)[namespace] ?? {});
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage"))("equipmentTitle") };
}

export default async function ManageEquipmentPage() {
  const actor = await requireRole("/operator/equipment", ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("manage");
  const te = await getTranslations("equipmentStatus");
  const locale = await getLocale();
  const caller = await serverCaller();
  const { equipment, params, timeZone } = await caller.facility.catalogue();
  const labels = await registryLabels();
  const byLabel = (a: { label: string }, b: { label: string }) =>
    a.label.localeCompare(b.label, locale);
  // The catalogue's categories and those already in use, by name in the reader's language.
  const codes = new Set([
    ...(await getMessagesOf("category")),
    ...(await caller.equipment.categories()),
  ]);
  const categories = [...codes].map((c) => ({ value: c, label: labels.category(c) })).sort(byLabel);
  const paramOptions = (Object.keys(parameterKeys) as ParameterKey[])
    .map((k) => ({ key: k, label: labels.param(k), units: unitsFor(k) }))
    .sort(byLabel);
  const statusLabels = Object.fromEntries(equipmentStatuses.map((s) => [s, te(s)]));
  const editor = { timeZone, categories, paramOptions, statusLabels };
  return (
    <div className="space-y-6" data-testid="manage-equipment">
      <h1 className="text-2xl font-semibold">{t("equipmentTitle")}</h1>
      <ClientIntl namespaces={["manage"]}>
        <TRPCReactProvider>
          <section className="space-y-2">
            <h2 className="font-medium">{t("newEquipment")}</h2>
            <EquipmentEditor {...editor} />
          </section>
          <ul className="space-y-3">
            {equipment.map((e) => (
              <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">
                      {locale === "zh" && e.nameZh ? e.nameZh : e.name}
                    </span>{" "}
                    <span className="text-sm text-slate-600">
                      · {labels.category(e.category)} · {te(e.status)} · {t(`sharing.${e.sharing}`)}
                    </span>
                  </summary>
                  <div className="mt-2">
                    <EquipmentEditor
                      existing={e}
                      params={params.filter((p) => p.equipmentId === e.id)}
                      {...editor}
                    />
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

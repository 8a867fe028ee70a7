import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { EquipmentEditor } from "../../_components/operations/equipment-editor";
import { parameterKeys } from "@/db/reference/parameters";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage"))("equipmentTitle") };
}

export default async function ManageEquipmentPage() {
  const actor = await requireRole("/operator/equipment", ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("manage");
  const te = await getTranslations("equipmentStatus");
  const { equipment, params, timeZone } = await (await serverCaller()).facility.catalogue();
  const unitsHint = `${t("paramsHint")} ${Object.entries(parameterKeys)
    .map(([k, v]) => `${k} (${v.unit})`)
    .join(", ")}`;
  return (
    <div className="space-y-6" data-testid="manage-equipment">
      <h1 className="text-2xl font-semibold">{t("equipmentTitle")}</h1>
      <ClientIntl namespaces={["manage"]}>
        <TRPCReactProvider>
          <section className="space-y-2">
            <h2 className="font-medium">{t("newEquipment")}</h2>
            <EquipmentEditor unitsHint={unitsHint} timeZone={timeZone} />
          </section>
          <ul className="space-y-3">
            {equipment.map((e) => (
              <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{e.name}</span>{" "}
                    <span className="text-sm text-slate-600">
                      · {te(e.status)} · {e.sharing}
                    </span>
                  </summary>
                  <div className="mt-2">
                    <EquipmentEditor
                      existing={e}
                      params={params.filter((p) => p.equipmentId === e.id)}
                      unitsHint={unitsHint}
                      timeZone={timeZone}
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

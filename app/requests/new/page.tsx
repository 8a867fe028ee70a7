import { now } from "@/server/services/clock";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { serviceTypes } from "@/db/schema/enums";
import { parameterKeys } from "@/db/reference/parameters";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { registryLabels } from "../../_components/registry/labels";
import { first, type SearchParams } from "../../_components/search-params";
import { NewRequestForm } from "../../_components/booking/new-request-form";
import { NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requestForm"))("title") };
}

export default async function NewRequestPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const query = new URLSearchParams(
    Object.entries(sp).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  ).toString();
  const actor = await requireRole(`/requests/new${query ? `?${query}` : ""}`, ["firm"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("requestForm");
  const ts = await getTranslations("serviceType");
  const labels = await registryLabels();
  const locale = await getLocale();
  const caller = await serverCaller();
  const equipmentId = first(sp, "equipment");
  // An unknown equipment or service is a 404, not a silent switch to "Ask the hub".
  const equipment = equipmentId
    ? await caller.equipment.get({ id: Number(equipmentId) }).catch(() => notFound())
    : null;
  // A start time picked on the equipment's calendar (ms, digits only), kept when in the future.
  const startParam = first(sp, "start");
  const pickedStart =
    equipment && startParam && /^\d{13}$/.test(startParam) && Number(startParam) > now()
      ? Number(startParam)
      : null;
  // Its length, when dragged out on the day's timeline: whole hours within the equipment's limits.
  const hoursParam = Number(first(sp, "hours"));
  const pickedHours =
    pickedStart !== null &&
    Number.isInteger(hoursParam) &&
    hoursParam >= equipment!.minHours &&
    hoursParam <= equipment!.maxHours
      ? hoursParam
      : null;
  const serviceId = first(sp, "service");
  const service = serviceId
    ? await caller.service.get({ id: Number(serviceId) }).catch(() => notFound())
    : null;
  const facilityName = equipment
    ? locale === "zh"
      ? equipment.facility.nameZh
      : equipment.facility.nameEn
    : service
      ? locale === "zh"
        ? service.facility.nameZh
        : service.facility.nameEn
      : null;
  return (
    <div className="mx-auto max-w-3xl space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{facilityName ? t("lead") : t("leadHub")}</p>
      {facilityName && (
        <p className="text-sm" data-testid="request-target">
          {t("for")}:{" "}
          <strong>
            {equipment
              ? locale === "zh" && equipment.nameZh
                ? equipment.nameZh
                : equipment.name
              : locale === "zh" && service?.nameZh
                ? service.nameZh
                : service?.name}
          </strong>{" "}
          · {facilityName}
        </p>
      )}
      <ClientIntl namespaces={["requestForm"]}>
        <TRPCReactProvider>
          <NewRequestForm
            equipment={
              equipment
                ? {
                    id: equipment.id,
                    name: equipment.name,
                    units: equipment.units,
                    minHours: equipment.minHours,
                  }
                : null
            }
            pickedStart={pickedStart}
            pickedHours={pickedHours}
            categories={
              equipment || service
                ? []
                : (await caller.equipment.categories())
                    .map((c) => ({ value: c, label: labels.category(c) }))
                    .sort((a, b) => a.label.localeCompare(b.label, locale))
            }
            service={service ? { id: service.id, name: service.name, type: service.type } : null}
            fees={
              service
                ? service.fees
                : equipment
                  ? {
                      priceBasis: "per_hour",
                      priceFen: equipment.hourlyRateFen,
                      minChargeFen: 0,
                      urgentSurchargePct: 0,
                      hazardSurchargePct: 0,
                      smallFirmDiscountPct: 0,
                      vatRateBp: equipment.facility.vatRateBp,
                    }
                  : null
            }
            firmSize={equipment || service ? (await caller.workspace.firm()).firm.size : null}
            facilityName={facilityName}
            timeZone={
              equipment?.facility.timeZone ?? service?.facility.timeZone ?? NETWORK_TIME_ZONE
            }
            serviceTypeLabels={Object.fromEntries(serviceTypes.map((s) => [s, ts(s)]))}
            paramLabels={Object.fromEntries(
              Object.keys(parameterKeys).map((k) => [k, labels.param(k)]),
            )}
          />
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

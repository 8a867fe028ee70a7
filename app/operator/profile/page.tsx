import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { ProfileEditor } from "../../_components/operations/profile-editor";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage"))("profileTitle") };
}

export default async function ManageProfilePage() {
  const actor = await requireRole("/operator/profile", ["operator", "coordinator"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("manage");
  const tf = await getTranslations("facility");
  const caller = await serverCaller();
  const start = await caller.workspace.operator();
  const { facility, accreditations } = await caller.facility.get({ slug: start.facility.slug });
  return (
    <div className="space-y-6" data-testid="manage-profile">
      <h1 className="text-2xl font-semibold">{t("profileTitle")}</h1>
      <ClientIntl namespaces={["manage"]}>
        <TRPCReactProvider>
          <ProfileEditor
            profile={{
              ...facility,
              openingHours: facility.openingHours as Record<string, [string, string][]>,
            }}
            accreditations={accreditations}
            weekdayNames={(["0", "1", "2", "3", "4", "5", "6"] as const).map((d) =>
              tf(`weekday${d}`),
            )}
          />
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

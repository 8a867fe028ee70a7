// Asking for a password reset link by email.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TRPCReactProvider } from "../_trpc/client";
import { ClientIntl } from "../_components/client-intl";
import { RequestResetForm } from "../_components/firm/link-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountLinks"))("resetTitle") };
}

export default async function ResetPage() {
  const t = await getTranslations("accountLinks");
  return (
    <div className="mx-auto max-w-md space-y-4" data-testid="reset-page">
      <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
      <p className="text-slate-700">{t("resetIntro")}</p>
      <ClientIntl namespaces={["accountLinks"]}>
        <TRPCReactProvider>
          <RequestResetForm />
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

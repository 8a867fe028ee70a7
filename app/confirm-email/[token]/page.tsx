// An email confirmation link: one button confirms (a link scanner that only opens the page does
// not use the link).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { ConfirmEmailButton } from "../../_components/firm/link-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountLinks"))("confirmTitle") };
}

export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("accountLinks");
  return (
    <div className="mx-auto max-w-md space-y-4" data-testid="confirm-email-page">
      <h1 className="text-2xl font-semibold">{t("confirmTitle")}</h1>
      <p className="text-slate-700">{t("confirmIntro")}</p>
      <ClientIntl namespaces={["accountLinks"]}>
        <TRPCReactProvider>
          <ConfirmEmailButton token={token} />
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

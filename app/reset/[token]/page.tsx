// A password reset link: the form for the new password (the link is checked when it is sent).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { NewPasswordForm } from "../../_components/firm/link-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountLinks"))("newPasswordTitle") };
}

export default async function NewPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("accountLinks");
  return (
    <div className="mx-auto max-w-md space-y-4" data-testid="new-password-page">
      <h1 className="text-2xl font-semibold">{t("newPasswordTitle")}</h1>
      <p className="text-slate-700">{t("newPasswordIntro")}</p>
      <ClientIntl namespaces={["accountLinks"]}>
        <TRPCReactProvider>
          <NewPasswordForm token={token} />
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

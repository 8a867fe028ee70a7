// An invitation link: who invited the reader to which firm, and the form that makes their account.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { AcceptInvitationForm } from "../../_components/firm/link-forms";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountLinks"))("inviteTitle") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("accountLinks");
  const info = await (
    await serverCaller()
  ).account
    .invitation({ token: token.slice(0, 200) })
    .catch(() => null);
  return (
    <div className="mx-auto max-w-md space-y-4" data-testid="invite-page">
      <h1 className="text-2xl font-semibold">{t("inviteTitle")}</h1>
      {info ? (
        <>
          <p className="text-slate-700">
            {t("inviteIntro", {
              firm: info.firm,
              email: info.email,
              role: t(`roles.${info.firmRole}`),
            })}
          </p>
          <ClientIntl namespaces={["accountLinks"]}>
            <TRPCReactProvider>
              <AcceptInvitationForm token={token} email={info.email} />
            </TRPCReactProvider>
          </ClientIntl>
        </>
      ) : (
        <p
          className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800"
          role="alert"
        >
          {t("deadInvitation")}
        </p>
      )}
    </div>
  );
}

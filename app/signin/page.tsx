import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor, startPageOf } from "@/server/auth/session";
import { SignInForm } from "./sign-in-form";
import { ClientIntl } from "../_components/client-intl";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; email?: string }>;
}) {
  const actor = await currentActor();
  if (actor) redirect(startPageOf[actor.role]);
  const t = await getTranslations("signIn");
  const { callbackUrl, email } = await searchParams;
  return (
    <div className="mx-auto max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      <ClientIntl namespaces={["signIn"]}>
        <SignInForm
          callbackUrl={callbackUrl ?? null}
          email={typeof email === "string" ? email.slice(0, 200) : ""}
        />
      </ClientIntl>
    </div>
  );
}

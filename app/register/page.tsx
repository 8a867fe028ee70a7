import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor, startPageOf } from "@/server/auth/session";
import { RegisterForm } from "./register-form";
import { TRPCReactProvider } from "../_trpc/client";
import { ClientIntl } from "../_components/client-intl";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage() {
  const actor = await currentActor();
  if (actor) redirect(startPageOf[actor.role]);
  const t = await getTranslations("register");
  return (
    <div className="mx-auto max-w-2xl rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 mt-2 text-slate-600">{t("lead")}</p>
      <ClientIntl namespaces={["register", "firmSize", "industry"]}>
        <TRPCReactProvider>
          <RegisterForm />
        </TRPCReactProvider>
      </ClientIntl>
      <p className="mt-6 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/signin" className="text-brand-700 underline">
          {(await getTranslations("signIn"))("title")}
        </Link>
      </p>
    </div>
  );
}

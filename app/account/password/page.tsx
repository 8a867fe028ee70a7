import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor, startPageOf } from "@/server/auth/session";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { PasswordForm } from "./password-form";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { ReminderSwitches } from "./reminder-switches";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("settingsTitle") };
}

/** Account settings: every signed-in user changes their password here (after an admin reset,
 * they must), chooses their reminders and can end all their sessions. */
export default async function PasswordPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Faccount%2Fpassword");
  const t = await getTranslations("account");
  return (
    <div
      className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      data-testid="change-password"
    >
      <h1 className="text-2xl font-semibold">{t("settingsTitle")}</h1>
      <h2 className="mt-4 text-lg font-semibold">{t("title")}</h2>
      <p
        className={`mb-6 mt-1 text-sm ${actor.mustChangePassword ? "rounded-md bg-amber-50 p-2 text-amber-900" : "text-slate-600"}`}
        role={actor.mustChangePassword ? "status" : undefined}
      >
        {actor.mustChangePassword ? t("mustChange") : t("lead")}
      </p>
      <ClientIntl namespaces={["account"]}>
        <TRPCReactProvider>
          <PasswordForm next={startPageOf[actor.role]} />
          <ReminderSwitches />
          <SignOutEverywhere />
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

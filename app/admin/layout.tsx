import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/server/auth/session";
import { AdminNav } from "./admin-nav";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const t = await getTranslations("adminNav");
  const sections = [
    ["/admin", "overview"],
    ["/admin/dashboard", "dashboard"],
    ["/admin/facilities", "facilities"],
    ["/admin/evaluation", "evaluation"],
    ["/admin/vouchers", "vouchers"],
    ["/admin/users", "users"],
    ["/admin/audit", "audit"],
    ["/admin/outbox", "outbox"],
  ] as const;
  return (
    <>
      {actor?.role === "admin" && !actor.mustChangePassword && (
        <AdminNav
          label={t("label")}
          items={sections.map(([href, key]) => ({ href, label: t(key) }))}
        />
      )}
      {children}
    </>
  );
}

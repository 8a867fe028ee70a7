import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { roles } from "@/db/schema/enums";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { first, type SearchParams } from "../../_components/search-params";
import { SelectField } from "../../_components/registry/select-field";
import { SearchActions } from "../../_components/registry/search-actions";
import { Pagination } from "../../_components/registry/pagination";
import { DataTable } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { AccountForm } from "../../_components/admin/account-form";
import { AccountActions } from "../../_components/admin/account-actions";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("title") };
}

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireRole("/admin/users", ["admin"]);
  if (!actor) return <Forbidden />;
  const sp = await searchParams;
  const t = await getTranslations("adminUsers");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const locale = await getLocale();
  const caller = await serverCaller();
  const role = roles.find((r) => r === first(sp, "role"));
  const data = await caller.admin.users({
    q: first(sp, "q"),
    role,
    page: Math.max(1, Number(first(sp, "page")) || 1),
  });
  const facilities = (
    await caller.admin.facilities({ status: "active", pageSize: 500 })
  ).rows.filter((f) => f.kind === "facility");
  return (
    <div className="space-y-6" data-testid="admin-users">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section>
        <h2 className="mb-3 font-medium">{t("new")}</h2>
        <ClientIntl namespaces={["adminUsers", "manage"]}>
          <TRPCReactProvider>
            <AccountForm
              facilities={facilities.map((f) => [f.id, locale === "zh" ? f.nameZh : f.nameEn])}
            />
          </TRPCReactProvider>
        </ClientIntl>
      </section>
      <form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
      >
        <label htmlFor="q" className="block text-sm font-medium">
          {t("search")}
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={first(sp, "q")}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-2 text-sm"
          />
        </label>
        <SelectField
          id="role"
          label={t("role")}
          value={role}
          anyLabel={t("any")}
          options={roles.map((r) => [r, tr(r)])}
        />
        <SearchActions resetHref="/admin/users" className="self-end" />
      </form>
      {data.rows.length === 0 ? (
        <EmptyState text={t("empty")} />
      ) : (
        <ClientIntl namespaces={["adminUsers", "manage"]}>
          <TRPCReactProvider>
            <DataTable
              testId="user-table"
              headers={[
                t("email"),
                t("name"),
                t("role"),
                t("facility"),
                t("state"),
                t("lastSignIn"),
                t("actions"),
              ]}
              rows={data.rows.map((u) => ({
                key: u.id,
                cells: [
                  u.email,
                  u.name,
                  tr(u.role),
                  (locale === "zh" ? u.facilityZh : u.facility) ?? "—",
                  <span key="s" className={u.disabled ? "font-medium text-red-700" : ""}>
                    {u.disabled
                      ? t("disabled")
                      : u.mustChangePassword
                        ? t("mustChange")
                        : t("active")}
                    {u.signatory && <span className="block text-xs">{t("signatory")}</span>}
                  </span>,
                  u.lastSignInAt
                    ? format.dateTime(new Date(u.lastSignInAt), {
                        dateStyle: "short",
                        timeStyle: "short",
                      })
                    : "—",
                  <AccountActions
                    key="a"
                    id={u.id}
                    email={u.email}
                    disabled={u.disabled}
                    self={u.id === actor.userId}
                    signatory={
                      u.role === "operator" || u.role === "coordinator" ? u.signatory : null
                    }
                  />,
                ],
              }))}
            />
          </TRPCReactProvider>
        </ClientIntl>
      )}
      <Pagination
        path="/admin/users"
        sp={sp}
        page={data.page}
        pages={Math.max(1, Math.ceil(data.total / data.pageSize))}
      />
    </div>
  );
}

import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "../../_auth/require-role";
import { Forbidden } from "../../_components/forbidden";
import { serverCaller } from "../../_trpc/server";
import { TRPCReactProvider } from "../../_trpc/client";
import { ClientIntl } from "../../_components/client-intl";
import { DataTable } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import {
  DecideApproval,
  InviteForm,
  MemberActions,
  ThresholdForm,
  WithdrawInvitation,
} from "../../_components/firm/team-forms";
import { formatMoney } from "../../_components/format-money";
import { NETWORK_TIME_ZONE } from "@/db/local-time";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team"))("title") };
}

/** A firm's team: its members with their roles, the open invitations, and (for managers) the
 * forms that change them. */
export default async function TeamPage() {
  const actor = await requireRole("/firm/team", ["firm"]);
  if (!actor) return <Forbidden />;
  const t = await getTranslations("team");
  if (actor.firmRole !== "manager")
    return (
      <div className="space-y-4" data-testid="team">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("managersOnly")}</p>
      </div>
    );
  const format = await getFormatter();
  const when = (ms: number) =>
    format.dateTime(new Date(ms), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: NETWORK_TIME_ZONE,
    });
  const caller = await serverCaller();
  const team = await caller.firm.team();
  const approvals = await caller.firm.approvals();
  const locale = await getLocale();
  return (
    <div className="space-y-8" data-testid="team">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <ClientIntl namespaces={["team"]}>
        <TRPCReactProvider>
          <section className="space-y-2">
            <h2 className="font-medium">{t("inviteTitle")}</h2>
            <InviteForm />
          </section>
          <section className="mt-8 space-y-2" data-testid="spending">
            <h2 className="font-medium">{t("spending")}</h2>
            <ThresholdForm thresholdFen={approvals.thresholdFen} />
            {approvals.pending.length === 0 ? (
              <EmptyState text={t("noApprovals")} />
            ) : (
              <DataTable
                testId="approval-table"
                headers={[
                  t("request"),
                  t("amount"),
                  t("requestedBy"),
                  t("validUntil"),
                  t("actions"),
                ]}
                rows={approvals.pending.map((a) => ({
                  key: a.id,
                  cells: [
                    <a
                      key="r"
                      href={`/requests/${a.requestId}`}
                      className="text-brand-700 underline"
                    >
                      {a.ref} · {a.title}
                    </a>,
                    formatMoney(a.amountFen, locale),
                    a.requestedBy,
                    a.validUntil ? when(a.validUntil) : "—",
                    <DecideApproval key="d" id={a.id} refText={a.ref} />,
                  ],
                }))}
              />
            )}
          </section>
          <section className="mt-8 space-y-2">
            <h2 className="font-medium">{t("members")}</h2>
            <DataTable
              testId="member-table"
              headers={[
                t("name"),
                t("email"),
                t("role"),
                t("state"),
                t("lastSignIn"),
                t("actions"),
              ]}
              rows={team.members.map((m) => ({
                key: m.id,
                cells: [
                  m.name,
                  m.email,
                  m.firmRole ? t(`roles.${m.firmRole}`) : "—",
                  m.disabled ? t("disabled") : m.emailVerified ? t("active") : t("unconfirmed"),
                  m.lastSignInAt ? when(m.lastSignInAt) : "—",
                  m.id === team.self ? (
                    <span key="you" className="text-xs text-slate-500">
                      {t("you")}
                    </span>
                  ) : (
                    <MemberActions
                      key="a"
                      userId={m.id}
                      name={m.name}
                      firmRole={m.firmRole}
                      disabled={m.disabled}
                    />
                  ),
                ],
              }))}
            />
          </section>
          <section className="mt-8 space-y-2">
            <h2 className="font-medium">{t("invitations")}</h2>
            {team.invitations.length === 0 ? (
              <EmptyState text={t("noInvitations")} />
            ) : (
              <DataTable
                testId="invitation-table"
                headers={[t("email"), t("role"), t("sent"), t("expires"), t("actions")]}
                rows={team.invitations.map((i) => ({
                  key: i.id,
                  cells: [
                    i.email,
                    i.firmRole ? t(`roles.${i.firmRole}`) : "—",
                    when(i.createdAt),
                    when(i.expiresAt),
                    <WithdrawInvitation key="w" id={i.id} email={i.email} />,
                  ],
                }))}
              />
            )}
          </section>
        </TRPCReactProvider>
      </ClientIntl>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { revalidatePath } from "next/cache";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { currentActor } from "@/server/auth/session";
import { listNotifications, markRead } from "@/server/services/users/notifications";
import { requireRole } from "../_auth/require-role";
import { EmptyState } from "../_components/empty-state";
import { TRPCReactProvider } from "../_trpc/client";
import { MarkSeen } from "./mark-seen";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("notifications") };
}

async function markAllRead() {
  "use server";
  const actor = await currentActor();
  if (actor) markRead(getDb(), actor);
  revalidatePath("/", "layout");
}

export default async function NotificationsPage() {
  const actor = (await requireRole("/notifications", [
    "firm",
    "operator",
    "coordinator",
    "admin",
  ]))!;
  const t = await getTranslations("nav");
  const format = await getFormatter();
  const items = listNotifications(getDb(), actor, 50);
  return (
    <div className="mx-auto max-w-3xl space-y-4" data-testid="notifications-page">
      <TRPCReactProvider>
        <MarkSeen />
      </TRPCReactProvider>
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("notifications")}</h1>
        {items.some((n) => !n.readAt) && (
          <form action={markAllRead}>
            <button
              type="submit"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
            >
              ✓ {t("markAllRead")}
            </button>
          </form>
        )}
      </div>
      {items.length === 0 ? (
        <EmptyState text={t("bell", { count: 0 })} />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className={`p-3 text-sm ${n.readAt ? "" : "bg-brand-50"}`}>
              {n.requestId ? (
                <Link
                  href={`/requests/${n.requestId}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {n.title}
                </Link>
              ) : (
                <span className="font-medium">{n.title}</span>
              )}
              <p className="text-slate-600">{n.body}</p>
              <p className="text-xs text-slate-600">
                {format.dateTime(new Date(n.createdAt), {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

"use client";
// The user's reminder switches: each reminder of their role, on by default, saved as it changes.
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../_trpc/client";
import { useToast } from "../../_components/toaster";
import { useRefusalText } from "../../_components/refusal-text";

export function ReminderSwitches() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const toast = useToast();
  const refusals = useRefusalText();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.user.reminders.queryOptions());
  const save = useMutation(
    trpc.user.setReminder.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.user.reminders.queryKey(), next);
        toast("success", t("reminderSaved"));
      },
      onError: (e) => toast("error", refusals.message(e)),
    }),
  );
  return (
    <section
      aria-labelledby="reminders-title"
      className="mt-8 border-t border-slate-200 pt-6"
      data-testid="reminder-switches"
    >
      <h2 id="reminders-title" className="text-lg font-semibold">
        {t("remindersTitle")}
      </h2>
      {settings.data?.length !== 0 && (
        <p className="mt-1 text-sm text-slate-600">{t("remindersLead")}</p>
      )}
      {settings.isPending ? (
        <p className="mt-3 text-sm text-slate-500" role="status">
          {t("remindersLoading")}
        </p>
      ) : !settings.data || settings.data.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t("remindersNone")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {settings.data.map((s) => (
            <li key={s.kind} className="flex items-start gap-3">
              <input
                id={`reminder-${s.kind}`}
                type="checkbox"
                checked={s.on}
                disabled={save.isPending}
                aria-describedby={`reminder-${s.kind}-hint`}
                onChange={(e) => save.mutate({ kind: s.kind, on: e.target.checked })}
                className="mt-1 h-4 w-4 rounded border-slate-300 text-brand-700 focus:ring-brand-600"
              />
              <span>
                <label htmlFor={`reminder-${s.kind}`} className="text-sm font-medium">
                  {t(`reminder.${s.kind}.label`)}
                </label>
                <span id={`reminder-${s.kind}-hint`} className="block text-xs text-slate-600">
                  {t(`reminder.${s.kind}.hint`)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

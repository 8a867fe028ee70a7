"use client";
// A firm manager's forms: invite a colleague by email, and for each member change the role,
// disable or enable the account, or hand management to them; withdraw an open invitation.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { firmRoles } from "@/db/schema/enums";
import { inputClass } from "../form-field";
import { FormErrors } from "../operations/form-errors";
import { keepEnterFromSubmitting } from "../enter-key";
import { useOutcome } from "../vouchers/use-outcome";

const button =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const small =
  "whitespace-nowrap rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60";

export function InviteForm() {
  const t = useTranslations("team");
  const { errors, callbacks, trpc } = useOutcome();
  const invite = useMutation(trpc.firm.invite.mutationOptions(callbacks(t("invited"))));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
      data-testid="invite-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        invite.mutate(
          {
            email: String(f.get("email") ?? ""),
            firmRole: String(f.get("firmRole")) as (typeof firmRoles)[number],
          },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <div>
        <label htmlFor="invite-email" className="block text-sm font-medium">
          {t("email")}
        </label>
        <input id="invite-email" name="email" type="email" className={inputClass} />
      </div>
      <div>
        <label htmlFor="invite-role" className="block text-sm font-medium">
          {t("role")}
        </label>
        <select id="invite-role" name="firmRole" className={inputClass} defaultValue="member">
          {firmRoles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={button} disabled={invite.isPending}>
        {t("invite")}
      </button>
      <div className="sm:col-span-3">
        <FormErrors
          errors={errors}
          labelOf={(f) => (f === "email" ? t("email") : f === "firmRole" ? t("role") : f)}
        />
      </div>
    </form>
  );
}

export function MemberActions(p: {
  userId: number;
  name: string;
  firmRole: "manager" | "member" | null;
  disabled: boolean;
}) {
  const t = useTranslations("team");
  const { callbacks, trpc } = useOutcome();
  const role = useMutation(trpc.firm.setMemberRole.mutationOptions(callbacks(t("saved"))));
  const toggle = useMutation(trpc.firm.setMemberDisabled.mutationOptions(callbacks(t("saved"))));
  const hand = useMutation(trpc.firm.transferManagement.mutationOptions(callbacks(t("handed"))));
  const busy = role.isPending || toggle.isPending || hand.isPending;
  const manager = p.firmRole === "manager";
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        className={small}
        disabled={busy}
        onClick={() => role.mutate({ userId: p.userId, firmRole: manager ? "member" : "manager" })}
      >
        {manager ? t("makeMember") : t("makeManager")}
      </button>
      <button
        type="button"
        className={small}
        disabled={busy}
        onClick={() => toggle.mutate({ userId: p.userId, disabled: !p.disabled })}
      >
        {p.disabled ? t("enable") : t("disable")}
      </button>
      {!p.disabled && (
        <button
          type="button"
          className={small}
          disabled={busy}
          onClick={() =>
            window.confirm(t("confirmHand", { name: p.name })) && hand.mutate({ userId: p.userId })
          }
        >
          {t("hand")}
        </button>
      )}
    </div>
  );
}

export function WithdrawInvitation({ id, email }: { id: number; email: string }) {
  const t = useTranslations("team");
  const { callbacks, trpc } = useOutcome();
  const withdraw = useMutation(
    trpc.firm.withdrawInvitation.mutationOptions(callbacks(t("withdrawn"))),
  );
  return (
    <button
      type="button"
      className={small}
      disabled={withdraw.isPending}
      aria-label={t("withdrawFor", { email })}
      onClick={() => withdraw.mutate({ id })}
    >
      {t("withdraw")}
    </button>
  );
}

/** The firm's spending threshold in yuan (empty: none). */
export function ThresholdForm({ thresholdFen }: { thresholdFen: number | null }) {
  const t = useTranslations("team");
  const { errors, callbacks, trpc } = useOutcome();
  const save = useMutation(trpc.firm.setSpendingThreshold.mutationOptions(callbacks(t("saved"))));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_auto] sm:items-end"
      data-testid="threshold-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const raw = String(new FormData(e.currentTarget).get("threshold") ?? "").trim();
        save.mutate({ thresholdFen: raw === "" ? null : Math.round(Number(raw) * 100) });
      }}
    >
      <div>
        <label htmlFor="threshold" className="block text-sm font-medium">
          {t("threshold")}
        </label>
        <input
          id="threshold"
          name="threshold"
          inputMode="decimal"
          defaultValue={thresholdFen === null ? "" : String(thresholdFen / 100)}
          aria-describedby="threshold-hint"
          className={inputClass}
        />
        <p id="threshold-hint" className="mt-1 text-xs text-slate-600">
          {t("thresholdHint")}
        </p>
      </div>
      <button type="submit" className={button} disabled={save.isPending}>
        {t("saveThreshold")}
      </button>
      <div className="sm:col-span-2">
        <FormErrors errors={errors} labelOf={() => t("threshold")} />
      </div>
    </form>
  );
}

export function DecideApproval({ id, refText }: { id: number; refText: string }) {
  const t = useTranslations("team");
  const { callbacks, trpc } = useOutcome();
  const approve = useMutation(trpc.firm.decideApproval.mutationOptions(callbacks(t("approved"))));
  const decline = useMutation(trpc.firm.decideApproval.mutationOptions(callbacks(t("declined"))));
  const busy = approve.isPending || decline.isPending;
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        className={small}
        disabled={busy}
        aria-label={t("approveFor", { ref: refText })}
        onClick={() => approve.mutate({ id, approve: true })}
      >
        {t("approve")}
      </button>
      <button
        type="button"
        className={small}
        disabled={busy}
        aria-label={t("declineFor", { ref: refText })}
        onClick={() => decline.mutate({ id, approve: false })}
      >
        {t("decline")}
      </button>
    </div>
  );
}

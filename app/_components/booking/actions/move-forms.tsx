"use client";
// Moves of the request that need no more than a click or a reason: accept, start, complete,
// withdraw, reject, cancel, and the firm's answer to a proposed new slot. What cannot be undone
// (withdraw, reject, cancel) asks once more; starting before the facility's early-start time
// asks why.
import { rejectionReasons, type RejectionReason } from "@/db/schema/enums";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { styles, type ActionKit } from "./action-kit";
import { VoucherAccept } from "./voucher-accept";
import { keepEnterFromSubmitting } from "../../enter-key";

/** "Are you sure?" in place: the confirming button, and a way back. */
function Confirm(props: {
  kit: ActionKit;
  question: string;
  confirm: string;
  onConfirm: () => void;
  onBack: () => void;
  testId: string;
}) {
  const { t, busy } = props.kit;
  return (
    <div role="group" aria-label={props.question} className="space-y-2" data-testid={props.testId}>
      <p className="text-sm font-medium">{props.question}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={styles.danger}
          disabled={busy}
          onClick={props.onConfirm}
          data-testid={`${props.testId}-yes`}
        >
          {props.confirm}
        </button>
        <button type="button" className={styles.secondary} onClick={props.onBack}>
          {t("goBack")}
        </button>
      </div>
    </div>
  );
}

export function MoveButtons({ kit }: { kit: ActionKit }) {
  const { t, trpc, busy, setBusy, base, p } = kit;
  const moves = {
    accept: useMutation(trpc.request.accept.mutationOptions(kit.optionsFor("accept"))),
    start: useMutation(trpc.request.start.mutationOptions(kit.optionsFor("start"))),
    complete: useMutation(trpc.request.complete.mutationOptions(kit.optionsFor("complete"))),
    withdraw: useMutation(trpc.request.withdraw.mutationOptions(kit.optionsFor("withdraw"))),
  };
  const [confirming, setConfirming] = useState(false);
  const [openedAt] = useState(() => Date.now());
  const early = p.startOpensAt !== null && openedAt < p.startOpensAt;
  const run = (action: keyof typeof moves) => (setBusy(true), moves[action].mutate(base));
  if (confirming)
    return (
      <Confirm
        kit={kit}
        question={t("confirmWithdraw", { ref: p.reference })}
        confirm={t("withdraw")}
        onConfirm={() => run("withdraw")}
        onBack={() => setConfirming(false)}
        testId="confirm-withdraw"
      />
    );
  // With a voucher to apply, accepting is a small form of its own.
  const withVoucher = p.voucherOffer !== null && p.actions.includes("accept");
  return (
    <div className="space-y-2">
      {withVoucher && <VoucherAccept kit={kit} offer={p.voucherOffer!} />}
      <div className="flex flex-wrap gap-2">
        {(Object.keys(moves) as (keyof typeof moves)[])
          .filter(
            (action) =>
              p.actions.includes(action) &&
              !(action === "start" && early) &&
              !(action === "accept" && withVoucher),
          )
          .map((action) => (
            <button
              key={action}
              type="button"
              className={action === "withdraw" ? styles.secondary : styles.button}
              disabled={busy}
              onClick={() => (action === "withdraw" ? setConfirming(true) : run(action))}
              data-testid={`action-${action}`}
            >
              {action === "withdraw" ? `${t(action)}…` : t(action)}
            </button>
          ))}
      </div>
      {p.actions.includes("start") && early && <StartEarly kit={kit} opensAt={p.startOpensAt!} />}
    </div>
  );
}

/** Before the early-start time: work starts only with a reason, which the timeline keeps. */
function StartEarly({ kit, opensAt }: { kit: ActionKit; opensAt: number }) {
  const { t, trpc, busy, base, p } = kit;
  const start = useMutation(trpc.request.start.mutationOptions(kit.optionsFor("start")));
  const locale = useLocale();
  const time = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: p.timeZone,
  }).format(new Date(opensAt));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className={styles.box}
      onSubmit={(e) => start.mutate({ ...base, earlyReason: kit.fields(e).earlyReason ?? "" })}
      data-testid="start-early-form"
    >
      <p className="text-sm">{t("startOpensAt", { time })}</p>
      <label htmlFor="early-reason" className="block text-sm font-medium">
        {t("earlyReason")}
      </label>
      <textarea
        id="early-reason"
        name="earlyReason"
        required
        minLength={3}
        rows={2}
        className={styles.input}
      />
      <button type="submit" className={styles.secondary} disabled={busy}>
        {t("startEarly")}
      </button>
    </form>
  );
}

export function ReasonForm({ kit, action }: { kit: ActionKit; action: "cancel" | "reject" }) {
  const { t, trpc, busy, base, p } = kit;
  const tr = useTranslations("rejectionReason");
  const reject = useMutation(trpc.request.reject.mutationOptions(kit.optionsFor("reject")));
  const cancel = useMutation(trpc.request.cancel.mutationOptions(kit.optionsFor("cancel")));
  const [code, setCode] = useState<RejectionReason>(rejectionReasons[0]);
  const [reason, setReason] = useState<string | null>(null);
  const wordsNeeded = action === "cancel" || code === "other";
  if (reason !== null)
    return (
      <div className={styles.box}>
        <Confirm
          kit={kit}
          question={t(action === "reject" ? "confirmReject" : "confirmCancel", {
            ref: p.reference,
          })}
          confirm={t(action)}
          onConfirm={() => {
            kit.setBusy(true);
            if (action === "cancel") cancel.mutate({ ...base, reason });
            else reject.mutate({ ...base, reasonCode: code, reason: reason || undefined });
          }}
          onBack={() => setReason(null)}
          testId={`confirm-${action}`}
        />
      </div>
    );
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className={styles.box}
      onSubmit={(e) => {
        e.preventDefault();
        setReason(String(new FormData(e.currentTarget).get("reason") ?? "").trim());
      }}
      data-testid={`${action}-form`}
    >
      {action === "reject" && (
        <label htmlFor="reject-code" className="block text-sm font-medium">
          {t("reasonKind")}
          <select
            id="reject-code"
            value={code}
            onChange={(e) => setCode(e.target.value as RejectionReason)}
            className={styles.input}
          >
            {rejectionReasons.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={`${action}-reason`} className="block text-sm font-medium">
        {wordsNeeded ? t("reason") : t("reasonDetail")}
      </label>
      <textarea
        id={`${action}-reason`}
        name="reason"
        required={wordsNeeded}
        minLength={3}
        rows={2}
        className={styles.input}
      />
      <button type="submit" className={styles.secondary} disabled={busy}>
        {t(action)}…
      </button>
    </form>
  );
}

export function AnswerReschedule({ kit }: { kit: ActionKit }) {
  const { t, trpc, busy, setBusy, p } = kit;
  const acceptMove = useMutation(
    trpc.request.acceptReschedule.mutationOptions(kit.optionsFor("acceptReschedule")),
  );
  const declineMove = useMutation(
    trpc.request.declineReschedule.mutationOptions(kit.optionsFor("declineReschedule")),
  );
  return (
    <div className={styles.box} data-testid="reschedule-answer">
      <p className="text-sm">{t("rescheduleProposed")}</p>
      <div className="flex gap-2">
        <button
          type="button"
          className={styles.button}
          disabled={busy}
          onClick={() => (setBusy(true), acceptMove.mutate({ id: p.requestId }))}
          data-testid="action-accept-reschedule"
        >
          {t("acceptReschedule")}
        </button>
        <button
          type="button"
          className={styles.secondary}
          disabled={busy}
          onClick={() => (setBusy(true), declineMove.mutate({ id: p.requestId }))}
        >
          {t("declineReschedule")}
        </button>
      </div>
    </div>
  );
}

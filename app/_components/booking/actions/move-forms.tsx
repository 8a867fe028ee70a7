"use client";
// Moves of the request that need no more than a click or a reason: accept, start, complete,
// withdraw, reject, cancel, and the firm's answer to a proposed new slot.
import { useMutation } from "@tanstack/react-query";
import { styles, type ActionKit } from "./action-kit";
import { keepEnterFromSubmitting } from "../../enter-key";

export function MoveButtons({ kit }: { kit: ActionKit }) {
  const { t, trpc, busy, setBusy, base, options, p } = kit;
  const moves = {
    accept: useMutation(trpc.request.accept.mutationOptions(options)),
    start: useMutation(trpc.request.start.mutationOptions(options)),
    complete: useMutation(trpc.request.complete.mutationOptions(options)),
    withdraw: useMutation(trpc.request.withdraw.mutationOptions(options)),
  };
  return (
    <div className="flex flex-wrap gap-2">
      {(Object.keys(moves) as (keyof typeof moves)[])
        .filter((action) => p.actions.includes(action))
        .map((action) => (
          <button
            key={action}
            type="button"
            className={action === "withdraw" ? styles.secondary : styles.button}
            disabled={busy}
            onClick={() => (setBusy(true), moves[action].mutate(base))}
            data-testid={`action-${action}`}
          >
            {t(action)}
          </button>
        ))}
    </div>
  );
}

export function ReasonForm({ kit, action }: { kit: ActionKit; action: "cancel" | "reject" }) {
  const { t, trpc, busy, base, options } = kit;
  const reject = useMutation(trpc.request.reject.mutationOptions(options));
  const cancel = useMutation(trpc.request.cancel.mutationOptions(options));
  const move = action === "reject" ? reject : cancel;
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className={styles.box}
      onSubmit={(e) => move.mutate({ ...base, reason: kit.fields(e).reason ?? "" })}
      data-testid={`${action}-form`}
    >
      <label htmlFor={`${action}-reason`} className="block text-sm font-medium">
        {t("reason")}
      </label>
      <textarea
        id={`${action}-reason`}
        name="reason"
        required
        minLength={3}
        rows={2}
        className={styles.input}
      />
      <button type="submit" className={styles.secondary} disabled={busy}>
        {t(action)}
      </button>
    </form>
  );
}

export function AnswerReschedule({ kit }: { kit: ActionKit }) {
  const { t, trpc, busy, setBusy, options, p } = kit;
  const acceptMove = useMutation(trpc.request.acceptReschedule.mutationOptions(options));
  const declineMove = useMutation(trpc.request.declineReschedule.mutationOptions(options));
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

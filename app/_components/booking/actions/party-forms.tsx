"use client";
// What either party adds to a request: a rating, a file, a message.
import { FilePicker } from "../../file-picker";
import { useMutation } from "@tanstack/react-query";
import { uploadFile } from "../upload-file";
import { styles, type ActionKit } from "./action-kit";
import { keepEnterFromSubmitting } from "../../enter-key";

export function RateForm({ kit }: { kit: ActionKit }) {
  const { t, trpc, busy, p } = kit;
  const rate = useMutation(trpc.request.rate.mutationOptions(kit.optionsFor("rate")));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className={styles.box}
      data-testid="rate-form"
      onSubmit={(e) => {
        const f = kit.fields(e);
        rate.mutate({ id: p.requestId, rating: Number(f.rating), comment: f.comment ?? "" });
      }}
    >
      <label htmlFor="rating" className="block text-sm font-medium">
        {t("rating")}
      </label>
      <select id="rating" name="rating" defaultValue="5" className={styles.input}>
        {[5, 4, 3, 2, 1].map((n) => (
          <option key={n} value={n}>
            {"★".repeat(n)} {n}
          </option>
        ))}
      </select>
      <label htmlFor="rate-comment" className="block text-sm">
        {t("comment")}
      </label>
      <textarea id="rate-comment" name="comment" rows={2} className={styles.input} />
      <button type="submit" className={styles.button} disabled={busy}>
        {t("rate")}
      </button>
    </form>
  );
}

export function UploadForm({ kit }: { kit: ActionKit }) {
  const { t, busy, setBusy, p } = kit;
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className={styles.box}
      onSubmit={async (e) => {
        e.preventDefault();
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
        if (!file) return;
        setBusy(true);
        const saved = await uploadFile(p.requestId, file);
        setBusy(false);
        if ("error" in saved) kit.toast("error", kit.refusals.message(saved.error));
        else kit.done("upload");
      }}
    >
      <label htmlFor="upload-file" className="block text-sm font-medium">
        {t("upload")}
      </label>
      <FilePicker
        id="upload-file"
        name="file"
        accept=".pdf,.png,.jpg,.jpeg,.xlsx,.docx,.csv"
        choose={t("chooseFile")}
        none={t("noFile")}
      />
      <button type="submit" className={styles.secondary} disabled={busy}>
        {t("upload")}
      </button>
    </form>
  );
}

export function MessageForm({ kit }: { kit: ActionKit }) {
  const { t, trpc, busy, p } = kit;
  const message = useMutation(trpc.request.message.mutationOptions(kit.optionsFor("message")));
  return (
    <form
      onKeyDown={keepEnterFromSubmitting}
      className={styles.box}
      onSubmit={(e) => {
        const form = e.currentTarget;
        const f = kit.fields(e);
        message.mutate({ id: p.requestId, body: f.body ?? "" }, { onSuccess: () => form.reset() });
      }}
    >
      <label htmlFor="message-body" className="block text-sm font-medium">
        {t("message")}
      </label>
      <textarea id="message-body" name="body" required rows={2} className={styles.input} />
      <button type="submit" className={styles.secondary} disabled={busy}>
        {t("send")}
      </button>
    </form>
  );
}

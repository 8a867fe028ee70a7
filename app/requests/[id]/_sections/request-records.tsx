// What has happened on the request: reservations, messages, files, the rating and the timeline.
import { getLocale, getTranslations } from "next-intl/server";
import type { LoadedRequest, When } from "./types";

const card = "rounded-lg border border-slate-200 bg-white p-4 text-sm";

export async function Reservations({
  items,
  when,
}: {
  items: LoadedRequest["reservations"];
  when: When;
}) {
  if (items.length === 0) return null;
  const t = await getTranslations("request");
  const locale = await getLocale();
  return (
    <section className={card}>
      <h2 className="mb-2 font-medium">{t("reservation")}</h2>
      <ul className="space-y-1">
        {items.map((x) => (
          <li key={x.id} className={x.releasedAt ? "text-slate-600 line-through" : ""}>
            {x.kind === "hold" ? t("hold", { date: when(x.expiresAt ?? 0) }) : t("booking")} ·{" "}
            {locale === "zh" && x.equipmentNameZh ? x.equipmentNameZh : x.equipmentName} ·{" "}
            {when(x.start)} – {when(x.end)}
            {x.releasedAt ? ` (${t("released")})` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

export async function Messages({ items, when }: { items: LoadedRequest["messages"]; when: When }) {
  const t = await getTranslations("request");
  return (
    <section className={card}>
      <h2 className="mb-2 font-medium">{t("messages")}</h2>
      {items.length === 0 ? (
        <p className="text-slate-600">{t("noMessages")}</p>
      ) : (
        <ol className="space-y-2" data-testid="messages">
          {items.map((m) => (
            <li key={m.id}>
              <p className="text-xs text-slate-500">
                {m.authorName} · {when(m.createdAt)}
              </p>
              <p className="whitespace-pre-line">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export async function Attachments({
  items,
  when,
}: {
  items: LoadedRequest["attachments"];
  when: When;
}) {
  const t = await getTranslations("request");
  return (
    <section className={card}>
      <h2 className="mb-2 font-medium">{t("attachments")}</h2>
      {items.length === 0 ? (
        <p className="text-slate-600">{t("noAttachments")}</p>
      ) : (
        <ul className="space-y-1" data-testid="attachments">
          {items.map((a) => (
            <li key={a.id}>
              <a href={`/api/attachments/${a.id}`} className="text-brand-700 underline">
                {a.fileName}
              </a>{" "}
              <span className="text-xs text-slate-500">
                {t(a.kind)} · {(a.size / 1024).toFixed(0)} kB · {when(a.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export async function Feedback({ feedback }: { feedback: LoadedRequest["feedback"] }) {
  if (!feedback) return null;
  const t = await getTranslations("request");
  return (
    <section className={card} data-testid="feedback">
      <h2 className="mb-1 font-medium">{t("feedback")}</h2>
      <p>
        {"★".repeat(feedback.rating)}
        {"☆".repeat(5 - feedback.rating)} {feedback.comment}
      </p>
    </section>
  );
}

export async function Timeline({ events, when }: { events: LoadedRequest["events"]; when: When }) {
  const t = await getTranslations("request");
  const ts = await getTranslations("status");
  const te = await getTranslations("events");
  // A system note is a code of the events catalog; a person's note is shown as written.
  const noteOf = (e: LoadedRequest["events"][number]) =>
    e.noteCode ? te(e.noteCode as never, (e.noteParams ?? {}) as never) : e.note;
  return (
    <section className={card}>
      <h2 className="mb-2 font-medium">{t("timeline")}</h2>
      <ol className="space-y-2 border-l border-slate-200 pl-4" data-testid="timeline">
        {events.map((e) => (
          <li key={e.id}>
            <p className="font-medium">{ts(e.toStatus)}</p>
            <p className="text-xs text-slate-500">
              {when(e.createdAt)} · {e.actorName ? t("by", { name: e.actorName }) : t("system")}
            </p>
            {noteOf(e) && <p className="text-slate-700">{noteOf(e)}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

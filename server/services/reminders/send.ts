// The reminder job: reads what is due now, and sends each reminder once, in-app and by email, in
// each recipient's language, to those who have not switched it off. The "sent" row is written in
// the same write transaction as the messages and is unique per reminder, request and occasion, so
// two app processes running the job at once send each reminder exactly once.
import { and, eq } from "drizzle-orm";
import type { DB, DbOrTx } from "@/db/client";
import { reminderOptOuts, remindersSent } from "@/db/schema";
import { renderText, type Locale } from "@/server/i18n/render";
import { now } from "../clock";
import { deliver as deliverMessage, partyRecipients } from "../booking/notify";
import { localTimeText } from "../scheduling/local-time";
import { dueReminders, reminderZone, type DueReminder } from "./due";

function switchedOff(tx: DbOrTx, userId: number, d: DueReminder): boolean {
  return !!tx
    .select({ userId: reminderOptOuts.userId })
    .from(reminderOptOuts)
    .where(and(eq(reminderOptOuts.userId, userId), eq(reminderOptOuts.kind, d.kind)))
    .get();
}

function message(locale: Locale, d: DueReminder, zone: string) {
  const r = d.request;
  const params = {
    ref: r.ref,
    title: r.title,
    at: d.at === undefined ? "" : localTimeText(d.at, zone),
    days: d.days ?? 0,
    number: d.number ?? "",
  };
  return {
    title: renderText(locale, `reminderMail.${d.kind}.title`, params),
    body: renderText(locale, `reminderMail.${d.kind}.body`, params),
  };
}

function deliver(tx: DbOrTx, d: DueReminder, at: number): void {
  const zone = reminderZone(tx, d);
  const seen = new Set<number>();
  for (const side of d.sides)
    for (const user of partyRecipients(tx, d.request, side)) {
      if (seen.has(user.id) || switchedOff(tx, user.id, d)) continue;
      seen.add(user.id);
      const { title, body } = message(user.locale, d, zone);
      deliverMessage(tx, user, {
        requestId: d.request.id,
        kind: `reminder.${d.kind}`,
        title,
        body,
        at,
      });
    }
}

/** Sends what is due at `at`; returns the number of reminders sent (not of messages). */
export function sendReminders(db: DB, at: number = now()): number {
  // A read first: the write lock is taken only when something is due.
  if (dueReminders(db, at).length === 0) return 0;
  return db.transaction(
    (tx) => {
      let sent = 0;
      for (const d of dueReminders(tx, at)) {
        const claimed = tx
          .insert(remindersSent)
          .values({ kind: d.kind, requestId: d.request.id, occasion: d.occasion, createdAt: at })
          .onConflictDoNothing()
          .run().changes;
        if (claimed === 0) continue;
        deliver(tx, d, at);
        sent += 1;
      }
      return sent;
    },
    { behavior: "immediate" },
  );
}

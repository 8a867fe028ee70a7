// Tells the other party about a request's change: an in-app notification for each of their users
// and an email in the outbox (sent through SMTP when SMTP_URL is set; otherwise kept for admins).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox, notifications, users } from "@/db/schema";
import { renderText } from "@/server/i18n/render";
import type { RequestRow } from "./request-access";
import { noteText, type EventNote } from "./event-note";
import { appUrl } from "../app-url";
import { prepared } from "../prepared-queries";

const ph = sql.placeholder;
const recipient = { id: users.id, email: users.email, locale: users.locale };
// Each query written once per connection (prepared-queries.ts): they run on every change.
const managersOf = (db: DbOrTx) =>
  db
    .select(recipient)
    .from(users)
    .where(
      and(eq(users.firmId, ph("firmId")), eq(users.firmRole, "manager"), eq(users.disabled, false)),
    )
    .prepare();
const roleOf = (db: DbOrTx) =>
  db
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, ph("id")))
    .prepare();
const activeUser = (db: DbOrTx) =>
  db
    .select(recipient)
    .from(users)
    .where(and(eq(users.id, ph("id")), eq(users.disabled, false)))
    .prepare();
const coordinators = (db: DbOrTx) =>
  db
    .select(recipient)
    .from(users)
    .where(and(eq(users.role, "coordinator"), eq(users.disabled, false)))
    .prepare();
const facilityStaff = (db: DbOrTx) =>
  db
    .select(recipient)
    .from(users)
    .where(
      and(
        eq(users.facilityId, ph("facilityId")),
        inArray(users.role, ["operator", "coordinator"]),
        eq(users.disabled, false),
      ),
    )
    .prepare();
const insertNotification = (db: DbOrTx) =>
  db
    .insert(notifications)
    .values({
      userId: ph("userId"),
      requestId: ph("requestId"),
      kind: ph("kind"),
      title: ph("title"),
      body: ph("body"),
      createdAt: ph("at"),
    })
    .prepare();
const insertEmail = (db: DbOrTx) =>
  db
    .insert(emailOutbox)
    .values({
      toAddress: ph("to"),
      subject: ph("subject"),
      body: ph("body"),
      createdAt: ph("at"),
    })
    .prepare();

function recipients(
  tx: DbOrTx,
  r: RequestRow,
  actorId: number | null,
  to?: "firm" | "facility" | "managers",
) {
  if (to === "managers") return prepared(tx, managersOf).all({ firmId: r.firmId! });
  const actor = actorId === null ? null : prepared(tx, roleOf).get({ id: actorId });
  const toFirm = to
    ? to === "firm"
    : actor === null || actor === undefined || actor.role !== "firm";
  if (toFirm) return prepared(tx, activeUser).all({ id: r.requesterId });
  if (r.facilityId === null) return prepared(tx, coordinators).all();
  return prepared(tx, facilityStaff).all({ facilityId: r.facilityId });
}

/** Who hears of a request on one side: the firm's requester, or the facility's staff (the hub's
 * coordinators while no facility has it). */
export function partyRecipients(tx: DbOrTx, r: RequestRow, side: "firm" | "facility") {
  return recipients(tx, r, null, side);
}

/** `to` overrides the direction (for the hub, which is neither party); "managers" are the
 * firm's managers (an acceptance waiting for their approval). */
export function notifyOtherParty(
  tx: DbOrTx,
  r: RequestRow,
  actorId: number | null,
  kind: string,
  at: number,
  note: EventNote | null = null,
  to?: "firm" | "facility" | "managers",
): void {
  for (const user of recipients(tx, r, actorId, to)) {
    if (user.id === actorId) continue;
    const text = noteText(note, user.locale);
    const body = text ? `${r.title} — ${text}` : r.title;
    // Written in the recipient's chosen language.
    const title = renderText(user.locale, "notifications.title", {
      ref: r.ref,
      kind: kind.replace(/^request\./, ""),
    });
    deliver(tx, user, { requestId: r.id, kind, title, body, at });
  }
}

type Recipient = { id: number; email: string; locale: "en" | "zh" };

/** One message about a request to one user: in-app, and by email with the request's link. */
export function deliver(
  tx: DbOrTx,
  user: Recipient,
  m: { requestId: number; kind: string; title: string; body: string; at: number },
): void {
  prepared(tx, insertNotification).run({ userId: user.id, ...m });
  prepared(tx, insertEmail).run({
    to: user.email,
    subject: m.title,
    body: renderText(user.locale, "notifications.emailBody", {
      body: m.body,
      url: appUrl(`/requests/${m.requestId}`),
    }),
    at: m.at,
  });
}

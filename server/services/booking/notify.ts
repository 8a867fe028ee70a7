// Tells the other party about a request's change: an in-app notification for each of their users
// and an email in the outbox (sent through SMTP when SMTP_URL is set; otherwise kept for admins).
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox, notifications, users } from "@/db/schema";
import { renderText } from "@/server/i18n/render";
import type { RequestRow } from "./request-access";
import { noteText, type EventNote } from "./event-note";
import { appUrl } from "../app-url";

function recipients(
  tx: DbOrTx,
  r: RequestRow,
  actorId: number | null,
  to?: "firm" | "facility" | "managers",
) {
  if (to === "managers")
    return tx
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(users)
      .where(
        and(eq(users.firmId, r.firmId!), eq(users.firmRole, "manager"), eq(users.disabled, false)),
      )
      .all();
  const actor =
    actorId === null
      ? null
      : tx.select({ role: users.role }).from(users).where(eq(users.id, actorId)).get();
  const toFirm = to
    ? to === "firm"
    : actor === null || actor === undefined || actor.role !== "firm";
  if (toFirm)
    return tx
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, r.requesterId), eq(users.disabled, false)))
      .all();
  if (r.facilityId === null)
    return tx
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(users)
      .where(and(eq(users.role, "coordinator"), eq(users.disabled, false)))
      .all();
  return tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(
        eq(users.facilityId, r.facilityId),
        inArray(users.role, ["operator", "coordinator"]),
        eq(users.disabled, false),
      ),
    )
    .all();
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
  tx.insert(notifications)
    .values({
      userId: user.id,
      requestId: m.requestId,
      kind: m.kind,
      title: m.title,
      body: m.body,
      createdAt: m.at,
    })
    .run();
  tx.insert(emailOutbox)
    .values({
      toAddress: user.email,
      subject: m.title,
      body: renderText(user.locale, "notifications.emailBody", {
        body: m.body,
        url: appUrl(`/requests/${m.requestId}`),
      }),
      createdAt: m.at,
    })
    .run();
}

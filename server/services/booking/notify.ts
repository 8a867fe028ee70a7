// Tells the other party about a request's change: an in-app notification for each of their users
// and an email in the outbox (sent through SMTP when SMTP_URL is set; otherwise kept for admins).
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox, notifications, users } from "@/db/schema";
import type { RequestRow } from "./request-access";

const headline: Record<string, string> = {
  "request.submitted": "New request",
  "request.quoted": "Quote received",
  "request.confirmed": "Booking confirmed",
  "request.withdrawn": "Request withdrawn",
  "request.rejected": "Request rejected",
  "request.expired": "Quote expired",
  "request.in_progress": "Work started",
  "request.completed": "Work completed",
  "request.cancelled": "Booking cancelled",
  "request.message": "New message",
  "request.rated": "Feedback received",
  "request.routed": "Request routed to your facility",
  "request.reschedule_proposed": "New slot proposed",
  "request.rescheduled": "Booking moved",
  "request.reschedule_declined": "New slot declined",
};

function recipients(tx: DbOrTx, r: RequestRow, actorId: number | null, to?: "firm" | "facility") {
  const actor =
    actorId === null
      ? null
      : tx.select({ role: users.role }).from(users).where(eq(users.id, actorId)).get();
  const toFirm = to
    ? to === "firm"
    : actor === null || actor === undefined || actor.role !== "firm";
  if (toFirm)
    return tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.id, r.requesterId), eq(users.disabled, false)))
      .all();
  if (r.facilityId === null)
    return tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.role, "coordinator"), eq(users.disabled, false)))
      .all();
  return tx
    .select({ id: users.id, email: users.email })
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

/** `to` overrides the direction (for the hub, which is neither party). */
export function notifyOtherParty(
  tx: DbOrTx,
  r: RequestRow,
  actorId: number | null,
  kind: string,
  at: number,
  note: string | null = null,
  to?: "firm" | "facility",
): void {
  const title = `${r.ref}: ${headline[kind] ?? kind}`;
  const body = note ? `${r.title} — ${note}` : r.title;
  for (const user of recipients(tx, r, actorId, to)) {
    if (user.id === actorId) continue;
    tx.insert(notifications)
      .values({ userId: user.id, requestId: r.id, kind, title, body, createdAt: at })
      .run();
    tx.insert(emailOutbox)
      .values({
        toAddress: user.email,
        subject: title,
        body: `${body}\n\nOpen /requests/${r.id} to see the request.`,
        createdAt: at,
      })
      .run();
  }
}

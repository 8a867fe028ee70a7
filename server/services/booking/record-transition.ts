// Moves a request to a new status in the caller's transaction: the row (with its version bumped
// and checked), the event, and the notifications of the other party.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookingRequests, requestEvents, type RequestStatus } from "@/db/schema";
import { refuse } from "../errors";
import type { RequestRow } from "./request-access";
import { notifyOtherParty } from "./notify";
import { noteColumns, type EventNote } from "./event-note";
import { prepared, rawPlaceholder } from "../prepared-queries";

const ph = sql.placeholder;
const insertEvent = (db: DbOrTx) =>
  db
    .insert(requestEvents)
    .values({
      requestId: ph("requestId"),
      actorId: ph("actorId"),
      fromStatus: ph("fromStatus"),
      toStatus: ph("toStatus"),
      note: ph("note"),
      noteCode: ph("noteCode"),
      noteParams: rawPlaceholder("noteParams"),
      createdAt: ph("at"),
    })
    .prepare();

type Changes = Partial<typeof bookingRequests.$inferInsert>;

// The status update, written once per set of changed columns: a move sets the same columns each
// time it happens (the placeholders are the column names, and "expected" the version read). A
// column set to NULL is written as NULL (a bound null would go through the column's encoding).
const updates = new Map<string, (db: DbOrTx) => ReturnType<typeof buildUpdate>>();
function buildUpdate(db: DbOrTx, columns: string[]) {
  return db
    .update(bookingRequests)
    .set(
      Object.fromEntries(
        columns.map((c) => (c.endsWith("=null") ? [c.slice(0, -5), null] : [c, ph(c)])),
      ) as Changes,
    )
    .where(and(eq(bookingRequests.id, ph("id")), eq(bookingRequests.version, ph("expected"))))
    .returning()
    .prepare();
}
function updateFor(columns: string[]) {
  const key = columns.join(",");
  let build = updates.get(key);
  if (!build) updates.set(key, (build = (db) => buildUpdate(db, columns)));
  return build;
}

/** One entry of a request's history: who moved it from which status to which, with the note. */
export function writeEvent(
  tx: DbOrTx,
  e: {
    requestId: number;
    actorId: number | null;
    fromStatus: RequestStatus | null;
    toStatus: RequestStatus;
    note: EventNote | null;
    at: number;
  },
): void {
  const { noteParams, ...note } = noteColumns(e.note);
  prepared(tx, insertEvent).run({
    ...e,
    ...note,
    noteParams: noteParams === null ? null : JSON.stringify(noteParams),
  });
}

export function recordTransition(
  tx: DbOrTx,
  r: RequestRow,
  to: RequestStatus,
  actorId: number | null,
  at: number,
  changes: Changes = {},
  note: EventNote | null = null,
  /** The notification's kind, when the status alone does not say what happened. */
  kind = `request.${to}`,
): RequestRow {
  const values = { ...changes, status: to, version: r.version + 1, updatedAt: at };
  const columns = Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([c, v]) => (v === null ? `${c}=null` : c));
  const updated = prepared(tx, updateFor(columns)).get({
    ...values,
    id: r.id,
    expected: r.version,
  });
  if (!updated) throw refuse("CONFLICT", "request.changedConcurrently", { ref: r.ref });
  writeEvent(tx, { requestId: r.id, actorId, fromStatus: r.status, toStatus: to, note, at });
  notifyOtherParty(tx, updated, actorId, kind, at, note);
  return updated;
}

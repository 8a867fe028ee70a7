// A request event's note: either words a person wrote (kept as written) or a note the system
// writes, kept as a code and its parameters so that every reader sees it in their own language.
import { renderText, type EventCode, type Locale } from "@/server/i18n/render";

export type SystemNote = { code: EventCode; params?: Record<string, string | number> };
export type EventNote = string | SystemNote;

/** The `request_events` columns of a note. */
export function noteColumns(note: EventNote | null) {
  if (note === null || typeof note === "string") return { note, noteCode: null, noteParams: null };
  return { note: null, noteCode: note.code, noteParams: note.params ?? null };
}

/** The note in one language. */
export function noteText(note: EventNote | null, locale: Locale): string | null {
  if (note === null || typeof note === "string") return note;
  return renderText(locale, `events.${note.code}`, note.params);
}

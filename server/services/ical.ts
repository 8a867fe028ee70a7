// iCalendar (RFC 5545) text, written once for the booking's .ics file and the facility feed:
// TEXT values escape backslash, semicolon, comma and line breaks (CR, LF and CRLF become "\n"),
// and every content line is folded at 75 octets (a CRLF and a space), never inside a UTF-8
// character. Private feeds (a facility's schedule, a firm user's bookings) open by a secret.
import crypto from "node:crypto";

/** UTC date-time in the basic format: 20270105T010000Z. */
export const icsStamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

export function icsText(value: string): string {
  return value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ""); // other controls are not allowed in TEXT
}

const encoder = new TextEncoder();

/** One content line, folded so that no physical line exceeds 75 octets. */
export function icsFold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // the first line holds 75 octets; each continuation 74 after its leading space
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A calendar from its content lines (properties already in NAME:value form). */
export function icsCalendar(lines: string[]): string {
  return lines.map(icsFold).join("\r\n") + "\r\n";
}

/** A private feed's secret: 192 random bits, URL-safe; `prefix` tells whose feed it opens. */
export const feedSecret = (prefix = "") =>
  `${prefix}${crypto.randomBytes(24).toString("base64url")}`;

// Where a browser may be sent after signing in: a path of this site, nothing else. Browsers read
// a backslash as a slash and drop tabs and newlines inside URLs, so `/\evil.example` and
// `/\t/evil.example` lead off-site although they start with one "/": anything with a control
// character or a backslash is refused, and the rest must parse to this origin.
const BASE = "http://this.site.invalid";

export function safeLocalPath(raw: string | null | undefined, fallback = "/start"): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

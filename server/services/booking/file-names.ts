// File names are the server's, never the uploader's: a sanitised base name with the extension of
// the type detected from the content, and on download the request's reference in front. Control
// characters, bidirectional overrides (which can make "fdp.exe" read as "exe.pdf"), zero-width
// characters, path separators and quotes are removed.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\\/"'<>:|?*]/g;

/** The base name (without any extension the uploader gave) made safe, or "file". */
export function safeBaseName(name: string): string {
  const base = name.replace(UNSAFE, "").replace(/\.[^.]*$/, "");
  const clean = base.replace(/\s+/g, " ").replace(/^[\s.]+|[\s.]+$/g, "");
  return [...clean].slice(0, 80).join("") || "file";
}

/** What is stored and shown: the safe base name and the detected type's extension. */
export function storedFileName(uploaded: string, ext: string): string {
  return `${safeBaseName(uploaded)}.${ext}`;
}

/** What a download is called: the reference, the safe base name, the detected extension. */
export function downloadFileName(ref: string, stored: string, ext: string): string {
  return `${ref}-${safeBaseName(stored)}.${ext}`;
}

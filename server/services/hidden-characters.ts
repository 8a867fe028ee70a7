// Text that reads differently from what it holds is refused at the door: control characters (but
// tab and line breaks), direction overrides and isolates (a name that displays reversed), and
// lone surrogate halves (not text at all). Checked on every string of every API input.

// C0 controls but \t \n \r, DEL and C1 controls, the bidi embeddings, overrides and isolates.
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text) || LONE_SURROGATE.test(text);
}

/** The path ("params.0.key") of the first string in `value` with hidden characters, or null. */
export function hiddenCharacterPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string")
    return hasHiddenCharacters(value) ? path.join(".") || "input" : null;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    if (hasHiddenCharacters(key)) return [...path, "key"].join(".");
    const found = hiddenCharacterPath(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Whitespace-separated search terms as escaped LIKE patterns ("%term%"), all of which must match.
 */
export function likeTerms(q: string | undefined): string[] {
  return (q ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

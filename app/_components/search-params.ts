// Reading and writing URL search parameters for the server-rendered search pages.
export type SearchParams = Record<string, string | string[] | undefined>;

export function first(sp: SearchParams, key: string): string | undefined {
  const v = sp[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === "" ? undefined : s;
}

export function all(sp: SearchParams, key: string): string[] {
  const v = sp[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The same query string with some keys replaced (undefined removes them). */
export function withParams(sp: SearchParams, changes: Record<string, string | undefined>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp))
    if (!(k in changes))
      for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, x);
  for (const [k, v] of Object.entries(changes)) if (v !== undefined && v !== "") out.set(k, v);
  const s = out.toString();
  return s ? `?${s}` : "";
}

/** The caller's address as the proxy in front of us (or Next's own server) reports it. */
export function clientIp(
  headers: Record<string, string | string[] | undefined> | Headers,
): string | null {
  const get = (name: string) =>
    headers instanceof Headers
      ? headers.get(name)
      : ([] as string[]).concat(headers[name] ?? [])[0];
  const forwarded = get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0].trim();
  return get("x-real-ip") ?? null;
}

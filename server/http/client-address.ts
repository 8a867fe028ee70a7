// The caller's network address: the socket's peer, or, behind `TRUST_PROXY_HOPS` reverse proxies,
// the address the outermost trusted proxy saw. A client cannot choose it by sending headers.

/** The request header our own server sets (after dropping any copy the client sent). */
export const CLIENT_ADDRESS_HEADER = "x-pilot-client-address";

/** `TRUST_PROXY_HOPS` read strictly: 0 (the default) to 10. */
export function trustProxyHops(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 0;
  if (!/^\d{1,2}$/.test(raw.trim()) || Number(raw) > 10)
    throw new Error(`TRUST_PROXY_HOPS must be a whole number from 0 to 10, not "${raw}"`);
  return Number(raw);
}

/** `::ffff:1.2.3.4` is the IPv4 address 1.2.3.4; anything else is kept as written. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * Each trusted proxy appends the address it saw to X-Forwarded-For, so with `hops` proxies the
 * client is the entry `hops` places from the right of [...forwarded, socket]; entries further
 * left were written by the client and are never read.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string {
  const socket = normalise(socketAddress ?? "unknown");
  if (hops === 0) return socket;
  const forwarded = ([] as string[])
    .concat(forwardedFor ?? [])
    .flatMap((value) => value.split(","))
    .map(normalise)
    .filter((entry) => entry !== "");
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - hops)];
}

// The caller's address as our own server (server/cli/serve.ts) determined it from the socket and
// the trusted proxies. The header carries a per-process key, so a client that reaches the app some
// other way (`next dev`, a plain `next start`) cannot supply an address: it has none.
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";

/** The environment variable that holds this process's key (set by the server at start). */
export const CLIENT_ADDRESS_KEY_ENV = "PILOT_CLIENT_ADDRESS_KEY";

export function clientIp(
  headers: Record<string, string | string[] | undefined> | Headers,
): string | null {
  const key = process.env[CLIENT_ADDRESS_KEY_ENV];
  if (!key) return null;
  const raw =
    headers instanceof Headers
      ? headers.get(CLIENT_ADDRESS_HEADER)
      : ([] as string[]).concat(headers[CLIENT_ADDRESS_HEADER] ?? [])[0];
  if (!raw?.startsWith(`${key} `)) return null;
  return raw.slice(key.length + 1) || null;
}

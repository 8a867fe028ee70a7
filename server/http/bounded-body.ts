// Request bodies read with a ceiling while they stream: a declared length over the limit is refused
// before reading, and a chunked body is refused as soon as it passes the limit, so the server never
// holds more than the limit (plus one chunk) of any request.
import { refuse } from "@/server/services/errors";

/** JSON calls (tRPC): the largest legitimate input is a few long texts. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Sign-in and sign-out forms. */
export const FORM_BODY_LIMIT = 16 * 1024;

const megabytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} kB`;

export function tooLarge(limit: number) {
  return refuse("TOO_LARGE", "system.tooLarge", { limit: megabytes(limit) });
}

/** The whole body, or a TOO_LARGE refusal once more than `limit` bytes are declared or arrive. */
export async function readBounded(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) throw tooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading; what the client still sends is discarded by the server, not kept.
      reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * A request whose body is known to be within `limit`. GET and HEAD pass unchanged, and so does a
 * body that declares a length within the limit: HTTP/1.1 framing ends the body at the declared
 * length, so the server reads no more of it. A chunked body is read here, with the ceiling, and
 * the request copied around it.
 */
export async function boundedRequest(req: Request, limit: number): Promise<Request> {
  if (req.method === "GET" || req.method === "HEAD") return req;
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) <= limit) return req;
  const body = await readBounded(req, limit);
  return new Request(req.url, { method: req.method, headers: req.headers, body });
}

// The session cookie's JWT, encrypted as next-auth v4 does by default (JWE compact, "dir" +
// A256GCM, the key derived from the secret with HKDF-SHA256), so cookies of either code read the
// same. next-auth derives the key again on every read and on every refresh of the cookie, which
// is every signed-in request; here it is derived once per secret, and AES-GCM runs synchronously
// in node:crypto.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const HEADER = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256GCM" })).toString("base64url");
const DEFAULT_MAX_AGE_S = 30 * 24 * 60 * 60;
/** Seconds of clock difference a token's expiry tolerates (next-auth's default). */
const CLOCK_TOLERANCE_S = 15;

const keys = new Map<string, Buffer>();

function keyOf(secret: string | Buffer, salt = ""): Buffer {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = Buffer.from(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const { token = {}, secret, maxAge = DEFAULT_MAX_AGE_S, salt } = params;
  const iat = nowSeconds();
  const payload = { ...token, iat, exp: iat + maxAge, jti: randomUUID() };
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret, salt), iv);
  cipher.setAAD(Buffer.from(HEADER, "ascii"));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  return [
    HEADER,
    "",
    iv.toString("base64url"),
    sealed.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

// Tokens already read, by their exact text (the same text always holds the same claims): a
// signed-in user sends the same cookie with every request. Expiry is checked on every read.
const readTokens = new Map<string, JWT & { exp: number }>();
const READ_TOKENS_KEPT = 1000;

/** The token's claims; null for anything that is not a valid, unexpired token of this secret. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt } = params;
  if (!token) return null;
  const cacheKey = `${salt ?? ""}\u0000${secret.toString()}\u0000${token}`;
  const known = readTokens.get(cacheKey);
  if (known) return known.exp > nowSeconds() - CLOCK_TOLERANCE_S ? { ...known } : null;
  const claims = decrypt(token, secret, salt);
  if (claims) {
    if (readTokens.size >= READ_TOKENS_KEPT) readTokens.delete(readTokens.keys().next().value!);
    readTokens.set(cacheKey, claims);
  }
  return claims ? { ...claims } : null;
}

function decrypt(
  token: string,
  secret: string | Buffer,
  salt: string | undefined,
): (JWT & { exp: number }) | null {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") return null;
  const [header, , ivText, sealedText, tagText] = parts;
  try {
    const fields = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as unknown;
    if (typeof fields !== "object" || fields === null) return null;
    const { alg, enc, ...rest } = fields as Record<string, unknown>;
    if (alg !== "dir" || enc !== "A256GCM" || Object.keys(rest).length > 0) return null;
    const iv = Buffer.from(ivText, "base64url");
    const tag = Buffer.from(tagText, "base64url");
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret, salt), iv);
    decipher.setAAD(Buffer.from(header, "ascii"));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([
      decipher.update(Buffer.from(sealedText, "base64url")),
      decipher.final(),
    ]).toString("utf8");
    const payload = JSON.parse(plain) as unknown;
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
    const claims = payload as JWT & { exp: number; nbf?: unknown };
    const now = nowSeconds();
    if (typeof claims.exp !== "number" || claims.exp <= now - CLOCK_TOLERANCE_S) return null;
    if (
      claims.nbf !== undefined &&
      (typeof claims.nbf !== "number" || claims.nbf > now + CLOCK_TOLERANCE_S)
    )
      return null;
    return claims;
  } catch {
    // A tampered or foreign token fails authentication (or its JSON): it reads as signed out.
    return null;
  }
}

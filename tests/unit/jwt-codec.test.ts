import { describe, expect, it, vi } from "vitest";
import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken } from "@/server/auth/jwt-codec";

const secret = "a-test-secret-of-some-length-0123456789";
const token = { uid: 7, role: "firm", sid: "s-1", email: "firm@pilot.demo" };

function flip(text: string, part: number): string {
  const parts = text.split(".");
  const bytes = Buffer.from(parts[part], "base64url");
  bytes[0] ^= 1;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("session token codec", () => {
  it("reads next-auth's tokens and writes tokens next-auth reads (the same JWE)", async () => {
    const ours = await encodeSessionToken({ token, secret, maxAge: 60 });
    expect(await nextAuthDecode({ token: ours, secret })).toMatchObject(token);
    const theirs = await nextAuthEncode({ token, secret, maxAge: 60 });
    const read = await decodeSessionToken({ token: theirs, secret });
    expect(read).toMatchObject(token);
    expect(read!.exp).toBeGreaterThan(Date.now() / 1000);
    expect(typeof read!.jti).toBe("string");
  });

  it("reads as signed out a token that is tampered with, foreign, expired or not a JWE", async () => {
    const good = await encodeSessionToken({ token, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token: good, secret })).toMatchObject(token);
    for (const part of [0, 2, 3, 4])
      expect(await decodeSessionToken({ token: flip(good, part), secret })).toBeNull();
    expect(await decodeSessionToken({ token: good, secret: `${secret}x` })).toBeNull();
    const expired = await encodeSessionToken({ token, secret, maxAge: -60 });
    expect(await decodeSessionToken({ token: expired, secret })).toBeNull();
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify(token)).toString("base64url")}.`;
    for (const bad of ["", "x", none, good.split(".").slice(0, 4).join("."), `${good}.x`])
      expect(await decodeSessionToken({ token: bad, secret })).toBeNull();
  });

  it("keeps tokens of different secrets apart (a key per secret)", async () => {
    const a = await encodeSessionToken({ token, secret: "secret-a-0123456789", maxAge: 60 });
    const b = await encodeSessionToken({ token, secret: "secret-b-0123456789", maxAge: 60 });
    expect(await decodeSessionToken({ token: a, secret: "secret-a-0123456789" })).not.toBeNull();
    expect(await decodeSessionToken({ token: a, secret: "secret-b-0123456789" })).toBeNull();
    expect(await decodeSessionToken({ token: b, secret: "secret-b-0123456789" })).not.toBeNull();
  });

  it("keeps reading a token it has read only until it expires", async () => {
    vi.useFakeTimers({ now: Date.parse("2026-11-29T08:00:00Z") });
    try {
      const short = await encodeSessionToken({ token, secret, maxAge: 60 });
      expect(await decodeSessionToken({ token: short, secret })).toMatchObject(token);
      vi.setSystemTime(Date.parse("2026-11-29T08:01:10Z"));
      expect(await decodeSessionToken({ token: short, secret })).toMatchObject(token);
      vi.setSystemTime(Date.parse("2026-11-29T08:01:16Z"));
      expect(await decodeSessionToken({ token: short, secret })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

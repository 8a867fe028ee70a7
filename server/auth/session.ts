// Reads the signed-in user for pages and route handlers (re-read from the database each time).
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { sessionIsOpen } from "@/server/services/auth/sessions";
import { loadActor } from "@/server/services/users/load-actor";
import type { Actor } from "@/server/services/actor";
import { authOptions } from "./options";
import { decodeSessionToken } from "./jwt-codec";

/**
 * The signed-in user and their open server-side session, or null. The session cookie's token is
 * decrypted and its server-side session checked (the rule of the `session` callback), which is
 * what next-auth's `getServerSession` does on a page or route handler; that also re-encrypts the
 * cookie and makes a CSRF token on every call, both thrown away there (a page or route handler
 * cannot set the cookie), so they are left out.
 */
export async function currentSession(): Promise<{ userId: number; sessionId: string } | null> {
  const jar = await cookies();
  const name = `${authOptions.useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;
  // A token too long for one cookie comes in chunks: name.0, name.1, …
  let token = jar.get(name)?.value;
  if (token === undefined && jar.has(`${name}.0`)) {
    const chunks: string[] = [];
    for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!.value);
    token = chunks.join("");
  }
  const claims = await decodeSessionToken({ token, secret: authOptions.secret! });
  if (!claims || !sessionIsOpen(getDb(), claims.sid, claims.uid)) return null;
  return { userId: claims.uid as number, sessionId: claims.sid as string };
}

export async function sessionUserId(): Promise<number | null> {
  return (await currentSession())?.userId ?? null;
}

export async function currentActor(): Promise<Actor | null> {
  const id = await sessionUserId();
  return id === null ? null : loadActor(getDb(), id);
}

/** Where each role lands after signing in. */
export const startPageOf = {
  firm: "/firm",
  operator: "/operator",
  coordinator: "/hub",
  admin: "/admin",
} as const;

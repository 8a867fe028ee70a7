// Reads the signed-in user for pages and route handlers (re-read from the database each time).
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { loadActor } from "@/server/services/users/load-actor";
import type { Actor } from "@/server/services/actor";
import { authOptions } from "./options";

/** The signed-in user and their open server-side session, or null. */
export async function currentSession(): Promise<{ userId: number; sessionId: string } | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  return userId ? { userId, sessionId: session.sessionId } : null;
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

// Page-level role check: redirects visitors to sign in; other roles get `null` (render
// <Forbidden/>).
import { redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { currentActor } from "@/server/auth/session";
import type { Actor } from "@/server/services/actor";

export async function requireRole(path: string, roles: Role[]): Promise<Actor | null> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (actor.mustChangePassword) redirect("/account/password");
  return roles.includes(actor.role) ? actor : null;
}

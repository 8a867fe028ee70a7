// Route handlers outside tRPC (file upload and download, calendar files): the signed-in user and
// refusals as the HTTP status of their tRPC code with the JSON of server/api/errors.ts.
import { getDb } from "@/db/client";
import { sessionUserId } from "@/server/auth/session";
import { loadActor } from "@/server/services/users/load-actor";
import { refuse } from "@/server/services/errors";
import { errorResponse } from "@/server/api/errors";
import type { Actor } from "@/server/services/actor";

export async function withActor(
  handler: (actor: Actor) => Promise<Response> | Response,
): Promise<Response> {
  const id = await sessionUserId();
  const actor = id === null ? null : loadActor(getDb(), id);
  if (!actor) return errorResponse(refuse("UNAUTHORIZED", "auth.signInFirst"))!;
  try {
    return await handler(actor);
  } catch (error) {
    const refused = errorResponse(error);
    if (refused) return refused;
    throw error;
  }
}

export function idParam(raw: string): number | null {
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null;
}

// Route handlers outside tRPC (file upload and download, calendar files): the signed-in user and
// refusals as the HTTP status of their tRPC code with the JSON of server/api/errors.ts.
import { getDb } from "@/db/client";
import { sessionUserId } from "@/server/auth/session";
import { errorResponse } from "@/server/api/errors";
import { admit, type Gate } from "@/server/api/guard";
import type { Actor } from "@/server/services/actor";

/** Runs the handler for a user the one gate (`server/api/guard.ts`) admits. */
export async function withActor(
  gate: Omit<Gate, "ip">,
  handler: (actor: Actor) => Promise<Response> | Response,
): Promise<Response> {
  try {
    const actor = admit(getDb(), await sessionUserId(), gate);
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

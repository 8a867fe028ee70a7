// Route handlers outside tRPC (file upload and download, calendar files): the signed-in user and
// the domain errors as HTTP statuses with a JSON message.
import { getDb } from "@/db/client";
import { sessionUserId } from "@/server/auth/session";
import { loadActor } from "@/server/services/users/load-actor";
import { DomainError, type DomainErrorCode } from "@/server/services/errors";
import type { Actor } from "@/server/services/actor";

const statuses: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID_STATE: 412,
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  TOO_MANY_REQUESTS: 429,
};

export async function withActor(
  handler: (actor: Actor) => Promise<Response> | Response,
): Promise<Response> {
  const id = await sessionUserId();
  const actor = id === null ? null : loadActor(getDb(), id);
  if (!actor)
    return Response.json(
      { error: { code: "UNAUTHORIZED", message: "Please sign in first." } },
      { status: 401 },
    );
  try {
    return await handler(actor);
  } catch (error) {
    if (error instanceof DomainError)
      return Response.json(
        {
          error: {
            code: error.code,
            message: error.message,
            fieldErrors: error.fieldErrors ?? null,
          },
        },
        { status: statuses[error.code] },
      );
    throw error;
  }
}

export function idParam(raw: string): number | null {
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null;
}

// Route handlers outside tRPC (file upload and download, calendar files): the signed-in user and
// refusals as the HTTP status of their tRPC code with the JSON of server/api/errors.ts.
import { getDb } from "@/db/client";
import { sessionUserId } from "@/server/auth/session";
import { errorResponse } from "@/server/api/errors";
import { admit, type Gate } from "@/server/api/guard";
import type { Actor } from "@/server/services/actor";
import { MAX_FILE_BYTES } from "@/server/services/booking/file-types";
import { readBounded } from "@/server/http/bounded-body";

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

/** A multipart upload (at most one file of MAX_FILE_BYTES and its framing, refused as soon as
 * more arrives): the form and its "file", or the response refusing it. */
export async function uploadedForm(
  req: Request,
): Promise<{ form: FormData; file: File } | Response> {
  const body = await readBounded(req, MAX_FILE_BYTES + 64 * 1024);
  const type = req.headers.get("content-type") ?? "";
  const form = await new Response(body, { headers: { "content-type": type } })
    .formData()
    .catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File))
    return Response.json(
      { error: { code: "VALIDATION", message: "file: choose a file to upload" } },
      { status: 400 },
    );
  return { form, file };
}

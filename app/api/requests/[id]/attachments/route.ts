import { getDb } from "@/db/client";
import { addAttachment } from "@/server/services/booking/attachments";
import { MAX_FILE_BYTES } from "@/server/services/booking/file-types";
import { idParam, withActor } from "../../../_http";
import { refuseCrossSiteWrite } from "@/server/api/same-origin";
import { readBounded } from "@/server/http/bounded-body";

export const dynamic = "force-dynamic";

/** Upload one file (multipart field "file") to a request. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const crossSite = refuseCrossSiteWrite(req);
  if (crossSite) return crossSite;
  return withActor({ path: "POST /api/requests/[id]/attachments" }, async (actor) => {
    const id = idParam((await params).id);
    if (id === null)
      return Response.json(
        { error: { code: "NOT_FOUND", message: "Request not found." } },
        { status: 404 },
      );
    // The file plus room for the multipart framing; refused as soon as more arrives.
    const body = await readBounded(req, MAX_FILE_BYTES + 64 * 1024);
    const type = req.headers.get("content-type") ?? "";
    const form = await new Response(body, { headers: { "content-type": type } })
      .formData()
      .catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File))
      return Response.json(
        { error: { code: "VALIDATION", message: "file: choose a file to upload" } },
        { status: 400 },
      );
    const saved = addAttachment(getDb(), actor, id, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      ...(form?.get("kind") === "invoice" ? { kind: "invoice" as const } : {}),
    });
    return Response.json(saved, { status: 201 });
  });
}

import { getDb } from "@/db/client";
import { readAttachment } from "@/server/services/booking/attachments";
import { idParam, withActor } from "../../_http";

export const dynamic = "force-dynamic";

/** Download a file, for those who may see its request only. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withActor({ path: "GET /api/attachments/[id]" }, async (actor) => {
    const id = idParam((await params).id);
    if (id === null)
      return Response.json(
        { error: { code: "NOT_FOUND", message: "File not found." } },
        { status: 404 },
      );
    const file = readAttachment(getDb(), actor, id);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.mimeType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "cache-control": "private, no-store",
      },
    });
  });
}

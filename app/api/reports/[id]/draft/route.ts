import { getDb } from "@/db/client";
import { facilityGate } from "@/server/api/guard";
import { readDraft } from "@/server/services/reports/list";
import { idParam, withActor } from "../../../_http";

export const dynamic = "force-dynamic";

/** The tester's file of a report, for the staff who review and approve it. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withActor({ path: "GET /api/reports/[id]/draft", ...facilityGate }, async (actor) => {
    const id = idParam((await params).id);
    if (id === null)
      return Response.json(
        { error: { code: "NOT_FOUND", message: "File not found." } },
        { status: 404 },
      );
    const file = readDraft(getDb(), actor, id);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.mimeType,
        "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "cache-control": "private, no-store",
      },
    });
  });
}

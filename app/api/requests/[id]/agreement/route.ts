import { getDb } from "@/db/client";
import { agreementPdf } from "@/server/services/money/agreement";
import { idParam, withActor } from "../../../_http";

export const dynamic = "force-dynamic";

/** The service agreement of the request's current quote, as a PDF. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withActor({ path: "GET /api/requests/[id]/agreement" }, async (actor) => {
    const id = idParam((await params).id);
    if (id === null)
      return Response.json(
        { error: { code: "NOT_FOUND", message: "Request not found." } },
        { status: 404 },
      );
    const pdf = await agreementPdf(getDb(), actor, id);
    return new Response(Buffer.from(pdf.bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${pdf.fileName}"`,
      },
    });
  });
}

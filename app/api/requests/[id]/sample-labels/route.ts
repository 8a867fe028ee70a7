import { getDb } from "@/db/client";
import { facilityGate } from "@/server/api/guard";
import { sampleLabelsPdf } from "@/server/services/samples/labels";
import { idParam, withActor } from "../../../_http";

export const dynamic = "force-dynamic";

/** Labels of the samples the facility holds for a request: an A4 sheet as a PDF. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withActor(
    { path: "GET /api/requests/[id]/sample-labels", ...facilityGate },
    async (actor) => {
      const id = idParam((await params).id);
      if (id === null)
        return Response.json(
          { error: { code: "NOT_FOUND", message: "Request not found." } },
          { status: 404 },
        );
      const pdf = await sampleLabelsPdf(getDb(), actor, id);
      return new Response(Buffer.from(pdf.bytes), {
        headers: {
          "content-type": "application/pdf",
          "content-disposition": `inline; filename="${pdf.fileName}"`,
        },
      });
    },
  );
}

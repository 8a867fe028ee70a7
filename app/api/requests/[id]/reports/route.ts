import { getDb } from "@/db/client";
import { facilityGate } from "@/server/api/guard";
import { draftReport } from "@/server/services/reports/draft";
import { idParam, uploadedForm, withActor } from "../../../_http";
import { refuseCrossSiteWrite } from "@/server/api/same-origin";

export const dynamic = "force-dynamic";

/** A tester's report into the register (multipart: file, title, and for an amendment supersedesId
 * and reason). */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const crossSite = refuseCrossSiteWrite(req);
  if (crossSite) return crossSite;
  return withActor({ path: "POST /api/requests/[id]/reports", ...facilityGate }, async (actor) => {
    const id = idParam((await params).id);
    if (id === null)
      return Response.json(
        { error: { code: "NOT_FOUND", message: "Request not found." } },
        { status: 404 },
      );
    const upload = await uploadedForm(req);
    if (upload instanceof Response) return upload;
    const { form, file } = upload;
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" && v !== "" ? v : undefined;
    };
    const supersedes = text("supersedesId");
    const saved = await draftReport(
      getDb(),
      actor,
      {
        requestId: id,
        title: text("title") ?? "",
        ...(supersedes !== undefined ? { supersedesId: Number(supersedes) } : {}),
        ...(text("reason") !== undefined ? { reason: text("reason") } : {}),
      },
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    );
    return Response.json({ id: saved.id, status: saved.status }, { status: 201 });
  });
}

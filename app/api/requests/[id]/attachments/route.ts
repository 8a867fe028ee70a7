import { getDb } from "@/db/client";
import { addAttachment } from "@/server/services/booking/attachments";
import { idParam, uploadedForm, withActor } from "../../../_http";
import { refuseCrossSiteWrite } from "@/server/api/same-origin";

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
    const upload = await uploadedForm(req);
    if (upload instanceof Response) return upload;
    const { form, file } = upload;
    const saved = addAttachment(getDb(), actor, id, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      ...(form.get("kind") === "invoice" ? { kind: "invoice" as const } : {}),
    });
    return Response.json(saved, { status: 201 });
  });
}

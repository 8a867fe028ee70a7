// The department's voucher claims as CSV or XLSX, or a ZIP of each claim's documents:
// /api/admin/vouchers/claims?format=csv|xlsx|zip&status=filed|approved|returned&programmeId=…
import { getDb } from "@/db/client";
import { exportClaims, type ClaimExportFormat } from "@/server/services/vouchers/claims-export";
import { validation } from "@/server/services/errors";
import { withActor } from "../../../_http";

export const dynamic = "force-dynamic";
const formats: ClaimExportFormat[] = ["csv", "xlsx", "zip"];

export async function GET(req: Request) {
  return withActor({ path: "GET /api/admin/vouchers/claims", roles: ["admin"] }, async (actor) => {
    const sp = new URL(req.url).searchParams;
    const format = (sp.get("format") ?? "csv") as ClaimExportFormat;
    if (!formats.includes(format)) throw validation("format", "field.exportFormat");
    const file = await exportClaims(getDb(), actor, format, {
      status: (sp.get("status") || undefined) as "filed" | undefined,
      programmeId: sp.get("programmeId") ? Number(sp.get("programmeId")) : undefined,
    });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
      },
    });
  });
}

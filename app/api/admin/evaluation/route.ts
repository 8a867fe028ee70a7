// A year's evaluation or instrument records as CSV or XLSX for the provincial and national
// platforms: /api/admin/evaluation?year=2026&what=ranking|instruments&format=csv|xlsx
import { getDb } from "@/db/client";
import { exportEvaluation, type EvaluationExport } from "@/server/services/evaluation/export";
import { yearInput } from "@/server/services/evaluation/settings";
import { parseInput } from "@/server/services/parse-input";
import { validation } from "@/server/services/errors";
import { withActor } from "../../_http";

export const dynamic = "force-dynamic";
const kinds: EvaluationExport[] = ["ranking", "instruments"];

export async function GET(req: Request) {
  return withActor({ path: "GET /api/admin/evaluation", roles: ["admin"] }, async () => {
    const sp = new URL(req.url).searchParams;
    const { year } = parseInput(yearInput, { year: Number(sp.get("year")) });
    const what = (sp.get("what") ?? "ranking") as EvaluationExport;
    if (!kinds.includes(what)) throw validation("what", "field.evaluationExport");
    const format = sp.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx") throw validation("format", "field.tableFormat");
    const file = exportEvaluation(getDb(), year, what, format);
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
      },
    });
  });
}

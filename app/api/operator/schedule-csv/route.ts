import { getDb } from "@/db/client";
import { scheduleCsv } from "@/server/services/operations/exports";
import { refuse, validation } from "@/server/services/errors";
import { withActor } from "../../_http";

export const dynamic = "force-dynamic";

/** The operator's facility schedule as CSV: ?from=YYYY-MM-DD&to=YYYY-MM-DD (Asia/Shanghai days). */
export async function GET(req: Request) {
  return withActor((actor) => {
    if ((actor.role !== "operator" && actor.role !== "coordinator") || actor.facilityId === null)
      throw refuse("FORBIDDEN", "auth.roleNeeded", { roles: "operator,coordinator" });
    const url = new URL(req.url);
    const day = (v: string | null) =>
      v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00+08:00`) : NaN;
    const from = day(url.searchParams.get("from"));
    const to = day(url.searchParams.get("to"));
    if (Number.isNaN(from) || Number.isNaN(to)) throw validation("from", "field.days");
    const body = scheduleCsv(
      getDb(),
      { ...actor, facilityId: actor.facilityId },
      from,
      to + 86_400_000,
    );
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="schedule-${url.searchParams.get("from")}-${url.searchParams.get("to")}.csv"`,
      },
    });
  });
}

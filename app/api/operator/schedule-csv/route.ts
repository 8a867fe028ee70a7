import { getDb } from "@/db/client";
import { scheduleCsvForDays } from "@/server/services/operations/exports";
import { refuse } from "@/server/services/errors";
import { withActor } from "../../_http";

export const dynamic = "force-dynamic";

/**
 * The operator's facility schedule as CSV: ?from=YYYY-MM-DD&to=YYYY-MM-DD (days of the facility's
 * time zone).
 */
export async function GET(req: Request) {
  return withActor((actor) => {
    if ((actor.role !== "operator" && actor.role !== "coordinator") || actor.facilityId === null)
      throw refuse("FORBIDDEN", "auth.roleNeeded", { roles: "operator,coordinator" });
    const url = new URL(req.url);
    const body = scheduleCsvForDays(
      getDb(),
      { ...actor, facilityId: actor.facilityId },
      { from: url.searchParams.get("from"), to: url.searchParams.get("to") },
    );
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="schedule-${url.searchParams.get("from")}-${url.searchParams.get("to")}.csv"`,
      },
    });
  });
}

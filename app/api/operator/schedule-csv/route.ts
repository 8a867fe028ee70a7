import { getDb } from "@/db/client";
import { scheduleCsvForDays } from "@/server/services/operations/exports";
import { facilityGate } from "@/server/api/guard";
import { withActor } from "../../_http";

export const dynamic = "force-dynamic";

/**
 * The operator's facility schedule as CSV: ?from=YYYY-MM-DD&to=YYYY-MM-DD (days of the facility's
 * time zone).
 */
export async function GET(req: Request) {
  return withActor({ path: "GET /api/operator/schedule-csv", ...facilityGate }, (actor) => {
    const url = new URL(req.url);
    const body = scheduleCsvForDays(
      getDb(),
      { ...actor, facilityId: actor.facilityId! }, // the gate admits only users with a facility
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

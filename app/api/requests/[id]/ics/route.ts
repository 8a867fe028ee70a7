import { getDb } from "@/db/client";
import { bookingCalendar } from "@/server/services/booking/calendar-file";
import { idParam, withActor } from "../../../_http";

export const dynamic = "force-dynamic";

/** A confirmed booking as an .ics file. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withActor({ path: "GET /api/requests/[id]/ics" }, async (actor) => {
    const id = idParam((await params).id);
    if (id === null)
      return Response.json(
        { error: { code: "NOT_FOUND", message: "Request not found." } },
        { status: 404 },
      );
    const ics = bookingCalendar(getDb(), actor, id);
    return new Response(ics.body, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="${ics.fileName}"`,
      },
    });
  });
}

// A dashboard table as CSV (UTF-8 with BOM) for the period and filters in the query string:
// /api/admin/stats/<table>?period=…|from=…&to=…&prefecture=…&field=…&facilityId=…&serviceType=…
// and, for "requests", &equipmentId=…. The figures come through the same admin-only procedures.
import { getFormatter } from "next-intl/server";
import { toCsv } from "@/server/services/csv";
import { serverCaller } from "../../../../_trpc/server";
import { statsInputOf, statsQueryOf } from "../../../../_components/stats/stats-query";
import {
  requestsTable,
  statsTables,
  tableLabels,
  tableNames,
  type StatsTable,
} from "../../../../_components/stats/tables";
import { errorResponse } from "@/server/api/errors";
import { refuse } from "@/server/services/errors";
import { localDateKey, NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ table: string }> }) {
  const { table } = await params;
  const url = new URL(req.url);
  const sp = Object.fromEntries(url.searchParams);
  if (table !== "requests" && !(tableNames as readonly string[]).includes(table))
    return errorResponse(
      refuse("NOT_FOUND", "notFound.table", {
        table,
        tables: [...tableNames, "requests"].join(", "),
      }),
    )!;
  try {
    const caller = await serverCaller();
    const q = statsQueryOf(sp);
    const input = statsInputOf(q);
    const labels = await tableLabels();
    let csv: StatsTable;
    if (table === "requests") {
      const format = await getFormatter();
      const data = await caller.stats.equipmentRequests({
        equipmentId: Number(sp.equipmentId ?? NaN),
        from: q.from,
        to: q.to,
      });
      csv = requestsTable(data, labels, (ms) =>
        format.dateTime(new Date(ms), { dateStyle: "short", timeStyle: "short" }),
      );
    } else {
      const [overview, utilisation, machineHours, use] = await Promise.all([
        caller.stats.overview(input),
        caller.stats.utilisation(input),
        caller.stats.machineHours({ ...input, limit: 20_000 }),
        caller.stats.use(input),
      ]);
      csv = statsTables({ overview, utilisation, machineHours, use }, labels)[
        table as (typeof tableNames)[number]
      ];
    }
    const day = (ms: number) => localDateKey(ms, NETWORK_TIME_ZONE);
    const filename = `${table}-${day(q.from)}-${day(q.to - 1)}.csv`;
    return new Response(toCsv(csv.header, csv.rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
      },
    });
  } catch (error) {
    const refused = errorResponse(error);
    if (refused) return refused;
    throw error;
  }
}

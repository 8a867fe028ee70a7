// EXPLAIN QUERY PLAN of the queries behind one availability computation, as SQLite would run them.
import type { DB } from "@/db/client";
import { AVAILABILITY_SQL } from "@/server/services/scheduling/availability";

export function explainAvailability(db: DB): string[] {
  const lines: string[] = [];
  for (const sql of Object.values(AVAILABILITY_SQL)) {
    const bindCount = (sql.match(/\?/g) ?? []).length;
    const plan = db.$client
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...Array(bindCount).fill(0)) as { detail: string }[];
    lines.push(...plan.map((p) => p.detail));
  }
  return lines;
}

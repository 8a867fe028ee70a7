// EXPLAIN QUERY PLAN of the queries behind one availability computation, as SQLite would run them.
import type { DB } from "@/db/client";
import { equipment } from "@/db/schema";
import { loadCapacity, loadBusy, loadMaintenance } from "@/server/services/scheduling/availability";

export function explainAvailability(db: DB): string[] {
  const first = db.select({ id: equipment.id }).from(equipment).limit(1).get()!;
  const cap = loadCapacity(db, first.id);
  const from = Date.now();
  const to = from + 90 * 86_400_000;
  const captured: { sql: string; params: unknown[] }[] = [];
  const original = db.$client.prepare.bind(db.$client);
  // Record the statements the loaders prepare, then ask SQLite for their plans.
  db.$client.prepare = ((source: string) => {
    captured.push({ sql: source, params: [] });
    return original(source);
  }) as typeof db.$client.prepare;
  try {
    loadBusy(db, cap, from, to, from);
    loadMaintenance(db, cap, from, to);
  } finally {
    db.$client.prepare = original;
  }
  const lines: string[] = [];
  for (const { sql } of captured) {
    const bindCount = (sql.match(/\?/g) ?? []).length;
    const plan = original(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(bindCount).fill(0)) as {
      detail: string;
    }[];
    lines.push(...plan.map((p) => p.detail));
  }
  return lines;
}

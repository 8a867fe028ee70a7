import { sql } from "drizzle-orm";
import type { DB } from "@/db/client";

/** `{ ok: true }` once the database answers a query. */
export function checkHealth(db: DB): { ok: true; time: number } {
  db.get(sql`SELECT 1`);
  return { ok: true, time: Date.now() };
}

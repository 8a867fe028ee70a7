// Prepared statements kept per connection, for hot paths that would otherwise build and prepare
// the same SQL on every call (preparing is most of a small query's cost in better-sqlite3).
import type Database from "better-sqlite3";
import type { DbOrTx } from "@/db/client";

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The better-sqlite3 connection under a drizzle database or transaction handle. */
export const clientOf = (db: DbOrTx) =>
  (db as unknown as { session: { client: Database.Database } }).session.client;

/** The statement for this SQL on this connection, prepared once. */
export function statement(db: DbOrTx, sql: string): Database.Statement {
  const client = clientOf(db);
  let byText = cache.get(client);
  if (!byText) cache.set(client, (byText = new Map()));
  let stmt = byText.get(sql);
  if (!stmt) byText.set(sql, (stmt = client.prepare(sql)));
  return stmt;
}

// Raw SQL for hot paths that would otherwise build the same query with drizzle on every call.
// The connection keeps each statement prepared by its text (db/client.ts), handed out reset to
// plain rows, so a caller asks for raw or plucked values each time it runs one.
import type Database from "better-sqlite3";
import type { DbOrTx } from "@/db/client";

/** The better-sqlite3 connection under a drizzle database or transaction handle. */
export const clientOf = (db: DbOrTx) =>
  (db as unknown as { session: { client: Database.Database } }).session.client;

/** The statement for this SQL on this connection (prepared once, then kept by the connection). */
export function statement(db: DbOrTx, sql: string): Database.Statement {
  return clientOf(db).prepare(sql);
}

// The first column of every row of a query as a flat array: for long lists of numbers (a year's
// durations, pairs packed into one number), several times lighter than rows of objects or arrays.
import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

type WithDialect = { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } };
type WithClient = { session: { client: import("better-sqlite3").Database } };

export function pluck<T = number>(db: DbOrTx, query: SQL): T[] {
  const { sql, params } = (db as unknown as WithDialect).dialect.sqlToQuery(query);
  const client = (db as unknown as WithClient).session.client;
  return client
    .prepare(sql)
    .pluck()
    .all(...params) as T[];
}

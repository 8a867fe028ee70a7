// Drizzle queries written once per connection and run again with new values. Drizzle writes a
// query's SQL from its builder on every call, which costs more than SQLite takes to run the small
// queries of the booking path and of every signed-in request; a query built with
// `sql.placeholder`s and `.prepare()` is written once and bound on each run.
import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { clientOf } from "./sql-statements";

const kept = new WeakMap<Database.Database, Map<(db: DbOrTx) => unknown, unknown>>();

/**
 * A placeholder bound exactly as given, without the column's encoding. Drizzle encodes a bound
 * value through the column even when it is null (a JSON column would store the text 'null', a
 * boolean one 0), so a JSON or boolean column that may be NULL takes this, with the value encoded
 * by the caller.
 */
export const rawPlaceholder = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * The query `build` makes (a `.prepare()`d drizzle query), made once per connection: `build`
 * itself is the key, so define it once at module level. The prepared query runs on the connection
 * inside or outside a transaction alike (better-sqlite3 runs one connection synchronously).
 * Give every column that has a default or update function (`createdAt`, `updatedAt`) a value:
 * drizzle calls those functions when it writes the SQL, so a prepared query would keep the first
 * call's value.
 */
export function prepared<Q>(db: DbOrTx, build: (db: DbOrTx) => Q): Q {
  const client = clientOf(db);
  let byBuild = kept.get(client);
  if (!byBuild) kept.set(client, (byBuild = new Map()));
  let query = byBuild.get(build) as Q | undefined;
  if (query === undefined) byBuild.set(build, (query = build(db)));
  return query;
}

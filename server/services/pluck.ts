// Long lists of integers read in one piece. The driver hands every value of every row to
// JavaScript on its own (about 0.4 µs each here, several times what SQLite takes to read it), so a
// year of durations or a row per equipment costs more in the handing over than in the query. These
// helpers have SQLite write the whole result as one JSON array, read with one JSON.parse. Only
// for integer columns (a REAL would be written with at most 15 significant digits).
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { statement } from "./sql-statements";

type WithDialect = { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } };

function firstValue(db: DbOrTx, query: SQL): unknown {
  const { sql: text, params } = (db as unknown as WithDialect).dialect.sqlToQuery(query);
  // The connection keeps the statement prepared by its text (db/client.ts).
  return statement(db, text)
    .pluck()
    .get(...params);
}

/** The rows of a query of `width` integer columns, flat: row after row, NULL as null. */
export function integerRows(db: DbOrTx, query: SQL, width: number): (number | null)[] {
  const columns = Array.from({ length: width }, (_, i) => `c${i}`);
  const row = columns.map((c) => `IFNULL(${c}, 'null')`).join(" || ',' || ");
  const json = firstValue(
    db,
    sql`WITH q(${sql.raw(columns.join(", "))}) AS (${query})
      SELECT '[' || IFNULL(group_concat(${sql.raw(row)}), '') || ']' FROM q`,
  );
  return JSON.parse(json as string) as (number | null)[];
}

/** The first column of every row of a query of one integer column (NULLs left out). */
export function pluck(db: DbOrTx, query: SQL): number[] {
  const json = firstValue(
    db,
    sql`WITH q(c) AS (${query}) SELECT '[' || IFNULL(group_concat(c), '') || ']' FROM q`,
  );
  return JSON.parse(json as string) as number[];
}

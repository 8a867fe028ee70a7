// Opens the SQLite database with the pragmas every connection needs, and applies migrations.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { databasePath, migrationsFolder } from "./paths";
import { ensureMonthFigures } from "./calendar-months";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle: the same query surface as DB. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
export type DbOrTx = DB | Tx;

export function openDatabase(file: string = databasePath()): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 10000");
  // Reads come from the mapped file instead of a copy per page read, and the page cache holds a
  // dashboard's working set (the default 2 MB holds a fraction of one year's index pages).
  sqlite.pragma("mmap_size = 2147418112");
  sqlite.pragma("cache_size = -65536");
  keepPreparedStatements(sqlite);
  return drizzle(sqlite, { schema }) as DB;
}

const KEPT_STATEMENTS = 512;

/**
 * Makes `prepare` hand out the statement already prepared for the same SQL text on this
 * connection. Drizzle builds the same text for the same query and prepares it on every call,
 * and preparing costs more than running most of the app's queries. A kept statement is handed
 * out reset to plain rows (a caller may have asked it for raw or plucked values); one that is
 * still being iterated is not shared.
 */
function keepPreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const found = kept.get(source);
    if (found && !found.busy) {
      if (found.reader) found.raw(false).pluck(false).expand(false);
      return found;
    }
    const fresh = prepare(source);
    if (!found) {
      if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
      kept.set(source, fresh);
    }
    return fresh;
  }) as Database.Database["prepare"];
}

export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
  ensureMonthFigures(db.$client);
}

const globalForDb = globalThis as unknown as { pilotDb?: DB };

/** The process-wide connection used by the app; migrated on first use. */
export function getDb(): DB {
  if (!globalForDb.pilotDb) {
    const db = openDatabase();
    migrateDatabase(db);
    globalForDb.pilotDb = db;
  }
  return globalForDb.pilotDb;
}

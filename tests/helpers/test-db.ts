// A fresh migrated database per test file, and tRPC callers acting as a given user.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, migrateDatabase, type DB } from "@/db/client";
import { createCaller } from "@/server/api/root";

export function freshDb(): { db: DB; dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  return { db, dir, file };
}

export function callerFor(db: DB, userId: number | null, ip = "198.51.100.7") {
  return createCaller({ db, session: userId === null ? null : { userId }, ip });
}

/** Row counts of every table, to prove a refused call changed nothing. */
export function tableCounts(db: DB): Record<string, number> {
  const tables = db.$client
    .prepare(
      `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`,
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      (db.$client.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n,
    ]),
  );
}

// `npm run db:backup -- FILE`: an online backup through SQLite's backup API, verified on the copy.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/paths";

const target = process.argv[2];
if (!target) {
  console.error("Usage: npm run db:backup -- FILE");
  process.exit(2);
}
const source = new Database(databasePath(), { readonly: true, fileMustExist: true });
source.pragma("busy_timeout = 10000");
fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
await source.backup(target);
source.close();
const copy = new Database(target, { readonly: true });
const result = copy.pragma("integrity_check", { simple: true });
copy.close();
if (result !== "ok") {
  console.error(`Backup written to ${target} but integrity_check says: ${result}`);
  process.exit(1);
}
console.log(`Backup of ${databasePath()} written to ${target}; integrity_check: ok.`);

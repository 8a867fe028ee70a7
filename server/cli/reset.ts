// `npm run db:reset`: delete the database, stored attachments and report files, migrate and seed
// the demo data again.
import fs from "node:fs";
import path from "node:path";
import { dataDir, databasePath } from "@/db/paths";
import { prepareData } from "./prepare";

const file = databasePath();
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
for (const dir of ["attachments", "reports"])
  fs.rmSync(path.join(dataDir(), dir), { recursive: true, force: true });
await prepareData();
console.log(`Reset ${file}.`);

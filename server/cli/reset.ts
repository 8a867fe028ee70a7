// `npm run db:reset`: delete the database and stored attachments, migrate and seed the demo data
// again.
import fs from "node:fs";
import path from "node:path";
import { dataDir, databasePath } from "@/db/paths";
import { prepareData } from "./prepare";

const file = databasePath();
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
fs.rmSync(path.join(dataDir(), "attachments"), { recursive: true, force: true });
await prepareData();
console.log(`Reset ${file}.`);

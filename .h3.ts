import fs from "node:fs";
import { benchHttpSubmit } from "./bench/http-submit";
fs.copyFileSync("/work/main/data/scale.db", "/tmp/qb/h.db");
for (const s of ["-wal", "-shm"]) fs.rmSync("/tmp/qb/h.db" + s, { force: true });
fs.mkdirSync("/tmp/qb/scratch", { recursive: true });
const r = await benchHttpSubmit("/tmp/qb/h.db", "/tmp/qb/scratch");
for (const x of r.results) console.log(x.name, x.requestsPerSec.toFixed(0), x.ratioToHealth.toFixed(3), "p97.5", x.p97_5Ms, "non2xx", x.non2xx);
console.log("rss", (r.rssIdleBytes / 1048576).toFixed(0), (r.rssLoadedBytes / 1048576).toFixed(0));

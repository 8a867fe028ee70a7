import path from "node:path";
import { openDatabase } from "@/db/client";
import { statsUse } from "@/server/services/stats/use-figures";
import { statsUtilisation, statsMachineHours } from "@/server/services/stats/utilisation";
import { statsOverview } from "@/server/services/stats/overview";
const db = openDatabase(path.resolve("data/scale.db"));
const year = {
  from: Date.parse("2026-01-01T00:00:00+08:00"),
  to: Date.parse("2027-01-01T00:00:00+08:00"),
};
statsUse(db, year);
statsOverview(db, year);
for (const [name, f] of [
  ["use", statsUse],
  ["util", statsUtilisation],
  ["mh", statsMachineHours],
] as const) {
  const t: number[] = [];
  for (let i = 0; i < 15; i++) {
    const a = performance.now();
    f(db, year);
    t.push(performance.now() - a);
  }
  t.sort((a, b) => a - b);
  console.log(name, "warm median", t[7].toFixed(1));
}

// A dashboard asks for several figures of the same period and filters; they share one cube. An
// entry is valid only while the database is unchanged: SQLite's data_version changes when another
// connection commits, and total_changes() when this one writes.
import type { DB } from "@/db/client";
import type { StatsFilters } from "./input";
import { facilityCondition } from "./input";
import { utilisationCube, type UtilisationCube } from "../scheduling/utilisation-cube";

const SIZE = 4;
let entriesOf = new WeakMap<object, { key: string; cube: UtilisationCube }[]>(); // per connection

function stateOf(db: DB): string {
  const client = db.$client;
  return `${client.pragma("data_version", { simple: true })}:${client.prepare("SELECT total_changes()").pluck().get()}`;
}

export function cubeFor(db: DB, input: StatsFilters): UtilisationCube {
  const entries = entriesOf.get(db.$client) ?? entriesOf.set(db.$client, []).get(db.$client)!;
  const key = JSON.stringify([stateOf(db), input.from, input.to, input.prefecture, input.field, input.facilityId]);
  const hit = entries.find((e) => e.key === key);
  if (hit) return hit.cube;
  const cube = utilisationCube(db, facilityCondition(input), input.from, input.to);
  entries.unshift({ key, cube });
  entries.length = Math.min(entries.length, SIZE);
  return cube;
}

/** For benchmarks that time each figure on its own. */
export function clearCubeCache(): void {
  entriesOf = new WeakMap();
}

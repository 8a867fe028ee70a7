// A dashboard asks for several figures of the same period and filters; they share one cube. An
// entry is valid only while the database is unchanged: SQLite's data_version changes when another
// connection commits, and total_changes() when this one writes.
import type { DB } from "@/db/client";
import { facilityCondition, type StatsFilters } from "./input";
import { utilisationCube, type UtilisationCube } from "../scheduling/utilisation-cube";

const SIZE = 4;
type Entries = { key: string; cube: UtilisationCube }[];
let perConnection = new WeakMap<object, { entries: Entries; state: () => string }>();

function cacheOf(db: DB) {
  let c = perConnection.get(db.$client);
  if (!c) {
    const version = db.$client
      .prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()")
      .pluck();
    perConnection.set(db.$client, (c = { entries: [], state: () => version.get() as string }));
  }
  return c;
}

export function cubeFor(db: DB, input: StatsFilters): UtilisationCube {
  const { entries, state } = cacheOf(db);
  const key = JSON.stringify([
    state(),
    input.from,
    input.to,
    input.prefecture,
    input.field,
    input.facilityId,
  ]);
  const hit = entries.find((e) => e.key === key);
  if (hit) return hit.cube;
  const cube = utilisationCube(db, facilityCondition(input), input.from, input.to);
  entries.unshift({ key, cube });
  entries.length = Math.min(entries.length, SIZE);
  return cube;
}

/** For benchmarks that time each figure on its own. */
export function clearCubeCache(): void {
  perConnection = new WeakMap();
}

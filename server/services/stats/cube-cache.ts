// A dashboard asks for several figures of the same period and filters; they share one cube. An
// entry is valid only while the database is unchanged: SQLite's data_version changes when another
// connection commits, and total_changes() when this one writes.
import type { DB } from "@/db/client";
import { facilityCondition, type StatsFilters } from "./input";
import { utilisationCube, type UtilisationCube } from "../scheduling/utilisation-cube";
import { recordedUseCube, type UseCube } from "../scheduling/use-cube";
import { now } from "../clock";
import { serviceFigures, type ServiceFigures } from "./service-figures";
import {
  monthFigures,
  noShowParts,
  periodParts,
  type MonthFigures,
} from "../scheduling/month-figures";

const SIZE = 4;
type Entries = {
  key: string;
  cube: UtilisationCube;
  use?: UseCube;
  minute?: number;
  service?: ServiceFigures;
  monthly?: MonthFigures;
}[];
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

function entryFor(db: DB, input: StatsFilters) {
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
  if (hit) return hit;
  // The whole months' figures are read once for both cubes.
  const whole = periodParts(input.from, input.to).whole;
  const noShowsBefore = noShowParts(input.from, input.to, now()).whole?.end ?? 0;
  const monthly = whole
    ? monthFigures(db, facilityCondition(input), whole, noShowsBefore)
    : undefined;
  const entry = {
    key,
    monthly,
    cube: utilisationCube(db, facilityCondition(input), input.from, input.to, monthly),
  };
  entries.unshift(entry);
  entries.length = Math.min(entries.length, SIZE);
  return entry;
}

export function cubeFor(db: DB, input: StatsFilters): UtilisationCube {
  return entryFor(db, input).cube;
}

/** The recorded use of the same period and filters; open uses and faults run to the current
 * minute, so the entry is recomputed when the minute changes. */
export function recordedUseFor(db: DB, input: StatsFilters): UseCube {
  const entry: Entries[number] = entryFor(db, input);
  const at = now();
  const minute = Math.floor(at / 60_000);
  if (!entry.use || entry.minute !== minute) {
    entry.use = recordedUseCube(
      db,
      facilityCondition(input),
      input.from,
      input.to,
      minute * 60_000,
      entry.monthly,
    );
    entry.minute = minute;
  }
  return entry.use;
}

/** For benchmarks that time each figure on its own. */
export function clearCubeCache(): void {
  perConnection = new WeakMap();
}

/** Income, ratings, response times and outside users of the same period and filters. */
export function serviceFor(db: DB, input: StatsFilters): ServiceFigures {
  const entry: Entries[number] = entryFor(db, input);
  return (entry.service ??= serviceFigures(
    db,
    facilityCondition(input),
    input.from,
    input.to,
    now(),
    entry.monthly,
  ));
}

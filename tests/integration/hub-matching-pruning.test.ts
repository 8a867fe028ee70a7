// Hub matching evaluates candidates in the order of the best place each could take and stops when
// the next could no longer enter either list; the lists are the same as evaluating every one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed";
import { setClockForTests } from "@/server/services/clock";
import { findMatches, matchBatch } from "@/server/services/hub/find-matches";
import { serviceTypes } from "@/db/schema/enums";
import { NETWORK_TIME_ZONE, parseLocal } from "@/server/services/scheduling/local-time";
import { freshDb } from "../helpers/test-db";

// Friday 2026-11-27 12:30 in the network's time zone, a whole minute.
const NOW = parseLocal("2026-11-27T12:30", NETWORK_TIME_ZONE);
const DAY = 86_400_000;
const { db, dir } = freshDb();
const defaultBatch = matchBatch.size;

beforeAll(() => {
  seedDemo(db, { now: NOW, dataDir: dir, passwordHash: "x" });
  setClockForTests(NOW);
});
afterAll(() => {
  matchBatch.size = defaultBatch;
  setClockForTests(null);
});

describe("hub matching's early stop", () => {
  it("returns the lists evaluating every candidate returns, for every limit", () => {
    let compared = 0;
    let batched = 0;
    const queries = serviceTypes.flatMap((serviceType) =>
      (
        [
          { hours: 2, units: 1, days: 7, prefecture: undefined },
          { hours: 8, units: 1, days: 30, prefecture: "chengdu" },
          { hours: 4, units: 2, days: 14, prefecture: "mianyang" },
          { hours: 24, units: 1, days: 3, prefecture: undefined },
        ] as const
      ).flatMap((q) =>
        [undefined, [{ key: "volume", min: 100, unit: "L" }]].map((requiredParams) => ({
          serviceType,
          requiredParams,
          prefecture: q.prefecture,
          earliestStart: NOW + DAY,
          deadline: NOW + DAY + q.days * DAY,
          hours: q.hours,
          units: q.units,
        })),
      ),
    );
    for (const query of queries)
      for (const limit of [1, 2, 3, 5, 10]) {
        let evaluatedInBatches = 0;
        matchBatch.size = (l) => {
          const size = defaultBatch(l);
          evaluatedInBatches = size;
          return size;
        };
        const early = findMatches(db, { ...query, limit }, NOW);
        matchBatch.size = () => Infinity;
        const all = findMatches(db, { ...query, limit }, NOW);
        expect(early).toEqual(all);
        compared++;
        if (evaluatedInBatches > 0 && early.considered > evaluatedInBatches) batched++;
      }
    console.log(
      `hub early stop: ${compared} queries compared, ${batched} over more than one batch`,
    );
    // Most queries have more candidates than one batch, so the stop is weighed between batches.
    expect(batched).toBeGreaterThan(compared / 2);
  });
});

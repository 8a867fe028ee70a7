// On the demo data, availability, the equipment search's next free slot and hub matching agree
// with the minute-level oracle of tests/helpers/minute-oracle.ts in every case tried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed";
import { setClockForTests } from "@/server/services/clock";
import { publicAvailability } from "@/server/services/registry/public-availability";
import { searchEquipment } from "@/server/services/registry/search-equipment";
import { findMatches } from "@/server/services/hub/find-matches";
import { serviceTypes } from "@/db/schema/enums";
import {
  earliestSlot,
  freeUnitsAt,
  loadOracleEquipment,
  minuteTable,
} from "../helpers/minute-oracle";
import { freshDb } from "../helpers/test-db";

// Friday 2026-11-27 12:30 in Shanghai, a whole minute.
const NOW = Date.UTC(2026, 10, 27, 4, 30);
const MIN = 60_000;
const DAY = 1440 * MIN;
const { db, dir } = freshDb();
const all = <T>(sql: string, ...p: unknown[]) => db.$client.prepare(sql).all(...p) as T[];

beforeAll(() => {
  seedDemo(db, { now: NOW, dataDir: dir, passwordHash: "x" });
  setClockForTests(NOW);
});
afterAll(() => setClockForTests(null));

const shared = () =>
  all<{ id: number }>(`SELECT id FROM equipment WHERE sharing = 'external' ORDER BY id`).map(
    (r) => r.id,
  );

describe("the demo data against the minute-level oracle", () => {
  it("equipment.availability: every free minute and its free units, 14 days of every shared equipment", () => {
    const from = NOW - 2 * DAY; // the past and the lead days are part of the rules too
    const to = NOW + 12 * DAY;
    let minutes = 0;
    const ids = shared();
    expect(ids.length).toBeGreaterThan(100);
    for (const e of loadOracleEquipment(db, ids, NOW)) {
      const table = minuteTable(e, from, to, NOW);
      const got = publicAvailability(db, { equipmentId: e.id, from, to });
      const fromApi = new Int32Array(table.n);
      for (const i of got.intervals)
        for (let t = i.start; t < i.end; t += MIN) fromApi[(t - from) / MIN] = i.freeUnits;
      for (let i = 0; i < table.n; i++)
        if (fromApi[i] !== freeUnitsAt(table, i))
          expect({ equipment: e.id, at: new Date(from + i * MIN), free: fromApi[i] }).toEqual({
            equipment: e.id,
            at: new Date(from + i * MIN),
            free: freeUnitsAt(table, i),
          });
      minutes += table.n;
    }
    console.log(`demo availability: ${ids.length} equipment, ${minutes} minutes compared`);
  });

  it("equipment.search: the next free slot of each duration is the oracle's earliest (90 days)", () => {
    let compared = 0;
    for (const hours of [1, 4, 8]) {
      for (let page = 1; ; page++) {
        const res = searchEquipment(db, { durationHours: hours, page, pageSize: 50, params: [] });
        const oracles = loadOracleEquipment(
          db,
          res.items.map((i) => i.id),
          NOW,
        );
        const horizon = { from: NOW, to: NOW + 90 * DAY };
        for (const item of res.items) {
          const e = oracles.find((o) => o.id === item.id)!;
          const [row] = all<{ min_hours: number; max_hours: number }>(
            `SELECT min_hours, max_hours FROM equipment WHERE id = ?`,
            e.id,
          );
          const allowed = hours >= row.min_hours && hours <= row.max_hours;
          const expected = allowed
            ? earliestSlot(minuteTable(e, horizon.from, horizon.to, NOW), hours * 60, 1)
            : null;
          expect({ id: e.id, hours, start: item.nextFreeSlot?.start ?? null }).toEqual({
            id: e.id,
            hours,
            start: expected,
          });
          compared++;
        }
        if (page >= res.pages) break;
      }
    }
    console.log(`demo search: ${compared} next free slots compared`);
    expect(compared).toBeGreaterThan(300);
  });

  it("hub.matches: no feasible equipment missing, no infeasible one returned, earliest starts exact", () => {
    let queries = 0;
    let candidates = 0;
    for (const serviceType of serviceTypes)
      for (const [hours, units, days] of [
        [2, 1, 7],
        [8, 1, 30],
        [4, 2, 14],
      ]) {
        const from = NOW + DAY;
        const to = from + days * DAY;
        const result = findMatches(
          db,
          { serviceType, earliestStart: from, deadline: to, hours, units, limit: 50 },
          NOW,
        );
        // Who may be a candidate at all, by the README: an active facility with an active service
        // of the type; operational shared equipment with the units and allowing the hours.
        const eligible = all<{ id: number; calibration_due_at: number | null }>(
          `SELECT e.id, e.calibration_due_at FROM equipment e JOIN facilities f ON f.id = e.facility_id
           WHERE f.status = 'active' AND f.kind = 'facility' AND e.status = 'operational'
             AND e.sharing = 'external' AND e.units >= ? AND ? BETWEEN e.min_hours AND e.max_hours
             AND EXISTS (SELECT 1 FROM services s WHERE s.facility_id = f.id AND s.type = ?
                         AND s.status = 'active')`,
          units,
          hours,
          serviceType,
        );
        const expected = new Map<number, number>();
        for (const e of loadOracleEquipment(
          db,
          eligible.map((x) => x.id),
          NOW,
        )) {
          const due = eligible.find((x) => x.id === e.id)!.calibration_due_at ?? Infinity;
          const start = earliestSlot(minuteTable(e, from, to, NOW), hours * 60, units, due);
          if (start !== null) expected.set(e.id, start);
        }
        const got = new Map(result.candidates.map((c) => [c.equipment.id, c.slot!.start]));
        // Every returned candidate is feasible at exactly its earliest start; when fewer than the
        // limit came back, none is missing.
        for (const [id, start] of got)
          expect({ serviceType, id, start }).toEqual({ serviceType, id, start: expected.get(id) });
        if (got.size < 50) expect(got.size).toBe(expected.size);
        else {
          const cutoff = Math.max(...got.values());
          for (const [id, start] of expected)
            if (start < cutoff)
              expect({ serviceType, id, returned: got.has(id) }).toMatchObject({ returned: true });
        }
        queries++;
        candidates += got.size;
      }
    console.log(`demo hub: ${queries} queries, ${candidates} candidates checked`);
    expect(candidates).toBeGreaterThan(20);
  });
});

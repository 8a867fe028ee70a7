// Unit conversions exact at the bounds a user types: every envelope bound of every seeded
// equipment, written in every unit of its key, finds that equipment in the search (SQL) and meets
// the hub's parameter check (code); a bound just beyond it does not.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed";
import type { ParameterKey } from "@/db/reference/parameters";
import { fromCanonical, unitsFor } from "@/server/services/registry/units";
import { paramCheck } from "@/server/services/hub/match-requirements";
import { searchEquipment } from "@/server/services/registry/search-equipment";
import { freshDb } from "../helpers/test-db";

const NOW = Date.UTC(2026, 10, 27, 4, 30);
const { db, dir } = freshDb();

type Envelope = {
  equipment_id: number;
  name: string;
  key: ParameterKey;
  unit: string;
  min: number | null;
  max: number | null;
};
let envelopes: Envelope[] = [];

beforeAll(() => {
  seedDemo(db, { now: NOW, dataDir: dir, passwordHash: "x" });
  envelopes = db.$client
    .prepare(
      `SELECT p.equipment_id, e.name, p.key, p.unit, p.min, p.max FROM equipment_params p
       JOIN equipment e ON e.id = p.equipment_id JOIN facilities f ON f.id = e.facility_id
       WHERE f.status = 'active' AND e.status != 'retired' AND e.sharing = 'external'`,
    )
    .all() as Envelope[];
});

/** What a person types: the converted value to 12 significant digits. */
const typed = (key: ParameterKey, canonical: number, unit: string) =>
  Number(fromCanonical(key, canonical, unit)!.toPrecision(12));

/** Whether the search for one range over all equipment returns this one. */
function searchFinds(e: Envelope, range: { unit: string; min?: number; max?: number }) {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const res = searchEquipment(db, {
      params: [{ key: e.key, ...range }],
      category: undefined,
      q: e.name,
      page,
      pageSize: 50,
    });
    ids.push(...res.items.map((i) => i.id));
    if (page >= res.pages) break;
  }
  return ids.includes(e.equipment_id);
}

describe("capability ranges at exact boundaries", () => {
  it("finds every seeded envelope by its own bounds in every unit, and not a hair beyond", () => {
    let cases = 0;
    expect(envelopes.length).toBeGreaterThan(100);
    for (const e of envelopes) {
      for (const unit of unitsFor(e.key)) {
        const ranges: { unit: string; min?: number; max?: number; meets: boolean }[] = [];
        if (e.max !== null) {
          ranges.push({ unit, min: typed(e.key, e.max, unit), meets: true });
          const beyond = e.max + Math.max(Math.abs(e.max), 1) * 1e-6;
          ranges.push({ unit, min: typed(e.key, beyond, unit), meets: false });
        }
        if (e.min !== null) {
          ranges.push({ unit, max: typed(e.key, e.min, unit), meets: true });
          const below = e.min - Math.max(Math.abs(e.min), 1) * 1e-6;
          ranges.push({ unit, max: typed(e.key, below, unit), meets: false });
        }
        if (e.min !== null && e.max !== null)
          ranges.push({
            unit,
            min: typed(e.key, e.min, unit),
            max: typed(e.key, e.max, unit),
            meets: true,
          });
        for (const { meets, ...range } of ranges) {
          cases++;
          const check = paramCheck({ key: e.key, ...range }, e);
          expect({ e, range, met: check.met }).toEqual({ e, range, met: meets });
          expect({ e, range, found: searchFinds(e, range) }).toEqual({ e, range, found: meets });
        }
      }
    }
    console.log(`unit boundaries: ${cases} cases over ${envelopes.length} envelopes`);
  });

  it("reads the issue's examples exactly: −94…356 °F is −70…180 °C, 0…20,000,000 Pa is 0…200 bar", () => {
    const e = envelopes.find((x) => x.key === "temperature")!;
    db.$client
      .prepare(
        `UPDATE equipment_params SET min = -70, max = 180 WHERE equipment_id = ? AND key = ?`,
      )
      .run(e.equipment_id, e.key);
    const at = { ...e, min: -70, max: 180 };
    expect(searchFinds(at, { unit: "°F", min: -94, max: 356 })).toBe(true);
    expect(paramCheck({ key: "temperature", unit: "°F", min: -94, max: 356 }, at).met).toBe(true);
    const p = envelopes.find((x) => x.key === "pressure")!;
    db.$client
      .prepare(`UPDATE equipment_params SET min = 0, max = 200 WHERE equipment_id = ? AND key = ?`)
      .run(p.equipment_id, p.key);
    const bar = { ...p, min: 0, max: 200 };
    expect(searchFinds(bar, { unit: "Pa", min: 0, max: 20_000_000 })).toBe(true);
    expect(searchFinds(bar, { unit: "psi", min: 0, max: 2900.75475376 })).toBe(true);
    expect(searchFinds(bar, { unit: "psi", min: 0, max: 2900.76 })).toBe(false);
  });
});

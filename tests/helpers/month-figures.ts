// The monthly figures as the triggers kept them, and as a rebuild from the rows makes them: tests
// compare the two after changes (random ones, and races between processes).
import { expect } from "vitest";
import type { DB } from "@/db/client";
import { rebuildMonthFigures } from "@/db/calendar-months";

function snapshot(db: DB) {
  const rows = (q: string) => db.$client.prepare(q).all();
  const nonZero = `WHERE booked != 0 OR used != 0 OR external != 0 OR in_house != 0`;
  return {
    equipment: rows(`SELECT * FROM equipment_months
      ${nonZero} OR ended != 0 OR ended_recorded != 0 OR response_ms != 0 OR responses != 0
      ORDER BY 1, 2`),
    years: rows(`SELECT * FROM equipment_years
      ${nonZero} OR ended != 0 OR ended_recorded != 0 OR response_ms != 0 OR responses != 0
      ORDER BY 1, 2`),
    facility: rows(`SELECT * FROM facility_months ${nonZero} ORDER BY 1, 2`),
    firms: rows(`SELECT * FROM equipment_month_firms WHERE uses != 0 ORDER BY 1, 2, 3`),
  };
}

/** [kept by the triggers, rebuilt from the rows]; the rebuilt figures stay in the database. */
export function keptAndRebuilt(db: DB) {
  const kept = snapshot(db);
  rebuildMonthFigures(db.$client);
  return [kept, snapshot(db)] as const;
}

/** Fails unless the triggers kept what a rebuild makes. */
export function expectMonthFiguresKept(db: DB) {
  const [kept, rebuilt] = keptAndRebuilt(db);
  expect(kept).toEqual(rebuilt);
}

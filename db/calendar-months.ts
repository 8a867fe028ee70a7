// The network's calendar months as instants (for the monthly figures' triggers, migration 0020),
// and the figures rebuilt from the rows: on the first start after the migration, and by tests that
// check the triggers against a rebuild.
import type Database from "better-sqlite3";
import { localToUtc, NETWORK_TIME_ZONE } from "./local-time";

const FIRST_YEAR = 1990;
const LAST_YEAR = 2200;

/** The months `m` that the row `r` overlaps (as the triggers find them). */
const overlap = (r: string) => `m.start >= (SELECT MAX(c.start) FROM calendar_months c
    WHERE c.start <= ${r}.start) AND m.start < ${r}."end" AND m."end" > ${r}.start`;
const span = (r: string) => `(MIN(${r}."end", m."end") - MAX(${r}.start, m.start)) * ${r}.units`;

/** The figures of every month from the rows, per equipment and per facility (`key`). */
const rebuild = (table: string, key: string) => `
  INSERT INTO ${table} (${key}, month, booked)
  SELECT r.${key}, m.start, SUM(${span("r")}) FROM reservations r CROSS JOIN calendar_months m
  WHERE ${overlap("r")} AND r.kind = 'booking' AND r.released_at IS NULL AND r.equipment_id IS NOT NULL
  GROUP BY 1, 2;
  INSERT INTO ${table} (${key}, month, used, external, in_house)
  SELECT u.${key}, m.start, SUM(${span("u")}),
    SUM(CASE WHEN u.kind = 'external' THEN ${span("u")} ELSE 0 END),
    SUM(CASE WHEN u.kind = 'inHouse' THEN ${span("u")} ELSE 0 END)
  FROM equipment_use u CROSS JOIN calendar_months m WHERE ${overlap("u")} AND u."end" IS NOT NULL
  GROUP BY 1, 2
  ON CONFLICT (${key}, month) DO UPDATE SET used = excluded.used, external = excluded.external,
    in_house = excluded.in_house;`;

export function rebuildMonthFigures(client: Database.Database): void {
  client.transaction(() => {
    // equipment_years follows equipment_months through its triggers.
    client.exec(`DELETE FROM equipment_months; DELETE FROM equipment_years;
      DELETE FROM facility_months; DELETE FROM equipment_month_firms;`);
    client.exec(rebuild("equipment_months", "equipment_id"));
    client.exec(rebuild("facility_months", "facility_id"));
    client.exec(`
      INSERT INTO equipment_months (equipment_id, month, ended, ended_recorded)
      SELECT b.equipment_id, m.start, COUNT(*),
        SUM(EXISTS (SELECT 1 FROM equipment_use x WHERE x.request_id = b.request_id))
      FROM reservations b JOIN calendar_months m
        ON m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start < b."end")
      WHERE b.kind = 'booking' AND b.released_at IS NULL AND b.equipment_id IS NOT NULL
        AND b.request_id IS NOT NULL
      GROUP BY 1, 2
      ON CONFLICT (equipment_id, month) DO UPDATE SET ended = excluded.ended,
        ended_recorded = excluded.ended_recorded;
      INSERT INTO equipment_months (equipment_id, month, response_ms, responses)
      SELECT r.quote_equipment_id, m.start, SUM(r.quoted_at - COALESCE(r.routed_at, r.created_at)),
        COUNT(*)
      FROM booking_requests r JOIN calendar_months m
        ON m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= r.quoted_at)
      WHERE r.quoted_at IS NOT NULL AND r.quote_equipment_id IS NOT NULL
      GROUP BY 1, 2
      ON CONFLICT (equipment_id, month) DO UPDATE SET response_ms = excluded.response_ms,
        responses = excluded.responses;`);
    client.exec(`
      INSERT INTO equipment_month_firms (equipment_id, month, firm_id, uses)
      SELECT u.equipment_id, m.start, u.firm_id, COUNT(*) FROM equipment_use u CROSS JOIN calendar_months m
      WHERE ${overlap("u")} AND u."end" IS NOT NULL AND u.kind = 'external' AND u.firm_id IS NOT NULL
      GROUP BY 1, 2, 3;`);
  })();
}

/** Fills calendar_months (once) and then builds the figures from the rows already there. */
export function ensureMonthFigures(client: Database.Database): void {
  const filled = client.prepare(`SELECT EXISTS (SELECT 1 FROM calendar_months)`).pluck().get();
  if (filled) return;
  const insert = client.prepare(
    `INSERT INTO calendar_months (start, "end", key, year) VALUES (?, ?, ?, ?)`,
  );
  client.transaction(() => {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++)
      for (let month = 1; month <= 12; month++) {
        const next = month === 12 ? [year + 1, 1] : [year, month + 1];
        insert.run(
          localToUtc(year, month, 1, 0, NETWORK_TIME_ZONE),
          localToUtc(next[0], next[1], 1, 0, NETWORK_TIME_ZONE),
          `${year}-${String(month).padStart(2, "0")}`,
          localToUtc(year, 1, 1, 0, NETWORK_TIME_ZONE),
        );
      }
  })();
  rebuildMonthFigures(client);
}

// The monthly figures kept by triggers (migration 0020) equal the figures rebuilt from the rows,
// after every kind of change the app makes to bookings and uses: insert, release, move, resize,
// hold becoming a booking, check-out, reclassification and delete, across month ends; and quotes
// given, moved and withdrawn.
import { describe, expect, it } from "vitest";
import { addLocalDays, parseLocal, NETWORK_TIME_ZONE } from "@/db/local-time";
import { classifyUsesSql } from "@/db/use-kind";
import { bookingRequests, equipment, facilities, firms, users } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { sql } from "drizzle-orm";
import { monthFigures } from "@/server/services/scheduling/month-figures";
import { recordedUseCube } from "@/server/services/scheduling/use-cube";
import { freshDb } from "../helpers/test-db";
import { keptAndRebuilt } from "../helpers/month-figures";

const H = 3_600_000;
const START = parseLocal("2026-11-20T00:00", NETWORK_TIME_ZONE);
const { db } = freshDb();
const c = db.$client;

describe("monthly figures", () => {
  it("stay equal to a rebuild from the rows through random changes", () => {
    let seed = 7; // mulberry32
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
    };
    const fac = (slug: string, creditCode: string | null) =>
      db
        .insert(facilities)
        .values({
          slug,
          nameEn: slug,
          nameZh: slug,
          prefecture: "chengdu",
          fields: [],
          creditCode,
          openingHours: openingHoursPresets.continuous,
        })
        .returning()
        .get().id;
    const [a, b] = [fac("a", "HOST"), fac("b", null)];
    const eq = (facilityId: number, units: number) =>
      db
        .insert(equipment)
        .values({ facilityId, name: "E", category: "c", units, hourlyRateFen: 1 })
        .returning()
        .get().id;
    const equipmentIds = [eq(a, 3), eq(a, 1), eq(b, 2)];
    const firm = (creditCode: string) =>
      db
        .insert(firms)
        .values({
          name: creditCode,
          creditCode,
          size: "small",
          industry: "chemicals",
          prefecture: "chengdu",
        })
        .returning()
        .get().id;
    const firmIds = [firm("HOST"), firm("OUT")];
    const user = db
      .insert(users)
      .values({ email: "op@x.cn", name: "Op", passwordHash: "x", role: "admin" })
      .returning()
      .get().id;
    const requestIds = Array.from(
      { length: 30 },
      (_, i) =>
        db
          .insert(bookingRequests)
          .values({
            ref: `R${i}`,
            firmId: firmIds[i % 2],
            requesterId: user,
            facilityId: i % 3 ? a : b,
            serviceType: "testing",
            title: "t",
            earliestStart: START,
            deadline: addLocalDays(START, 99, NETWORK_TIME_ZONE),
            hours: 2,
            status: "confirmed",
          })
          .returning()
          .get().id,
    );
    const t = Date.now();
    const facilityOf = (e: number) => (e === equipmentIds[2] ? b : a);
    const slot = () => {
      const start = START + rand(24 * 80) * H;
      return { start, end: start + (1 + rand(24 * 40)) * H };
    };
    let checked = 0;
    const seen = { firms: false, ended: false, responses: false };
    for (let step = 0; step < 600; step++) {
      const e = equipmentIds[rand(3)];
      const s = slot();
      const op = rand(10);
      const someRow = (table: string) => {
        const n = c.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
        return c
          .prepare(`SELECT id FROM ${table} ORDER BY id LIMIT 1 OFFSET ?`)
          .pluck()
          .get(rand(Math.max(1, n))) as number | undefined;
      };
      const someReservation = () => someRow("reservations");
      const someUse = () => someRow("equipment_use");
      if (op <= 2)
        c.prepare(
          `INSERT INTO reservations (facility_id, equipment_id, request_id, kind, start, "end", units, expires_at, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          facilityOf(e),
          e,
          requestIds[rand(30)],
          ["booking", "hold", "maintenance"][rand(3)],
          s.start,
          s.end,
          1 + rand(2),
          s.end,
          t,
        );
      else if (op === 3) {
        const id = someReservation();
        if (id) c.prepare(`UPDATE reservations SET released_at = ? WHERE id = ?`).run(t, id);
      } else if (op === 4) {
        const id = someReservation();
        if (id)
          c.prepare(
            `UPDATE reservations SET start = ?, "end" = ?, units = ?, kind = 'booking', released_at = NULL WHERE id = ?`,
          ).run(s.start, s.end, 1 + rand(3), id);
      } else if (op === 5) {
        const id = someReservation();
        if (id) c.prepare(`DELETE FROM reservations WHERE id = ?`).run(id);
      } else if (op === 6)
        c.prepare(
          `INSERT INTO equipment_use (facility_id, equipment_id, request_id, start, "end", units, recorded_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          facilityOf(e),
          e,
          rand(3) ? requestIds[rand(30)] : null,
          s.start,
          rand(4) ? s.end : null,
          1 + rand(2),
          user,
          t,
          t,
        );
      else if (op === 7) {
        const id = someUse();
        if (id)
          c.prepare(`UPDATE equipment_use SET "end" = COALESCE("end", start + ?) WHERE id = ?`).run(
            (1 + rand(30)) * H,
            id,
          );
      } else if (op === 8) {
        c.exec(classifyUsesSql("1 = 1"));
        c.prepare(`UPDATE facilities SET credit_code = ? WHERE id = ?`).run(
          rand(2) ? "OUT" : null,
          b,
        );
      } else {
        const id = someUse();
        if (id) c.prepare(`DELETE FROM equipment_use WHERE id = ?`).run(id);
      }
      if (rand(3) === 0)
        c.prepare(
          `UPDATE booking_requests SET quoted_at = ?, quote_equipment_id = ?, routed_at = ? WHERE id = ?`,
        ).run(
          rand(4) ? s.start : null,
          rand(4) ? e : null,
          rand(3) ? null : s.start - H,
          requestIds[rand(30)],
        );
      if (step % 50 === 49) {
        const [kept, rebuilt] = keptAndRebuilt(db);
        expect(kept).toEqual(rebuilt);
        const rows = kept.equipment as {
          ended: number;
          ended_recorded: number;
          responses: number;
        }[];
        seen.firms ||= kept.firms.length > 0;
        seen.ended ||= rows.some((r) => r.ended_recorded > 0 && r.ended > r.ended_recorded);
        seen.responses ||= rows.some((r) => r.responses > 0);
        checked++;
      }
    }
    expect(checked).toBe(12);
    // What the checks saw: outside firms, bookings ended with and without a use, responses.
    expect(seen).toEqual({ firms: true, ended: true, responses: true });
  });

  it("read over any run of whole months: years less or plus months equal the months summed", () => {
    const at = (v: string) => parseLocal(v, NETWORK_TIME_ZONE);
    const ranges = [
      ["2026-11-01", "2027-01-01", "2026-12-01"],
      ["2026-01-01", "2027-01-01", "2026-12-01"],
      ["2026-12-01", "2027-11-01", "2027-02-01"],
      ["2026-03-01", "2027-04-01", "2027-04-01"],
      ["2025-01-01", "2028-01-01", "2026-01-01"],
    ].map(([from, to, before]) => ({ start: at(from), end: at(to), before: at(before) }));
    for (const r of ranges) {
      const read = monthFigures(db, sql`1 = 1`, r, r.before);
      const direct = c
        .prepare(
          `SELECT equipment_id AS id, SUM(booked) AS booked, SUM(used) AS used,
            SUM(external) AS external, SUM(in_house) AS inHouse, SUM(response_ms) AS responseMs,
            SUM(responses) AS responses,
            SUM(CASE WHEN month < ? THEN ended - ended_recorded ELSE 0 END) AS noShows
          FROM equipment_months WHERE month >= ? AND month < ? GROUP BY equipment_id`,
        )
        .all(r.before, r.start, r.end) as { id: number }[];
      expect(direct.length).toBeGreaterThan(0);
      for (const d of direct) expect(read.byEquipment.get(d.id)).toEqual(d);
    }
  });

  it("count no-shows up to now alike whether now's month is read to now or whole less the rest", () => {
    const at = (v: string) => parseLocal(v, NETWORK_TIME_ZONE);
    const from = at("2026-10-01T00:00");
    const to = at("2027-04-01T00:00");
    const direct = c.prepare(
      `SELECT b.equipment_id AS id, COUNT(*) AS n FROM reservations b
      WHERE b.kind = 'booking' AND b.request_id IS NOT NULL AND b.released_at IS NULL
        AND b."end" > ? AND b."end" <= ?
        AND NOT EXISTS (SELECT 1 FROM equipment_use x WHERE x.request_id = b.request_id)
      GROUP BY 1`,
    );
    let counted = 0;
    // Early in a month (read to now), late in one (whole less the rest), a month's first instant,
    // and before and after the period.
    for (const now of [
      "2026-11-03T10:00",
      "2026-11-28T15:37",
      "2026-12-01T00:00",
      "2026-12-19T23:59",
      "2027-01-31T12:00",
      "2026-09-01T00:00",
      "2027-05-01T00:00",
    ]) {
      const use = recordedUseCube(db, sql`1 = 1`, from, to, at(now));
      const expected = new Map(
        (direct.all(from, Math.min(to, at(now))) as { id: number; n: number }[]).map((x) => [
          x.id,
          x.n,
        ]),
      );
      for (const [id, n] of expected) expect(use.byEquipment.get(id)?.noShows, now).toBe(n);
      for (const [id, r] of use.byEquipment) expect(r.noShows, now).toBe(expected.get(id) ?? 0);
      counted += [...expected.values()].reduce((s, n) => s + n, 0);
    }
    expect(counted).toBeGreaterThan(0);
  });
});

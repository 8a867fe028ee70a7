// The demo data: size and variety the walk-through needs, every status, events for every
// transition, and reservations that satisfy the scheduling invariant.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo, DEMO_PASSWORD } from "@/db/seed";
import { technologyFields, requestStatuses, serviceTypes } from "@/db/schema/enums";
import type { OpeningHours } from "@/db/schema/registry";
import { hashPassword } from "@/server/auth/password";
import { creditCodeProblem } from "@/server/services/firms/credit-code";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import type { DB } from "@/db/client";
import { freshDb, tableCounts } from "../helpers/test-db";

const NOW = Date.UTC(2026, 10, 27, 4, 30);
const { db, dir } = freshDb();
const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string) => db.$client.prepare(sql).get() as T;

beforeAll(async () => {
  seedDemo(db, { now: NOW, dataDir: dir, passwordHash: await hashPassword(DEMO_PASSWORD) });
});

describe("demo seed", () => {
  it("has the hub, the 17 published platforms and generated facilities across ≥10 prefectures and every field", () => {
    expect(one<{ n: number }>(`SELECT COUNT(*) n FROM facilities WHERE kind='hub'`).n).toBe(1);
    expect(
      one<{ n: number }>(
        `SELECT COUNT(*) n FROM facilities WHERE from_published_list=1 AND kind='facility'`,
      ).n,
    ).toBe(17);
    expect(one<{ n: number }>(`SELECT COUNT(*) n FROM facilities`).n).toBeGreaterThanOrEqual(24);
    expect(
      one<{ n: number }>(`SELECT COUNT(DISTINCT prefecture) n FROM facilities`).n,
    ).toBeGreaterThanOrEqual(10);
    const fields = all<{ f: string }>(
      `SELECT DISTINCT j.value f FROM facilities, json_each(facilities.fields) j`,
    ).map((r) => r.f);
    for (const f of [
      "ai",
      "aerospace",
      "advanced_equipment",
      "biomanufacturing",
      "clean_energy",
      "advanced_materials",
      "electronic_information",
    ])
      expect(fields).toContain(f);
    for (const f of fields) expect(technologyFields).toContain(f);
  });

  it("has ≥120 equipment with parameters, units > 1, maintenance, and calibration due soon and past", () => {
    expect(one<{ n: number }>(`SELECT COUNT(*) n FROM equipment`).n).toBeGreaterThanOrEqual(120);
    expect(
      one<{ n: number }>(
        `SELECT COUNT(*) n FROM equipment e WHERE NOT EXISTS (SELECT 1 FROM equipment_params p WHERE p.equipment_id = e.id)`,
      ).n,
    ).toBe(0);
    expect(
      one<{ n: number }>(`SELECT COUNT(*) n FROM equipment WHERE units > 1`).n,
    ).toBeGreaterThan(5);
    expect(
      one<{ n: number }>(`SELECT COUNT(*) n FROM equipment WHERE status='maintenance'`).n,
    ).toBeGreaterThan(0);
    expect(
      one<{ n: number }>(`SELECT COUNT(*) n FROM equipment WHERE calibration_due_at < ${NOW}`).n,
    ).toBeGreaterThan(0);
    expect(
      one<{ n: number }>(
        `SELECT COUNT(*) n FROM equipment WHERE calibration_due_at BETWEEN ${NOW} AND ${NOW + 30 * 86_400_000}`,
      ).n,
    ).toBeGreaterThan(0);
    expect(
      one<{ n: number }>(`SELECT COUNT(DISTINCT category) n FROM equipment`).n,
    ).toBeGreaterThanOrEqual(20);
    const reactor = all<{ max: number }>(
      `SELECT p.max FROM equipment e JOIN equipment_params p ON p.equipment_id=e.id WHERE e.category='jacketed_reactor' AND p.key='volume' AND p.max >= 500 AND e.status='operational'`,
    );
    expect(reactor.length).toBeGreaterThan(0);
  });

  it("has ≥60 services of all six types citing standards", () => {
    expect(one<{ n: number }>(`SELECT COUNT(*) n FROM services`).n).toBeGreaterThanOrEqual(60);
    expect(
      all<{ type: string }>(`SELECT DISTINCT type FROM services`)
        .map((r) => r.type)
        .sort(),
    ).toEqual([...serviceTypes].sort());
    expect(
      one<{ n: number }>(`SELECT COUNT(*) n FROM services WHERE json_array_length(standards) = 0`)
        .n,
    ).toBe(0);
  });

  it("has ≥12 firms with valid credit codes, of all sizes and several prefectures", () => {
    const firms = all<{ credit_code: string; size: string; prefecture: string }>(
      `SELECT credit_code, size, prefecture FROM firms`,
    );
    expect(firms.length).toBeGreaterThanOrEqual(12);
    for (const f of firms) expect(creditCodeProblem(f.credit_code), f.credit_code).toBeNull();
    expect(new Set(firms.map((f) => f.size)).size).toBe(4);
    expect(new Set(firms.map((f) => f.prefecture)).size).toBeGreaterThanOrEqual(5);
  });

  it("has the demo accounts of the README", () => {
    const emails = all<{ email: string; role: string }>(`SELECT email, role FROM users`);
    for (const [email, role] of [
      ["firm@pilot.demo", "firm"],
      ["firm2@pilot.demo", "firm"],
      ["operator@pilot.demo", "operator"],
      ["coordinator@pilot.demo", "coordinator"],
      ["admin@pilot.demo", "admin"],
    ])
      expect(emails).toContainEqual({ email, role });
  });

  it("has ≥300 requests in every status, past and future", () => {
    expect(one<{ n: number }>(`SELECT COUNT(*) n FROM booking_requests`).n).toBeGreaterThanOrEqual(
      300,
    );
    expect(
      all<{ status: string }>(`SELECT DISTINCT status FROM booking_requests`)
        .map((r) => r.status)
        .sort(),
    ).toEqual([...requestStatuses].sort());
    expect(
      one<{ n: number }>(
        `SELECT COUNT(*) n FROM booking_requests WHERE created_at < ${NOW - 300 * 86_400_000}`,
      ).n,
    ).toBeGreaterThan(0);
    expect(
      one<{ n: number }>(
        `SELECT COUNT(*) n FROM reservations WHERE start > ${NOW + 30 * 86_400_000} AND kind='booking'`,
      ).n,
    ).toBeGreaterThan(0);
    expect(
      one<{ n: number }>(
        `SELECT COUNT(*) n FROM booking_requests WHERE facility_id IS NULL AND status='submitted'`,
      ).n,
    ).toBeGreaterThan(0);
    expect(
      one<{ n: number }>(`SELECT COUNT(*) n FROM booking_requests WHERE created_at > ${NOW}`).n,
    ).toBe(0);
    const refs = all<{ ref: string }>(`SELECT ref FROM booking_requests`).map((r) => r.ref);
    for (const ref of refs) expect(ref).toMatch(/^PT-\d{4}-\d{6}$/);
  });

  it("records an event for every transition, ending in the request's status, in time order", () => {
    expectEventsConsistent(db, NOW);
  });

  it("satisfies the scheduling invariant", () => {
    expect(findInvariantViolations(db, NOW)).toEqual([]);
  });

  it("places every booking and hold inside opening hours, within min/max hours, after lead days", () => {
    expectReservationsWithinRules(db);
  });

  // One test per seeding day: each seeding takes several seconds on a busy machine.
  it.each([1, 2, 3, 5, 6, 40, 200])(
    "keeps every rule whatever the day it is seeded on (+%i days)",
    (shift) => {
      const other = freshDb();
      const now = NOW + shift * 86_400_000 + shift * 3_613_000;
      seedDemo(other.db, { now, dataDir: other.dir, passwordHash: "x" });
      expect(
        findInvariantViolations(other.db, now),
        `seeded at ${new Date(now).toISOString()}`,
      ).toEqual([]);
      expectEventsConsistent(other.db, now);
      expectReservationsWithinRules(other.db);
    },
  );

  it("requires a report on every completed inspection, testing or verification request", () => {
    expect(
      one<{
        n: number;
      }>(`SELECT COUNT(*) n FROM booking_requests r WHERE r.status='completed' AND r.service_type IN ('inspection','testing','verification')
        AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.request_id = r.id AND a.kind='report')`)
        .n,
    ).toBe(0);
  });

  it("is deterministic for a given moment", async () => {
    const other = freshDb();
    seedDemo(other.db, { now: NOW, dataDir: other.dir, passwordHash: "x" });
    expect(tableCounts(other.db)).toEqual(tableCounts(db));
    const pick = (d: typeof db) =>
      d.$client
        .prepare(`SELECT ref, status, created_at, quote_start FROM booking_requests ORDER BY id`)
        .all();
    expect(pick(other.db)).toEqual(pick(db));
  });
});

function expectEventsConsistent(db: DB, NOW: number) {
  const all = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
  const one = <T>(sql: string) => db.$client.prepare(sql).get() as T;
  const rows = all<{
    id: number;
    status: string;
    first_from: string | null;
    first_to: string;
    last_to: string;
    ordered: number;
  }>(`
    SELECT r.id, r.status,
      (SELECT from_status FROM request_events e WHERE e.request_id = r.id ORDER BY created_at, e.id LIMIT 1) first_from,
      (SELECT to_status FROM request_events e WHERE e.request_id = r.id ORDER BY created_at, e.id LIMIT 1) first_to,
      (SELECT to_status FROM request_events e WHERE e.request_id = r.id ORDER BY created_at DESC, e.id DESC LIMIT 1) last_to,
      (SELECT COUNT(*) FROM request_events e WHERE e.request_id = r.id AND e.created_at > ${NOW}) ordered
    FROM booking_requests r`);
  for (const r of rows) {
    expect(r.first_from, `request ${r.id}`).toBeNull();
    expect(r.first_to).toBe("submitted");
    expect(r.last_to, `request ${r.id}`).toBe(r.status);
    expect(r.ordered, `future event on ${r.id}`).toBe(0);
  }
  // each event's from-status is the previous event's to-status
  const broken = one<{ n: number }>(`
    SELECT COUNT(*) n FROM request_events e
    WHERE e.from_status IS NOT NULL AND e.from_status != (
      SELECT p.to_status FROM request_events p WHERE p.request_id = e.request_id AND (p.created_at < e.created_at OR (p.created_at = e.created_at AND p.id < e.id))
      ORDER BY p.created_at DESC, p.id DESC LIMIT 1)`);
  expect(broken.n).toBe(0);
}

function expectReservationsWithinRules(db: DB) {
  const all = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
  const rows = all<{
    start: number;
    end: number;
    created_at: number;
    opening_hours: string;
    lead_days: number;
    min_hours: number;
    max_hours: number;
  }>(`
    SELECT r.start, r."end", r.created_at, f.opening_hours, e.lead_days, e.min_hours, e.max_hours
    FROM reservations r JOIN equipment e ON e.id = r.equipment_id JOIN facilities f ON f.id = r.facility_id
    WHERE r.kind IN ('hold','booking')`);
  expect(rows.length).toBeGreaterThan(200);
  const OFFSET = 8 * 3_600_000;
  for (const r of rows) {
    const hours = JSON.parse(r.opening_hours) as OpeningHours;
    // walk the reservation minute by minute in 30-minute steps (all seed times are on the half
    // hour)
    for (let t = r.start; t < r.end; t += 30 * 60_000) {
      const local = new Date(t + OFFSET);
      const weekday = String((local.getUTCDay() + 6) % 7) as keyof OpeningHours;
      const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
      const open = hours[weekday].some(([a, b]) => {
        const [ah, am] = a.split(":").map(Number);
        const [bh, bm] = b.split(":").map(Number);
        return minute >= ah * 60 + am && minute < bh * 60 + bm;
      });
      expect(open, `reservation at ${new Date(r.start).toISOString()}`).toBe(true);
    }
    const h = (r.end - r.start) / 3_600_000;
    expect(h).toBeGreaterThanOrEqual(r.min_hours);
    expect(h).toBeLessThanOrEqual(r.max_hours);
    expect(r.start - r.created_at).toBeGreaterThanOrEqual(r.lead_days * 86_400_000);
  }
}

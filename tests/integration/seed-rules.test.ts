// The demo data obeys every rule the app enforces: each seeded quote passes the firm's accept
// checks (accepting it succeeds), each started request started when starting was allowed, and
// each completed request passes the completion checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed";
import { setClockForTests } from "@/server/services/clock";
import { assertReportFiled, startOpensAt } from "@/server/services/booking/work-gates";
import { callerFor, freshDb } from "../helpers/test-db";

type Row = {
  id: number;
  ref: string;
  status: string;
  requesterId: number;
  serviceType: string;
  facilityId: number | null;
  quoteStart: number | null;
  startedAt: number | null;
  version: number;
};

// Two moments: the seed test's day and one a season later, so the rules hold whatever the day.
describe.each([Date.UTC(2026, 10, 27, 4, 30), Date.UTC(2027, 2, 14, 9, 10)])(
  "demo data seeded at %i",
  (NOW) => {
    const { db, dir } = freshDb();
    const rows = (status: string) =>
      db.$client
        .prepare(
          `SELECT id, ref, status, requester_id requesterId, service_type serviceType,
            facility_id facilityId, quote_start quoteStart, started_at startedAt, version
           FROM booking_requests WHERE status = ? ORDER BY id`,
        )
        .all(status) as Row[];
    const startedEarly = (id: number) =>
      db.$client
        .prepare(
          `SELECT 1 FROM request_events WHERE request_id = ? AND to_status = 'in_progress'
           AND note_code = 'startedEarly'`,
        )
        .get(id) !== undefined;

    beforeAll(() => {
      seedDemo(db, { now: NOW, dataDir: dir, passwordHash: "x" });
      setClockForTests(NOW);
    });
    afterAll(() => setClockForTests(null));

    it("lets the firm accept every seeded quote", async () => {
      const quoted = rows("quoted");
      expect(quoted.length).toBeGreaterThan(5);
      const refused: string[] = [];
      for (const r of quoted) {
        try {
          const out = await callerFor(db, r.requesterId).request.accept({
            id: r.id,
            version: r.version,
          });
          expect(out.status).toBe("confirmed");
        } catch (e) {
          refused.push(`${r.ref}: ${(e as Error).message}`);
        }
      }
      expect(refused).toEqual([]);
    });

    it("started every started request when starting was allowed", () => {
      const started = [...rows("in_progress"), ...rows("completed")];
      expect(started.length).toBeGreaterThan(100);
      const early = started.filter((r) => {
        const opensAt = startOpensAt(db, r);
        return opensAt !== null && r.startedAt! < opensAt && !startedEarly(r.id);
      });
      expect(early.map((r) => r.ref)).toEqual([]);
    });

    it("invoices only completed work, within the quote, and takes no more than each invoice", () => {
      const q = (sql: string) => db.$client.prepare(sql).all();
      expect(
        q(`SELECT r.ref FROM invoices i JOIN booking_requests r ON r.id = i.request_id
           WHERE r.status != 'completed' OR i.amount_fen > r.quote_amount_fen`),
      ).toEqual([]);
      expect(
        q(`SELECT i.number FROM invoices i JOIN payments p ON p.invoice_id = i.id
           GROUP BY i.id HAVING SUM(p.amount_fen) > i.amount_fen`),
      ).toEqual([]);
      expect(
        (db.$client.prepare(`SELECT COUNT(*) n FROM payments`).get() as { n: number }).n,
      ).toBeGreaterThan(20);
    });

    it("files a report wherever completion needs one", () => {
      const missing: string[] = [];
      for (const r of rows("completed")) {
        try {
          assertReportFiled(db, r);
        } catch {
          missing.push(r.ref);
        }
      }
      expect(missing).toEqual([]);
    });

    it("records the use of every completed booking, inside its slot, and never more units at once than the equipment has", () => {
      const unrecorded = db.$client
        .prepare(
          `SELECT r.ref FROM booking_requests r WHERE r.status = 'completed'
             AND NOT EXISTS (SELECT 1 FROM equipment_use u WHERE u.request_id = r.id)`,
        )
        .all();
      expect(unrecorded).toEqual([]);
      const outside = db.$client
        .prepare(
          `SELECT u.id FROM equipment_use u JOIN reservations s ON s.id = u.reservation_id
           WHERE u.start < s.start OR u.end > s.end OR u.end <= u.start`,
        )
        .all();
      expect(outside).toEqual([]);
      // Peak units in use per equipment, over every start: never above the equipment's units.
      const over = db.$client
        .prepare(
          `SELECT a.id FROM equipment_use a JOIN equipment e ON e.id = a.equipment_id
           WHERE (SELECT SUM(b.units) FROM equipment_use b WHERE b.equipment_id = a.equipment_id
                  AND b.start <= a.start AND (b.end IS NULL OR b.end > a.start)) > e.units`,
        )
        .all();
      expect(over).toEqual([]);
    });
  },
);

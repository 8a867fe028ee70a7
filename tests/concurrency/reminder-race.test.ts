// Two app processes run the reminder job at the same instant on one database file: every due
// reminder is sent once, and each recipient has exactly one message of it (in-app and by email).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, like } from "drizzle-orm";
import { emailOutbox, notifications, remindersSent } from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { freshDb, callerFor } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR } from "../helpers/booking-fixture";
import { runTogether } from "./spawn";

const { db, file } = freshDb();
const QUOTES = 20;
const requestIds: number[] = [];
let firmEmail = "";

beforeAll(async () => {
  const fx = await makeBookingFixture(db);
  firmEmail = fx.firmUser.email;
  setClockForTests(NOW);
  const firm = callerFor(db, fx.firmUser.id);
  const op = callerFor(db, fx.operator.id);
  const days = [1, 2, 3, 4, 7, 8, 9];
  for (let i = 0; i < QUOTES; i++) {
    const { id } = await firm.request.submit(
      requestBody({ equipmentId: fx.chamber.id, serviceType: "testing", hours: 2 }),
    );
    const start = at(days[Math.floor(i / 3)], 9 + 2 * (i % 3));
    await op.request.quote({
      id,
      equipmentId: fx.chamber.id,
      start,
      end: start + 2 * HOUR,
      units: 1,
      amountFen: 50_000,
      validUntil: NOW + 20 * HOUR,
    });
    requestIds.push(id);
  }
});
afterAll(() => setClockForTests(null));

describe("the reminder job in two processes", () => {
  it("sends each due reminder exactly once", async () => {
    const results = await runTogether<{ sent: number; startedAt: number; endedAt: number }>(
      [0, 1].map(() => ({ kind: "remind", db: file, at: NOW + HOUR, rounds: 30 })),
    );
    const [a, b] = results.map((lines) => lines[0]);
    // both were at it together, and between them they sent each reminder once
    expect(Math.max(a.startedAt, b.startedAt)).toBeLessThan(Math.min(a.endedAt, b.endedAt));
    expect(a.sent + b.sent).toBe(QUOTES);
    const rows = db.select().from(remindersSent).all();
    expect(rows.map((r) => r.requestId).sort((x, y) => x - y)).toEqual(requestIds);
    expect(rows.every((r) => r.kind === "quoteExpiring")).toBe(true);
    const messages = db
      .select()
      .from(notifications)
      .where(like(notifications.kind, "reminder.%"))
      .all();
    expect(messages.map((m) => m.requestId).sort((x, y) => x! - y!)).toEqual(requestIds);
    const mails = db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, firmEmail))
      .all()
      .filter((m) => m.subject.endsWith("Quote expires soon"));
    expect(mails).toHaveLength(QUOTES);
  });
});

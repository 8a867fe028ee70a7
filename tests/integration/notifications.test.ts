// The bell counts unread notifications that arrived since the list was last opened; opening the
// list quiets it without marking anything read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClockForTests } from "@/server/services/clock";
import { freshDb, callerFor } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  fx = await makeBookingFixture(db);
});
afterAll(() => setClockForTests(null));

describe("notification.markSeen", () => {
  it("quiets the bell until something new arrives; items stay unread", async () => {
    setClockForTests(NOW);
    const firm = callerFor(db, fx.firmUser.id);
    const op = callerFor(db, fx.operator.id);
    const quote = async (id: number, day: number) =>
      op.request.quote({
        id,
        equipmentId: fx.reactor.id,
        start: at(day, 9),
        end: at(day, 12),
        units: 1,
        amountFen: 100,
        validUntil: NOW + 10 * HOUR,
      });
    const a = await firm.request.submit(requestBody({ equipmentId: fx.reactor.id }));
    await quote(a.id, 1);
    expect(await firm.notification.unreadCount()).toBe(1);
    setClockForTests(NOW + 60_000);
    await firm.notification.markSeen();
    expect(await firm.notification.unreadCount()).toBe(0);
    expect((await firm.notification.list()).filter((n) => n.readAt === null)).toHaveLength(1);
    setClockForTests(NOW + 120_000);
    const b = await firm.request.submit(requestBody({ equipmentId: fx.reactor.id }));
    await quote(b.id, 2);
    expect(await firm.notification.unreadCount()).toBe(1);
    // a visitor has no bell
    await expect(callerFor(db, null).notification.markSeen()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

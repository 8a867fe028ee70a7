// What the system writes to people is in each reader's language: a refusal's data carries its code
// and parameters, notification titles and emails follow the recipient's `users.locale`, and event
// notes the system writes are codes that every reader sees in their own language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { emailOutbox, notifications, requestEvents, users } from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { refusalOf } from "@/server/api/errors";
import { renderRefusal } from "@/server/i18n/render";
import { expireQuotes } from "@/server/services/booking/expire-quotes";
import { noteText } from "@/server/services/booking/event-note";
import { freshDb, callerFor } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
const as = (user: { id: number } | null) => callerFor(db, user?.id ?? null);

beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
});
afterAll(() => setClockForTests(null));

describe("the recipient's language", () => {
  it("a firm user who chose Chinese gets the expiry in Chinese; the operator's stays English", async () => {
    expect((await as(fx.firmUser).user.setLocale({ locale: "zh" })).locale).toBe("zh");
    expect(db.select().from(users).where(eq(users.id, fx.firmUser.id)).get()!.locale).toBe("zh");
    const r = await as(fx.firmUser).request.submit({
      ...requestBody({ equipmentId: fx.reactor.id }),
    } as never);
    await as(fx.operator).request.quote({
      id: r.id,
      equipmentId: fx.reactor.id,
      start: at(1, 9),
      end: at(1, 12),
      units: 1,
      amountFen: 100_000,
      validUntil: NOW + HOUR,
    });
    setClockForTests(NOW + 2 * HOUR);
    try {
      const err = await as(fx.firmUser)
        .request.accept({ id: r.id })
        .catch((e: TRPCError) => e);
      const refusal = refusalOf(err as TRPCError);
      expect(refusal.code).toBe("request.quoteExpired");
      expect(renderRefusal("zh", refusal)).toMatch(
        new RegExp(`^${r.ref} 的报价已于 2027-01-04 10:00 过期，无法再接受。$`),
      );
      expireQuotes(db);
    } finally {
      setClockForTests(NOW);
    }
    const notice = db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, fx.firmUser.id))
      .orderBy(desc(notifications.id))
      .get()!;
    expect(notice.title).toBe(`${r.ref}：报价已过期`);
    expect(notice.body).toMatch(/报价在被接受前已过期$/);
    const mail = db.select().from(emailOutbox).orderBy(desc(emailOutbox.id)).get()!;
    expect(mail.subject).toBe(`${r.ref}：报价已过期`);
    expect(mail.body).toMatch(/查看申请：http:\/\/localhost:3000\/requests\/\d+$/);
    const operatorNotice = db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, fx.operator.id))
      .all()
      .find((n) => n.requestId === r.id)!;
    expect(operatorNotice.title).toBe(`${r.ref}: New request`);
  });

  it("keeps a system note as a code, shown to each reader in their language", () => {
    const expired = db
      .select()
      .from(requestEvents)
      .where(eq(requestEvents.toStatus, "expired"))
      .orderBy(desc(requestEvents.id))
      .get()!;
    expect([expired.note, expired.noteCode]).toEqual([null, "quoteExpired"]);
    const note = { code: expired.noteCode as "quoteExpired" };
    expect(noteText(note, "en")).toBe("The quote expired before it was accepted");
    expect(noteText(note, "zh")).toBe("报价在被接受前已过期");
    expect(noteText("as typed", "zh")).toBe("as typed");
  });

  it("setLocale accepts only en or zh, and needs a signed-in user", async () => {
    await expect(as(fx.firmUser).user.setLocale({ locale: "fr" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(as(null).user.setLocale({ locale: "zh" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

// Reminders, computed from the state at send time with a fake clock: each one is sent once, in-app
// and by email in the recipient's language, to those who have not switched it off, and not at all
// once the request has moved on. Times: NOW is Monday 2027-01-04 09:00 in Shanghai.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { emailOutbox, notifications, remindersSent, users } from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { sendReminders } from "@/server/services/reminders/send";
import { readAttachment } from "@/server/services/booking/attachments";
import { loadActor } from "@/server/services/users/load-actor";
import { fieldErrorsOf } from "@/server/api/errors";
import { outcome } from "../helpers/outcome";
import { releaseReport } from "../helpers/report-release";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR, DAY } from "../helpers/booking-fixture";

const { db, dir } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
const previousDataDir = process.env.DATA_DIR;
const firm = () => callerFor(db, fx.firmUser.id);
const op = () => callerFor(db, fx.operator.id);
/** Everyone on the lab's staff (the report tests add a signatory). */
const labStaff = () =>
  db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.facilityId, fx.lab.id))
    .all()
    .map((u) => u.id)
    .sort();

/** Who received the reminder `kind` about request `requestId`. */
const receivers = (kind: string, requestId: number) =>
  db
    .select({ userId: notifications.userId, title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.kind, `reminder.${kind}`), eq(notifications.requestId, requestId)))
    .all();

/** Runs the job at `t` (the clock too) and returns what it sent per kind. */
function runAt(t: number) {
  setClockForTests(t);
  const before = db.select().from(remindersSent).all().length;
  const count = sendReminders(db, t);
  expect(db.select().from(remindersSent).all().length - before).toBe(count);
  return count;
}

async function quoted(day: number, validUntil: number, body: Record<string, unknown> = {}) {
  setClockForTests(NOW);
  const { id } = await firm().request.submit(requestBody({ equipmentId: fx.reactor.id, ...body }));
  await op().request.quote({
    id,
    equipmentId: fx.reactor.id,
    start: at(day, 9),
    end: at(day, 12),
    units: 1,
    amountFen: 100_000,
    validUntil,
  });
  return id;
}

/** A request confirmed at once on the auto-approve chamber, starting at `start`. */
async function confirmed(start: number, body: Record<string, unknown> = {}) {
  setClockForTests(NOW);
  const r = await firm().request.submit(
    requestBody({
      equipmentId: fx.chamber.id,
      serviceType: "testing",
      preferredStart: start,
      hours: 2,
      ...body,
    }),
  );
  expect(r.status).toBe("confirmed");
  return r.id;
}

beforeAll(async () => {
  process.env.DATA_DIR = dir;
  fx = await makeBookingFixture(db);
});
afterAll(() => {
  setClockForTests(null);
  process.env.DATA_DIR = previousDataDir;
});

describe("reminders", () => {
  it("tells the firm once that a quote expires within 24 hours, in its language, and not after acceptance", async () => {
    db.update(users).set({ locale: "zh" }).where(eq(users.id, fx.firmUser.id)).run();
    const open = await quoted(2, NOW + 30 * HOUR);
    const accepted = await quoted(4, NOW + 30 * HOUR);
    runAt(NOW);
    expect(receivers("quoteExpiring", open)).toEqual([]);
    setClockForTests(NOW + HOUR);
    await firm().request.accept({ id: accepted });

    runAt(NOW + 6 * HOUR - 1);
    expect(receivers("quoteExpiring", open)).toEqual([]);
    runAt(NOW + 6 * HOUR);
    const [sent] = receivers("quoteExpiring", open);
    expect(sent.userId).toBe(fx.firmUser.id);
    // Shanghai wall-clock time of the quote's end, in Chinese
    expect(sent.title).toMatch(/^PT-\d{4}-\d{6}：报价即将过期$/);
    expect(sent.body).toContain("2027-01-05 15:00");
    const mail = db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, fx.firmUser.email), eq(emailOutbox.subject, sent.title)))
      .all();
    expect(mail).toHaveLength(1);
    expect(mail[0].body).toContain(`/requests/${open}`);
    // once only; and the accepted request's quote is no longer one to remind of
    runAt(NOW + 7 * HOUR);
    runAt(NOW + 29 * HOUR);
    expect(receivers("quoteExpiring", open)).toHaveLength(1);
    expect(receivers("quoteExpiring", accepted)).toEqual([]);
    db.update(users).set({ locale: "en" }).where(eq(users.id, fx.firmUser.id)).run();
  });

  it("tells the firm and the facility the day before a run, from 08:00, once; a cancelled run is not reminded of", async () => {
    const run = await confirmed(at(2, 10));
    const cancelled = await confirmed(at(2, 13));
    await firm().request.cancel({ id: cancelled, reason: "The batch is not ready" });
    runAt(at(0, 20));
    runAt(at(1, 7, 59));
    expect(receivers("runTomorrow", run)).toEqual([]);
    runAt(at(1, 8));
    const sent = receivers("runTomorrow", run);
    expect(sent.map((s) => s.userId).sort()).toEqual([fx.firmUser.id, fx.operator.id].sort());
    expect(sent[0].title).toMatch(/: The run starts tomorrow$/);
    expect(sent[0].body).toContain("2027-01-06 10:00");
    runAt(at(1, 18));
    expect(receivers("runTomorrow", run)).toHaveLength(2);
    expect(receivers("runTomorrow", cancelled)).toEqual([]);
  });

  it("reminds the firm of samples due within three days until the facility has received one", async () => {
    const due = await confirmed(at(3, 10), { units: 1 });
    const delivered = await confirmed(at(3, 13), { units: 1 });
    const noSamples = await confirmed(at(3, 15), { units: 1, sampleDetails: "" });
    setClockForTests(NOW + HOUR);
    await op().sample.receive({
      requestId: delivered,
      samples: [
        {
          description: "Monomer drum",
          quantity: 1,
          unit: "drum",
          condition: "sealed",
          location: "Store 1",
          hazard: "flammable",
          retainDays: 30,
        },
      ],
    });
    runAt(NOW + 2 * HOUR); // Monday: Thursday's run is three days away, not within
    expect(receivers("samplesDue", due)).toEqual([]);
    runAt(at(1, 0)); // Tuesday
    expect(receivers("samplesDue", due).map((s) => s.userId)).toEqual([fx.firmUser.id]);
    expect(receivers("samplesDue", delivered)).toEqual([]);
    expect(receivers("samplesDue", noSamples)).toEqual([]);
    runAt(at(2, 12));
    expect(receivers("samplesDue", due)).toHaveLength(1);
  });

  it("tells the firm of a report left uncollected for two days, unless someone of the firm downloaded it", async () => {
    const a = await confirmed(at(7, 10), { units: 1 });
    const b = await confirmed(at(7, 13), { units: 1 });
    for (const id of [a, b]) {
      setClockForTests(at(7, 10));
      await op().request.start({ id });
    }
    setClockForTests(at(7, 16));
    await releaseReport(db, a, fx.operator.id);
    const other = await releaseReport(db, b, fx.operator.id);
    setClockForTests(at(8, 9));
    readAttachment(db, loadActor(db, fx.firmUser.id)!, other.attachmentId!);
    runAt(at(7, 16) + 2 * DAY - 60_000);
    expect(receivers("reportReady", a)).toEqual([]);
    runAt(at(7, 16) + 2 * DAY);
    const [sent] = receivers("reportReady", a);
    expect(sent.userId).toBe(fx.firmUser.id);
    expect(sent.body).toMatch(/Report P\d{3}-2027-R00001 /);
    runAt(at(12, 9));
    expect(receivers("reportReady", a)).toHaveLength(1);
    expect(receivers("reportReady", b)).toEqual([]);
  });

  it("tells the facility's staff of a request that waited two working days for a quote, weekends not counted", async () => {
    setClockForTests(at(4, 9)); // Friday
    const body = requestBody({ earliestStart: at(8, 0), deadline: at(20, 0) });
    const waiting = (await firm().request.submit({ ...body, facilityId: fx.lab.id })).id;
    const answered = (await firm().request.submit({ ...body, facilityId: fx.lab.id })).id;
    setClockForTests(at(5, 10));
    await op().request.reject({ id: answered, reasonCode: "no_capacity", reason: "Fully booked" });
    runAt(at(7, 9)); // Monday: one working day
    expect(receivers("quoteWaiting", waiting)).toEqual([]);
    runAt(at(8, 9)); // Tuesday: two
    const sent = receivers("quoteWaiting", waiting);
    expect(sent.map((s) => s.userId).sort()).toEqual(labStaff());
    expect(sent[0].body).toContain("2 working days");
    expect(receivers("quoteWaiting", answered)).toEqual([]);
    runAt(at(9, 9));
    expect(receivers("quoteWaiting", waiting)).toHaveLength(labStaff().length);
  });

  it("sends nothing to a user who switched the reminder off, and lists only the reminders of the role", async () => {
    expect((await op().user.reminders()).map((s) => s.kind)).toEqual([
      "runTomorrow",
      "quoteWaiting",
    ]);
    expect(await op().user.setReminder({ kind: "runTomorrow", on: false })).toEqual([
      { kind: "runTomorrow", on: false },
      { kind: "quoteWaiting", on: true },
    ]);
    const run = await confirmed(at(16, 10), { units: 1, deadline: at(20, 0) });
    runAt(at(15, 9));
    const told = receivers("runTomorrow", run).map((s) => s.userId);
    expect(told).toContain(fx.firmUser.id);
    expect(told).not.toContain(fx.operator.id);
    expect(told).toHaveLength(labStaff().length); // the firm and the other staff
    expect((await op().user.setReminder({ kind: "runTomorrow", on: true }))[0].on).toBe(true);
    // another user's switches are their own
    expect((await firm().user.reminders()).every((s) => s.on)).toBe(true);
  });

  it("refuses a reminder of another role, an unknown one and a visitor, changing nothing", async () => {
    const refused = async (p: Promise<unknown>) => {
      const before = tableCounts(db);
      const e = (await outcome(p)) as TRPCError | null;
      expect(tableCounts(db)).toEqual(before);
      if (!e) return "OK";
      const fields = fieldErrorsOf(e);
      return fields ? `${e.code}: ${JSON.stringify(fields)}` : `${e.code}: ${e.message}`;
    };
    const notYours = 'BAD_REQUEST: {"kind":"Choose one of the reminders of your role."}';
    expect(await refused(firm().user.setReminder({ kind: "quoteWaiting", on: false }))).toBe(
      notYours,
    );
    expect(
      await refused(firm().user.setReminder({ kind: "nope" as "runTomorrow", on: false })),
    ).toBe(notYours);
    expect(await refused(firm().user.setReminder({ kind: "runTomorrow", on: "no" as never }))).toBe(
      'BAD_REQUEST: {"on":"Say whether the reminder is on."}',
    );
    expect(await refused(callerFor(db, null).user.reminders())).toMatch(/^UNAUTHORIZED/);
    expect(await refused(callerFor(db, fx.admin.id).user.reminders())).toBe("OK");
  });
});

// Firms run their own accounts: the registering user is the firm's manager and confirms their
// email before the first request; managers invite colleagues (a link that works once, for 7
// days), set roles, disable members (their sessions end) and hand management on; anyone resets a
// forgotten password by a link (once, for 1 hour) and the answer never says whether the address
// has an account. Expired, used, withdrawn and forged links are refused alike and audited.
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, desc, eq, isNull } from "drizzle-orm";
import {
  auditLog,
  bookingRequests,
  emailOutbox,
  notifications,
  userSessions,
  users,
} from "@/db/schema";
import { firmIcalFeed } from "@/server/services/booking/firm-feed";
import { setClockForTests } from "@/server/services/clock";
import { openSession } from "@/server/services/auth/sessions";
import { fieldRefusalsOf } from "@/server/api/errors";
import { verifyPassword } from "@/server/auth/password";
import { outcome } from "../helpers/outcome";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR, DAY } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
const anon = () => callerFor(db, null, "203.0.113.50");
const PASSWORD = "violet-kiln-orbit-42";

/** The token of the newest link of `path` ("/invite/") mailed to `email`. */
function linkTo(email: string, path: string) {
  const mail = db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(desc(emailOutbox.id))
    .all()
    .find((m) => m.body.includes(path));
  return mail?.body.match(new RegExp(`${path}([A-Za-z0-9_-]+)`))?.[1] ?? null;
}

async function refused(p: Promise<unknown>) {
  const before = tableCounts(db);
  const e = (await outcome(p)) as TRPCError | null;
  const after = tableCounts(db);
  expect(Object.keys(after).filter((k) => after[k] !== before[k] && k !== "audit_log")).toEqual([]);
  return e ? `${e.code}: ${e.message}` : "OK";
}

beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
  db.update(users).set({ firmRole: "manager" }).where(eq(users.id, fx.firmUser.id)).run();
  db.update(users).set({ firmRole: "member" }).where(eq(users.id, fx.firmUserColleague().id)).run();
  db.update(users).set({ firmRole: "manager" }).where(eq(users.id, fx.firmUserB.id)).run();
});

describe("registration and email confirmation", () => {
  it("makes the registrant the manager, who confirms the email before the first request", async () => {
    await anon().firm.register({
      firmName: "Chengdu Example Materials Co., Ltd.",
      creditCode: "91330100716105852F",
      size: "small",
      industry: "materials",
      prefecture: "chengdu",
      name: "Li Hua",
      email: "li.hua@example.cn",
      password: PASSWORD,
      locale: "en",
    });
    const user = db.select().from(users).where(eq(users.email, "li.hua@example.cn")).get()!;
    expect(user).toMatchObject({ firmRole: "manager", emailVerified: false });
    const li = callerFor(db, user.id);
    expect(await refused(li.request.submit(requestBody({ equipmentId: fx.chamber.id })))).toBe(
      "FORBIDDEN: Confirm your email address (li.hua@example.cn) before submitting a request: open the link we sent you, or ask for a new one on your firm’s page.",
    );
    const token = linkTo("li.hua@example.cn", "/confirm-email/")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Asking again replaces the first link.
    await li.account.resendConfirmation();
    expect(await refused(anon().account.confirmEmail({ token }))).toMatch(
      /^PRECONDITION_FAILED: This confirmation link is not valid/,
    );
    const fresh = linkTo("li.hua@example.cn", "/confirm-email/")!;
    await anon().account.confirmEmail({ token: fresh });
    expect((await li.request.submit(requestBody({ equipmentId: fx.chamber.id }))).status).toBe(
      "submitted",
    );
    expect(await refused(anon().account.confirmEmail({ token: fresh }))).toMatch(/not valid/);
    expect(await refused(li.account.resendConfirmation())).toMatch(/already confirmed/);
    const refusals = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "token.refused"))
      .all()
      .map((a) => (a.detail as { why: string }).why);
    expect(refusals).toEqual(["withdrawn", "used"]);
  });
});

describe("invitations", () => {
  it("invite a colleague, who joins the firm once with their own password", async () => {
    const manager = callerFor(db, fx.firmUser.id);
    const sent = await manager.firm.invite({ email: "New.Colleague@example.cn" });
    expect(sent.expiresAt).toBe(NOW + 7 * DAY);
    const token = linkTo("new.colleague@example.cn", "/invite/")!;
    expect(await anon().account.invitation({ token })).toMatchObject({
      email: "new.colleague@example.cn",
      firm: "Firm A",
      firmRole: "member",
    });
    const weak = await outcome(
      anon().account.acceptInvitation({ token, name: "Zhang Wei", password: "short" }),
    );
    expect(fieldRefusalsOf(weak!)).toHaveProperty("password");
    await anon().account.acceptInvitation({ token, name: "Zhang Wei", password: PASSWORD });
    const joined = db
      .select()
      .from(users)
      .where(eq(users.email, "new.colleague@example.cn"))
      .get()!;
    expect(joined).toMatchObject({
      firmId: fx.firmA.id,
      firmRole: "member",
      role: "firm",
      emailVerified: true,
    });
    expect(await verifyPassword(joined.passwordHash, PASSWORD)).toBe(true);
    expect(
      await refused(anon().account.acceptInvitation({ token, name: "Again", password: PASSWORD })),
    ).toMatch(/This invitation link is not valid/);
    expect(await anon().account.invitation({ token })).toBeNull();
    // The member sees the firm's requests, not its team.
    expect(await refused(callerFor(db, joined.id).firm.team())).toBe(
      "FORBIDDEN: Only your firm’s managers manage its members and invitations.",
    );
    const team = await manager.firm.team();
    expect(team.members.map((m) => m.email)).toContain("new.colleague@example.cn");
  });

  it("expire after 7 days, can be withdrawn, and refuse forged tokens", async () => {
    const manager = callerFor(db, fx.firmUser.id);
    await manager.firm.invite({ email: "late@example.cn", firmRole: "manager" });
    const late = linkTo("late@example.cn", "/invite/")!;
    const withdrawn = await manager.firm.invite({ email: "withdrawn@example.cn" });
    const token = linkTo("withdrawn@example.cn", "/invite/")!;
    expect((await manager.firm.team()).invitations.map((i) => i.email)).toEqual([
      "late@example.cn",
      "withdrawn@example.cn",
    ]);
    await manager.firm.withdrawInvitation({ id: withdrawn.id });
    const accept = (t: string) =>
      anon().account.acceptInvitation({ token: t, name: "Someone", password: PASSWORD });
    expect(await refused(accept(token))).toMatch(/not valid/);
    expect(await refused(accept("x".repeat(43)))).toMatch(/not valid/);
    expect(await refused(accept("../../etc"))).toMatch(/not valid/);
    setClockForTests(NOW + 7 * DAY + 1);
    expect(await refused(accept(late))).toMatch(/not valid/);
    setClockForTests(NOW);
  });

  it("refuse an address that already has an account, other roles and other firms", async () => {
    const manager = callerFor(db, fx.firmUser.id);
    const taken = await outcome(manager.firm.invite({ email: "firm-b@example.cn" }));
    expect(fieldRefusalsOf(taken!)?.email).toMatchObject({ code: "field.emailHasAccount" });
    const own = await outcome(manager.firm.invite({ email: "firm-a2@example.cn" }));
    expect(fieldRefusalsOf(own!)?.email).toMatchObject({ code: "field.alreadyMember" });
    const bad = await outcome(manager.firm.invite({ email: "not an email" }));
    expect(fieldRefusalsOf(bad!)).toHaveProperty("email");
    for (const id of [fx.firmUserColleague().id, fx.operator.id, fx.admin.id])
      expect(await refused(callerFor(db, id).firm.invite({ email: "x@example.cn" }))).toMatch(
        /^FORBIDDEN/,
      );
    // Firm B's manager cannot touch firm A's members or invitations.
    const b = callerFor(db, fx.firmUserB.id);
    const invitation = (await manager.firm.team()).invitations[0];
    expect(await refused(b.firm.withdrawInvitation({ id: invitation.id }))).toBe(
      "NOT_FOUND: Invitation not found.",
    );
    expect(
      await refused(b.firm.setMemberRole({ userId: fx.firmUser.id, firmRole: "member" })),
    ).toBe("NOT_FOUND: User not found.");
    expect(
      await refused(b.firm.setMemberDisabled({ userId: fx.firmUser.id, disabled: true })),
    ).toBe("NOT_FOUND: User not found.");
    expect(await refused(b.firm.transferManagement({ userId: fx.firmUser.id }))).toBe(
      "NOT_FOUND: User not found.",
    );
  });
});

describe("roles", () => {
  it("keep an active manager, end a disabled member's sessions and hand management on", async () => {
    const manager = callerFor(db, fx.firmUser.id);
    const colleague = fx.firmUserColleague().id;
    expect(
      await refused(manager.firm.setMemberRole({ userId: fx.firmUser.id, firmRole: "member" })),
    ).toBe(
      "PRECONDITION_FAILED: Your firm needs at least one active manager: make someone else a manager first.",
    );
    expect(
      await refused(manager.firm.setMemberDisabled({ userId: fx.firmUser.id, disabled: true })),
    ).toMatch(/own account/);
    const session = openSession(db, colleague, null);
    await manager.firm.setMemberDisabled({ userId: colleague, disabled: true });
    const row = db.select().from(userSessions).where(eq(userSessions.id, session)).get()!;
    expect(row.closedAt).not.toBeNull();
    expect(await refused(callerFor(db, colleague).request.list({}))).toMatch(/^UNAUTHORIZED/);
    expect(await refused(manager.firm.transferManagement({ userId: colleague }))).toMatch(
      /is disabled/,
    );
    await manager.firm.setMemberDisabled({ userId: colleague, disabled: false });
    await manager.firm.transferManagement({ userId: colleague });
    const roles = db
      .select({ id: users.id, firmRole: users.firmRole })
      .from(users)
      .where(and(eq(users.firmId, fx.firmA.id), isNull(users.facilityId)))
      .all();
    expect(roles).toEqual(
      expect.arrayContaining([
        { id: fx.firmUser.id, firmRole: "member" },
        { id: colleague, firmRole: "manager" },
      ]),
    );
    // The former manager is a member now.
    expect(await refused(manager.firm.team())).toMatch(/^FORBIDDEN/);
    const bad = await outcome(
      callerFor(db, colleague).firm.setMemberRole({ userId: 0, firmRole: "boss" as "member" }),
    );
    expect(Object.keys(fieldRefusalsOf(bad!) ?? {}).sort()).toEqual(["firmRole", "userId"]);
  });
});

describe("password reset", () => {
  it("answers alike for any address, mails a link that works once within the hour", async () => {
    const known = await anon().account.requestReset({ email: "firm-b@example.cn" });
    const unknown = await anon().account.requestReset({ email: "nobody@example.cn" });
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
    expect(linkTo("nobody@example.cn", "/reset/")).toBeNull();
    const token = linkTo("firm-b@example.cn", "/reset/")!;
    const session = openSession(db, fx.firmUserB.id, null);
    const weak = await outcome(anon().account.resetPassword({ token, password: "password" }));
    expect(fieldRefusalsOf(weak!)).toHaveProperty("password");
    await anon().account.resetPassword({ token, password: "amber-lantern-river-7" });
    const user = db.select().from(users).where(eq(users.id, fx.firmUserB.id)).get()!;
    expect(await verifyPassword(user.passwordHash, "amber-lantern-river-7")).toBe(true);
    expect(
      db.select().from(userSessions).where(eq(userSessions.id, session)).get()!.closedAt,
    ).not.toBeNull();
    expect(
      await refused(anon().account.resetPassword({ token, password: "another-long-phrase-9" })),
    ).toMatch(/This password reset link is not valid/);
    await anon().account.requestReset({ email: "firm-b@example.cn" });
    const late = linkTo("firm-b@example.cn", "/reset/")!;
    setClockForTests(NOW + HOUR + 1);
    expect(
      await refused(
        anon().account.resetPassword({ token: late, password: "another-long-phrase-9" }),
      ),
    ).toMatch(/not valid/);
    setClockForTests(NOW);
  });

  it("limits requests per address", async () => {
    const from = callerFor(db, null, "203.0.113.77");
    for (let i = 0; i < 5; i++) await from.account.requestReset({ email: `x${i}@example.cn` });
    expect(await refused(from.account.requestReset({ email: "x9@example.cn" }))).toMatch(
      /^TOO_MANY_REQUESTS/,
    );
  });
});

describe("calendar feed", () => {
  it("lists the firm's bookings under a private URL; a new URL stops the old", async () => {
    const firm = callerFor(db, fx.firmUser.id);
    expect(await firm.user.calendarFeed()).toBeNull();
    const { id } = await firm.request.submit(
      requestBody({
        equipmentId: fx.chamber.id,
        serviceType: "testing",
        preferredStart: at(2, 9),
        hours: 1,
      }),
    );
    const booked = db.select().from(bookingRequests).where(eq(bookingRequests.id, id)).get()!;
    expect(booked.status).toBe("confirmed");
    const first = await firm.user.newCalendarFeed();
    const feed = firmIcalFeed(db, first)!;
    expect(feed).toContain(`UID:${booked.ref}@pilot-network`);
    expect(feed).toContain("Climate chamber");
    // Firm B's feed does not list firm A's bookings.
    const other = await callerFor(db, fx.firmUserB.id).user.newCalendarFeed();
    expect(firmIcalFeed(db, other)).not.toContain(booked.ref);
    const second = await firm.user.newCalendarFeed();
    expect(firmIcalFeed(db, first)).toBeNull();
    expect(firmIcalFeed(db, second)).toContain(booked.ref);
    expect(firmIcalFeed(db, "u" + "x".repeat(30))).toBeNull();
    expect(await refused(callerFor(db, fx.operator.id).user.newCalendarFeed())).toMatch(
      /^FORBIDDEN/,
    );
  });
});

describe("spending approval", () => {
  it("holds a member's acceptance above the threshold for a manager, who accepts or learns why not", async () => {
    setClockForTests(NOW);
    db.update(users).set({ firmRole: "manager" }).where(eq(users.id, fx.firmUser.id)).run();
    db.update(users)
      .set({ firmRole: "member", disabled: false })
      .where(eq(users.id, fx.firmUserColleague().id))
      .run();
    const manager = callerFor(db, fx.firmUser.id);
    const member = callerFor(db, fx.firmUserColleague().id);
    const op = callerFor(db, fx.operator.id);
    const quoted = async (hour: number, amountFen: number) => {
      const { id } = await member.request.submit(
        requestBody({
          facilityId: fx.lab.id,
          serviceId: fx.testing.id,
          serviceType: "testing",
          title: "Salt-spray test",
          hours: 1,
        }),
      );
      await op.request.quote({
        id,
        equipmentId: fx.chamber.id,
        start: at(3, hour),
        end: at(3, hour + 1),
        units: 1,
        amountFen,
        validUntil: NOW + HOUR,
      });
      return id;
    };
    // Bad input and wrong roles change nothing.
    const negative = await outcome(manager.firm.setSpendingThreshold({ thresholdFen: -1 }));
    expect(fieldRefusalsOf(negative!)).toHaveProperty("thresholdFen");
    expect(await refused(member.firm.setSpendingThreshold({ thresholdFen: 1 }))).toMatch(
      /^FORBIDDEN/,
    );
    await manager.firm.setSpendingThreshold({ thresholdFen: 200_000 });
    // Below the threshold a member books at once.
    const small = await quoted(9, 150_000);
    expect((await member.request.accept({ id: small })).status).toBe("confirmed");
    // Above it, the acceptance waits; a second try says so.
    const big = await quoted(11, 900_000);
    const waiting = await member.request.accept({ id: big });
    expect(waiting).toMatchObject({ awaitingApproval: true, status: "quoted" });
    expect(await refused(member.request.accept({ id: big }))).toMatch(
      /already waits for a manager’s approval/,
    );
    // The request page offers no second acceptance, and says why.
    const page = await member.request.get({ id: big });
    expect(page.awaitingApproval).toBe(true);
    expect(page.actions).not.toContain("accept");
    // The managers are told.
    const told = db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, fx.firmUser.id))
      .all()
      .filter((n) => n.kind === "request.approval_requested");
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain("¥9,540.00");
    const queue = await manager.firm.approvals();
    expect(queue).toMatchObject({ thresholdFen: 200_000 });
    expect(queue.pending).toEqual([
      // The quote total, VAT included.
      expect.objectContaining({ requestId: big, amountFen: 954_000, requestedBy: "firm-a2" }),
    ]);
    // Another firm's manager cannot decide it; a member cannot see the queue.
    expect(
      await refused(
        callerFor(db, fx.firmUserB.id).firm.decideApproval({
          id: queue.pending[0].id,
          approve: true,
        }),
      ),
    ).toBe("NOT_FOUND: Approval not found.");
    expect(await refused(member.firm.approvals())).toMatch(/^FORBIDDEN/);
    await manager.firm.decideApproval({ id: queue.pending[0].id, approve: true });
    const booked = db.select().from(bookingRequests).where(eq(bookingRequests.id, big)).get()!;
    expect(booked.status).toBe("confirmed");
    expect((await manager.firm.approvals()).pending).toEqual([]);
    // A wait the quote outlives: approving says the hold has lapsed, and closes it.
    const late = await quoted(13, 900_000);
    await member.request.accept({ id: late });
    const [pending] = (await manager.firm.approvals()).pending;
    setClockForTests(NOW + 2 * HOUR);
    // The quote expires on the way (recorded, as any late acceptance does) and the wait closes.
    const lapsed = await outcome(manager.firm.decideApproval({ id: pending.id, approve: true }));
    expect(`${lapsed?.code}: ${lapsed?.message}`).toMatch(
      /^PRECONDITION_FAILED: PT-\d{4}-\d{6} could not be accepted: .*expired/,
    );
    expect((await manager.firm.approvals()).pending).toEqual([]);
    expect(await refused(manager.firm.decideApproval({ id: pending.id, approve: false }))).toBe(
      "PRECONDITION_FAILED: This approval was already decided.",
    );
    setClockForTests(NOW);
  });
});

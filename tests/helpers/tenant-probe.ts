// The objects of one tenant (firm A and its requests at lab A) and one probing call of every tRPC
// procedure and gated route handler against them, shared by the authorization matrix and the
// input fuzz test. Each call runs in a savepoint that is rolled back (`cell`), so every probe
// starts from the same state.
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import {
  equipment,
  users,
  notifications,
  quoteApprovals,
  waitlistEntries,
  voucherClaims,
  type Role,
} from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { addAttachment } from "@/server/services/booking/attachments";
import { loadActor } from "@/server/services/users/load-actor";
import { minimalPdf } from "@/db/seed/pdf";
import { draftReport } from "@/server/services/reports/draft";
import { hashPassword } from "@/server/auth/password";
import { afterAll, beforeAll } from "vitest";
import { setClockForTests } from "@/server/services/clock";
import { callerFor, freshDb } from "./test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR } from "./booking-fixture";
import { PASSWORD } from "./fixtures";
import { defaultVoucherRatesBp } from "@/db/reference/voucher-cover";

export const SECRET = "TENANT-A-SECRET";
export const HUB_ASK = "TENANT-A-HUB-ASK";

export const kinds = [
  "anonymous",
  "firm",
  "colleague",
  "otherFirm",
  "operator",
  "otherOperator",
  "coordinator",
  "admin",
  "disabled",
  "mustChange",
] as const;
export type Kind = (typeof kinds)[number];
export const roleOf: Record<Kind, Role | null> = {
  anonymous: null,
  firm: "firm",
  colleague: "firm",
  otherFirm: "firm",
  operator: "operator",
  otherOperator: "operator",
  coordinator: "coordinator",
  admin: "admin",
  disabled: "firm",
  mustChange: "firm",
};
/** What each kind outside the tenant must never read. */
export const hiddenFrom: Partial<Record<Kind, string[]>> = {
  anonymous: [SECRET, HUB_ASK],
  otherFirm: [SECRET, HUB_ASK],
  otherOperator: [SECRET, HUB_ASK],
  coordinator: [SECRET], // the hub sees the hub's requests, not lab A's own
};
export const OPEN_DURING_CHANGE = new Set([
  "user.me",
  "user.changePassword",
  "user.setLocale",
  "user.signOutEverywhere",
  "notification.unreadCount",
]);

export type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** A voucher programme open around NOW, for every firm. */
export const programmeBody = (o: Record<string, unknown> = {}) => ({
  year: 2027,
  nameEn: "Probe vouchers",
  nameZh: "测试创新券",
  budgetFen: 10_000_000,
  firmCapFen: 2_000_000,
  ratesBp: defaultVoucherRatesBp,
  eligibleSizes: ["micro", "small", "medium", "large"] as (
    "micro" | "small" | "medium" | "large"
  )[],
  eligiblePrefectures: [],
  applyFrom: "2026-01-01",
  applyUntil: "2027-12-31",
  validUntil: "2027-12-31",
  ...o,
});

/** Firm A's requests at lab A in every state, a hub ask, a file, a message and a notification;
 * plus a disabled and a must-change-password member of firm A. Call with the clock at NOW. */
export async function makeTenant(db: DB) {
  const fx = await makeBookingFixture(db);
  const passwordHash = await hashPassword(PASSWORD);
  const member = (email: string, extra: Partial<typeof users.$inferInsert>) =>
    db
      .insert(users)
      .values({ email, name: email, passwordHash, role: "firm", firmId: fx.firmA.id, ...extra })
      .returning()
      .get().id;
  const userOf: Record<Kind, number | null> = {
    anonymous: null,
    firm: fx.firmUser.id,
    colleague: fx.firmUserColleague().id,
    otherFirm: fx.firmUserB.id,
    operator: fx.operator.id,
    otherOperator: fx.operatorB.id,
    coordinator: fx.coordinator.id,
    admin: fx.admin.id,
    disabled: member("gone@example.cn", { disabled: true }),
    mustChange: member("new@example.cn", { mustChangePassword: true }),
  };
  // Firm A's two users both manage its account (so each is an owner of the team procedures);
  // firm B's user manages firm B.
  for (const id of [fx.firmUser.id, fx.firmUserColleague().id, fx.firmUserB.id])
    db.update(users).set({ firmRole: "manager" }).where(eq(users.id, id)).run();
  const firm = callerFor(db, fx.firmUser.id);
  const op = callerFor(db, fx.operator.id);
  const body = (o: Record<string, unknown>) => requestBody({ title: `${SECRET} run`, ...o });
  const submitted = await firm.request.submit(body({ equipmentId: fx.reactor.id }));
  const quoted = await firm.request.submit(body({ equipmentId: fx.reactor.id }));
  await op.request.quote({
    id: quoted.id,
    equipmentId: fx.reactor.id,
    start: at(1, 9),
    end: at(1, 12),
    units: 1,
    amountFen: 1,
    validUntil: NOW + 10 * HOUR,
  });
  const chamber = (hour: number, serviceType: string) =>
    firm.request.submit(
      body({ equipmentId: fx.chamber.id, serviceType, preferredStart: at(1, hour), hours: 1 }),
    );
  const confirmed = await chamber(9, "testing");
  const started = await chamber(10, "pilot_production");
  await op.request.start({ id: started.id });
  const completed = await chamber(11, "pilot_production");
  await op.request.start({ id: completed.id });
  await op.request.complete({ id: completed.id });
  const proposed = await chamber(13, "testing");
  await op.request.proposeReschedule({
    id: proposed.id,
    start: at(2, 13),
    end: at(2, 14),
    validUntil: NOW + 6 * HOUR,
  });
  await firm.request.message({ id: confirmed.id, body: `${SECRET} message` });
  const hubAsk = await firm.request.submit(requestBody({ title: `${HUB_ASK} batch` }));
  const attachment = addAttachment(db, loadActor(db, fx.firmUser.id)!, confirmed.id, {
    name: "spec.pdf",
    bytes: minimalPdf([`${SECRET} spec`]),
  });
  const notification = db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, fx.firmUser.id))
    .get()!;
  const icalToken = (await op.schedule.icalToken())!;
  const invoice = await op.billing.recordInvoice({
    id: completed.id,
    number: "INV-PROBE-01",
    issuedAt: NOW,
    amountFen: 1,
  });
  // Vouchers: a programme with firm A's pending application, and a claim on the completed request.
  const adm = callerFor(db, fx.admin.id);
  const programme = await adm.voucher.createProgramme(programmeBody());
  const allotment = await firm.voucher.applyForAllotment({
    programmeId: programme.id,
    requestedFen: 100_000,
    purpose: `${SECRET} testing of our new alloys`,
  });
  const claim = db
    .insert(voucherClaims)
    .values({
      requestId: completed.id,
      facilityId: fx.lab.id,
      programmeId: programme.id,
      amountFen: 1,
      agreementNumber: "SA-PROBE",
      invoiceId: invoice.id,
      reportAttachmentId: attachment.id,
      paidFen: 0,
      filedBy: fx.operator.id,
      filedAt: NOW,
    })
    .returning()
    .get();
  // A fault on an equipment of lab A that nothing else uses.
  const press = db
    .insert(equipment)
    .values({ facilityId: fx.lab.id, name: "Probe press", category: "press", hourlyRateFen: 1 })
    .returning()
    .get();
  const fault = await op.fault.report({ equipmentId: press.id, description: `${SECRET} leak` });
  // A sample of the confirmed request, received by lab A.
  const [sample] = await op.sample.receive({
    requestId: confirmed.id,
    samples: [
      {
        description: `${SECRET} alloy coupons`,
        quantity: 3,
        unit: "pieces",
        condition: "sealed bag",
        location: "Shelf A",
        hazard: "none",
        retainDays: 90,
      },
    ],
  });
  // A report on the started request, written by a second staff member of lab A; lab A's
  // operator is an authorised signatory, so it may review, approve or return it.
  const tester = db
    .insert(users)
    .values({
      email: "probe-tester@example.cn",
      name: "Probe tester",
      passwordHash: "x",
      role: "operator",
      facilityId: fx.lab.id,
    })
    .returning()
    .get();
  db.update(users).set({ signatory: true }).where(eq(users.id, fx.operator.id)).run();
  const report = await draftReport(
    db,
    loadActor(db, tester.id)!,
    { requestId: started.id, title: `${SECRET} report` },
    { name: "report.pdf", bytes: minimalPdf([`${SECRET} results`]) },
  );
  const invitation = await firm.firm.invite({ email: "probe-invitee@example.cn" });
  // A member's acceptance of the quoted request, waiting for a manager.
  const approval = db
    .insert(quoteApprovals)
    .values({
      requestId: quoted.id,
      firmId: fx.firmA.id,
      requestedBy: fx.firmUserColleague().id,
      amountFen: 1,
      choice: {},
    })
    .returning()
    .get();
  // The submitted request waits in line for the reactor.
  const waiting = db
    .insert(waitlistEntries)
    .values({
      requestId: submitted.id,
      firmId: fx.firmA.id,
      equipmentId: fx.reactor.id,
      facilityId: fx.lab.id,
      windowStart: NOW,
      windowEnd: NOW + 10 * 86_400_000,
      hours: 4,
      units: 1,
    })
    .returning()
    .get();
  const ids = {
    waitlistEntry: waiting.id,
    invitation: invitation.id,
    approval: approval.id,
    fault: fault.id,
    sample: sample.id,
    report: report.id,
    programme: programme.id,
    allotment: allotment.id,
    claim: claim.id,
    submitted: submitted.id,
    quoted: quoted.id,
    confirmed: confirmed.id,
    started: started.id,
    completed: completed.id,
    proposed: proposed.id,
    hubAsk: hubAsk.id,
    attachment: attachment.id,
    notification: notification.id,
    invoice: invoice.id,
  };
  return { fx, ids, userOf, icalToken };
}

/** Every row of every table but the audit trail (which records denials) and the calendar (filled
 * once, never written by a call), as one digest. */
export function fingerprint(db: DB): string {
  const tables = db.$client
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE '%search%'
         AND name NOT IN ('audit_log', '__drizzle_migrations', 'calendar_months')
       ORDER BY name`,
    )
    .all() as { name: string }[];
  const hash = crypto.createHash("sha256");
  for (const { name } of tables)
    hash.update(name + JSON.stringify(db.$client.prepare(`SELECT * FROM "${name}"`).all()));
  return hash.digest("hex");
}

/** The tenant's own rows: lab A, its catalogue and schedule, firm A, its people and requests. */
export function tenantFingerprint(db: DB, { fx }: Tenant): string {
  const q = (sql: string, ...p: unknown[]) => JSON.stringify(db.$client.prepare(sql).all(...p));
  const lab = fx.lab.id;
  const firm = fx.firmA.id;
  return crypto
    .createHash("sha256")
    .update(q(`SELECT * FROM facilities WHERE id = ?`, lab))
    .update(q(`SELECT * FROM equipment WHERE facility_id = ?`, lab))
    .update(q(`SELECT * FROM services WHERE facility_id = ?`, lab))
    .update(q(`SELECT * FROM reservations WHERE facility_id = ?`, lab))
    .update(q(`SELECT * FROM firms WHERE id = ?`, firm))
    .update(q(`SELECT * FROM users WHERE firm_id = ? OR facility_id = ?`, firm, lab))
    .update(q(`SELECT * FROM booking_requests WHERE firm_id = ?`, firm))
    .update(q(`SELECT * FROM attachments`))
    .update(q(`SELECT * FROM invoices`))
    .update(q(`SELECT * FROM payments`))
    .update(q(`SELECT * FROM quote_lines`))
    .update(q(`SELECT * FROM messages`))
    .update(q(`SELECT * FROM voucher_allotments WHERE firm_id = ?`, firm))
    .update(q(`SELECT * FROM voucher_ledger WHERE firm_id = ?`, firm))
    .update(q(`SELECT * FROM voucher_claims`))
    .update(q(`SELECT * FROM equipment_use WHERE facility_id = ?`, lab))
    .update(q(`SELECT * FROM samples WHERE facility_id = ?`, lab))
    .update(q(`SELECT * FROM reports WHERE facility_id = ?`, lab))
    .update(q(`SELECT * FROM account_tokens WHERE firm_id = ?`, firm))
    .update(q(`SELECT * FROM quote_approvals WHERE firm_id = ?`, firm))
    .update(q(`SELECT * FROM waitlist_entries WHERE firm_id = ?`, firm))
    .update(
      q(
        `SELECT * FROM sample_steps WHERE sample_id IN (SELECT id FROM samples WHERE facility_id = ?)`,
        lab,
      ),
    )
    .digest("hex");
}

export type Outcome = { code: string; text: string };

/** Runs one call in a savepoint, notes what it changed, and rolls it back. */
export async function cell(
  db: DB,
  t: Tenant,
  run: () => Promise<unknown>,
): Promise<{
  outcome: Outcome;
  changedAny: boolean;
  changedTenant: boolean;
}> {
  const before = fingerprint(db);
  const tenantBefore = tenantFingerprint(db, t);
  db.$client.exec("SAVEPOINT matrix");
  let outcome: Outcome;
  try {
    const result = await run();
    outcome = {
      code: "OK",
      text: result instanceof Response ? await result.clone().text() : JSON.stringify(result),
    };
    if (result instanceof Response && result.status >= 400)
      outcome.code =
        { 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND" }[result.status] ??
        `HTTP ${result.status}`;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    outcome = { code: error.code, text: error.message };
  }
  const changedAny = fingerprint(db) !== before;
  const changedTenant = tenantFingerprint(db, t) !== tenantBefore;
  db.$client.exec("ROLLBACK TO matrix; RELEASE matrix");
  return { outcome, changedAny, changedTenant };
}

export type Caller = ReturnType<typeof createCaller>;
export type Spec = {
  call: (c: Caller) => Promise<unknown>;
  /** Roles the entry point admits; "public" for everyone. */
  roles: Role[] | "public";
  /** Who may act on (or read) the tenant's object: they must get past the gate. */
  owners?: Kind[];
  /** What an admitted non-owner gets: NOT_FOUND (the object is another tenant's) or any answer
   * that neither shows nor changes the tenant's data. */
  others?: "NOT_FOUND" | "OWN";
};

const ALL: Role[] = ["firm", "operator", "coordinator", "admin"];
const FACILITY: Role[] = ["operator", "coordinator"];
const PARTY: Role[] = ["firm", "operator", "coordinator"];
const FIRM_SIDE: Kind[] = ["firm", "colleague"];
const period = () => ({ from: at(0, 0), to: at(7, 0) });

export function procedureSpecs({ fx, ids }: Tenant): Record<string, Spec> {
  return {
    health: { call: (c) => c.health(), roles: "public" },
    "network.overview": { call: (c) => c.network.overview(), roles: "public" },
    "firm.register": {
      roles: "public",
      call: (c) =>
        c.firm.register({
          firmName: "Matrix Probe Co., Ltd.",
          creditCode: "914403001922038216",
          size: "small",
          industry: "materials",
          prefecture: "chengdu",
          name: "Probe",
          email: "firm-a@example.cn",
          password: "violet-kiln-orbit-42",
        }),
    },
    "user.calendarFeed": {
      call: (c) => c.user.calendarFeed(),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "OWN",
    },
    "user.newCalendarFeed": {
      call: (c) => c.user.newCalendarFeed(),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "OWN",
    },
    "firm.approvals": {
      call: (c) => c.firm.approvals(),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "OWN",
    },
    "firm.setSpendingThreshold": {
      call: (c) => c.firm.setSpendingThreshold({ thresholdFen: 100 }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "OWN",
    },
    "firm.decideApproval": {
      call: (c) => c.firm.decideApproval({ id: ids.approval, approve: true }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "firm.team": { call: (c) => c.firm.team(), roles: ["firm"], owners: FIRM_SIDE, others: "OWN" },
    "firm.invite": {
      call: (c) => c.firm.invite({ email: "probe-second@example.cn" }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "OWN",
    },
    "firm.withdrawInvitation": {
      call: (c) => c.firm.withdrawInvitation({ id: ids.invitation }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "firm.setMemberRole": {
      call: (c) => c.firm.setMemberRole({ userId: fx.firmUserColleague().id, firmRole: "member" }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "firm.setMemberDisabled": {
      call: (c) => c.firm.setMemberDisabled({ userId: fx.firmUserColleague().id, disabled: true }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "firm.transferManagement": {
      call: (c) => c.firm.transferManagement({ userId: fx.firmUserColleague().id }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "account.invitation": {
      call: (c) => c.account.invitation({ token: "x".repeat(43) }),
      roles: "public",
    },
    "account.acceptInvitation": {
      call: (c) =>
        c.account.acceptInvitation({ token: "x".repeat(43), name: "Probe", password: PASSWORD }),
      roles: "public",
    },
    "account.requestReset": {
      call: (c) => c.account.requestReset({ email: "firm-a@example.cn" }),
      roles: "public",
    },
    "account.resetPassword": {
      call: (c) => c.account.resetPassword({ token: "x".repeat(43), password: PASSWORD }),
      roles: "public",
    },
    "account.confirmEmail": {
      call: (c) => c.account.confirmEmail({ token: "x".repeat(43) }),
      roles: "public",
    },
    "account.resendConfirmation": {
      call: (c) => c.account.resendConfirmation(),
      roles: ALL,
      owners: [...kinds],
    },
    "facility.list": { call: (c) => c.facility.list({}), roles: "public" },
    "facility.get": { call: (c) => c.facility.get({ slug: "lab-a" }), roles: "public" },
    "equipment.search": { call: (c) => c.equipment.search({}), roles: "public" },
    "equipment.categories": { call: (c) => c.equipment.categories(), roles: "public" },
    "equipment.get": { call: (c) => c.equipment.get({ id: fx.reactor.id }), roles: "public" },
    "equipment.availability": {
      roles: "public",
      call: (c) => c.equipment.availability({ equipmentId: fx.reactor.id, ...period() }),
    },
    "service.get": { call: (c) => c.service.get({ id: fx.testing.id }), roles: "public" },
    "service.list": { call: (c) => c.service.list({}), roles: "public" },

    "user.me": { call: (c) => c.user.me(), roles: ALL, owners: [...kinds] },
    "user.changePassword": {
      roles: ALL,
      owners: [...kinds],
      call: (c) =>
        c.user.changePassword({ currentPassword: PASSWORD, newPassword: "matrix-pw-9876" }),
    },
    "user.signOutEverywhere": {
      call: (c) => c.user.signOutEverywhere(),
      roles: ALL,
      owners: [...kinds],
    },
    "user.setLocale": {
      call: (c) => c.user.setLocale({ locale: "zh" }),
      roles: ALL,
      owners: [...kinds],
    },
    "waitlist.join": {
      call: (c) =>
        c.waitlist.join({
          requestId: ids.submitted,
          windowStart: NOW + 86_400_000,
          windowEnd: NOW + 5 * 86_400_000,
          hours: 4,
          units: 1,
        }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "waitlist.leave": {
      call: (c) => c.waitlist.leave({ entryId: ids.waitlistEntry }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "waitlist.ofRequest": {
      call: (c) => c.waitlist.ofRequest({ requestId: ids.submitted }),
      roles: ALL,
      owners: [...FIRM_SIDE, "operator", "admin"],
      others: "NOT_FOUND",
    },
    "waitlist.facility": {
      call: (c) => c.waitlist.facility(),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "user.reminders": { call: (c) => c.user.reminders(), roles: ALL, owners: [...kinds] },
    "user.setReminder": {
      call: (c) => c.user.setReminder({ kind: "runTomorrow", on: false }),
      roles: ALL,
      owners: [...kinds],
    },
    "notification.unreadCount": {
      call: (c) => c.notification.unreadCount(),
      roles: ALL,
      owners: [...kinds],
    },
    "notification.list": {
      call: (c) => c.notification.list(),
      roles: ALL,
      owners: ["firm"],
      others: "OWN",
    },
    "notification.markSeen": {
      call: (c) => c.notification.markSeen(),
      roles: ALL,
      owners: [...kinds],
    },
    "notification.markRead": {
      call: (c) => c.notification.markRead({ ids: [ids.notification] }),
      roles: ALL,
      owners: ["firm"],
      others: "OWN",
    },

    "workspace.firm": {
      call: (c) => c.workspace.firm(),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "OWN",
    },
    "workspace.operator": {
      call: (c) => c.workspace.operator(),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "workspace.hub": {
      call: (c) => c.workspace.hub(),
      roles: ["coordinator"],
      owners: ["coordinator"],
    },
    "workspace.admin": { call: (c) => c.workspace.admin(), roles: ["admin"], owners: ["admin"] },
    "audit.list": { call: (c) => c.audit.list({}), roles: ["admin"], owners: ["admin"] },
    "audit.outbox": {
      call: (c) => c.audit.outbox({ page: 1 }),
      roles: ["admin"],
      owners: ["admin"],
    },

    "facility.catalogue": {
      call: (c) => c.facility.catalogue(),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "facility.updateProfile": {
      call: (c) => c.facility.updateProfile({ nameEn: "Renamed by a probe" }),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "equipment.create": {
      call: (c) =>
        c.equipment.create({ name: "Probe dryer", category: "spray_dryer", hourlyRateFen: 1 }),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "equipment.update": {
      call: (c) => c.equipment.update({ id: fx.reactor.id, hourlyRateFen: 1 }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "service.save": {
      call: (c) =>
        c.service.save({
          id: fx.testing.id,
          type: "testing",
          name: "Probe renamed",
          equipmentIds: [],
        }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "service.withdraw": {
      call: (c) => c.service.withdraw({ id: fx.testing.id }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },

    "request.submit": {
      call: (c) => c.request.submit(requestBody({ equipmentId: fx.reactor.id })),
      roles: ["firm"],
      owners: ["firm", "colleague", "otherFirm"], // any firm may ask lab A
    },
    "request.list": {
      call: (c) => c.request.list({}),
      roles: ALL,
      owners: [...FIRM_SIDE, "operator", "admin"],
      others: "OWN",
    },
    "request.get": {
      call: (c) => c.request.get({ id: ids.confirmed }),
      roles: ALL,
      owners: [...FIRM_SIDE, "operator", "admin"],
      others: "NOT_FOUND",
    },
    "request.quote": {
      call: (c) =>
        c.request.quote({
          id: ids.submitted,
          equipmentId: fx.reactor.id,
          start: at(2, 9),
          end: at(2, 12),
          units: 1,
          amountFen: 1,
          validUntil: NOW + HOUR,
        }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "request.reviseQuote": {
      call: (c) =>
        c.request.reviseQuote({
          id: ids.quoted,
          equipmentId: fx.reactor.id,
          start: at(1, 9),
          end: at(1, 12),
          units: 1,
          amountFen: 2,
          validUntil: NOW + HOUR,
        }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "billing.get": {
      call: (c) => c.billing.get({ id: ids.completed }),
      roles: ALL,
      owners: [...FIRM_SIDE, "operator", "admin"],
      others: "NOT_FOUND",
    },
    "billing.recordInvoice": {
      call: (c) =>
        c.billing.recordInvoice({
          id: ids.completed,
          number: "INV-PROBE-02",
          issuedAt: NOW,
          amountFen: 1,
        }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "billing.voidInvoice": {
      call: (c) => c.billing.voidInvoice({ invoiceId: ids.invoice, reason: "Probe" }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "billing.recordPayment": {
      call: (c) =>
        c.billing.recordPayment({
          invoiceId: ids.invoice,
          paidAt: NOW,
          amountFen: 1,
          bankReference: "PROBE-REF",
        }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "equipmentUse.checkIn": {
      call: (c) =>
        c.equipmentUse.checkIn({ id: ids.confirmed, start: NOW - HOUR, end: NOW - HOUR / 2 }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "equipmentUse.checkOut": {
      call: (c) => c.equipmentUse.checkOut({ id: ids.started, end: NOW }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "equipmentUse.recordInHouse": {
      call: (c) =>
        c.equipmentUse.recordInHouse({
          equipmentId: fx.reactor.id,
          start: at(5, 9),
          end: at(5, 11),
          units: 1,
          purpose: "research",
          person: "Probe person",
        }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "sample.receive": {
      call: (c) =>
        c.sample.receive({
          requestId: ids.confirmed,
          samples: [
            {
              description: "Probe sample",
              quantity: 1,
              unit: "g",
              condition: "dry",
              location: "Shelf B",
              hazard: "none",
              retainDays: 30,
            },
          ],
        }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "sample.step": {
      call: (c) => c.sample.step({ sampleId: ids.sample, kind: "moved", location: "Shelf C" }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "sample.ofRequest": {
      call: (c) => c.sample.ofRequest({ requestId: ids.confirmed }),
      roles: ["firm", "operator", "admin"],
      owners: [...FIRM_SIDE, "operator", "admin"],
      others: "NOT_FOUND",
    },
    "report.review": {
      call: (c) => c.report.review({ reportId: ids.report }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "report.approve": {
      call: (c) => c.report.approve({ reportId: ids.report }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "report.return": {
      call: (c) => c.report.return({ reportId: ids.report, reason: "Probe return" }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "report.revoke": {
      call: (c) => c.report.revoke({ reportId: ids.report, reason: "Probe revoke" }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "report.ofRequest": {
      call: (c) => c.report.ofRequest({ requestId: ids.started }),
      roles: ALL,
      owners: [...FIRM_SIDE, "operator", "admin"],
      others: "NOT_FOUND",
    },
    "fault.report": {
      call: (c) => c.fault.report({ equipmentId: fx.chamber.id, description: "Probe fault" }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "fault.close": {
      call: (c) => c.fault.close({ id: ids.fault, repairNote: "Probe repair" }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "fault.impact": {
      call: (c) => c.fault.impact({ id: ids.fault }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "fault.list": {
      call: (c) => c.fault.list(),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "fault.handToHub": {
      call: (c) => c.fault.handToHub({ id: ids.confirmed }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "voucher.programmes": {
      call: (c) => c.voucher.programmes(),
      roles: ["admin"],
      owners: ["admin"],
    },
    "voucher.createProgramme": {
      call: (c) => c.voucher.createProgramme(programmeBody({ nameEn: "Probe two" })),
      roles: ["admin"],
      owners: ["admin"],
    },
    "voucher.updateProgramme": {
      call: (c) => c.voucher.updateProgramme({ ...programmeBody(), id: ids.programme }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "voucher.applications": {
      call: (c) => c.voucher.applications({ id: ids.programme }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "voucher.decideAllotment": {
      call: (c) =>
        c.voucher.decideAllotment({ id: ids.allotment, decision: "approve", grantedFen: 50_000 }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "voucher.figures": {
      call: (c) => c.voucher.figures({ year: 2027, by: "facility" }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "voucher.mine": {
      call: (c) => c.voucher.mine(),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "OWN",
    },
    "voucher.applyForAllotment": {
      call: (c) =>
        c.voucher.applyForAllotment({
          programmeId: ids.programme,
          requestedFen: 10_000,
          purpose: "Testing of our own new alloys",
        }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "OWN",
    },
    "voucher.claims": {
      call: (c) => c.voucher.claims({}),
      roles: ["operator", "coordinator", "admin"],
      owners: ["operator", "admin"],
      others: "OWN",
    },
    "voucher.fileClaim": {
      call: (c) => c.voucher.fileClaim({ id: ids.completed }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "voucher.decideClaim": {
      call: (c) => c.voucher.decideClaim({ id: ids.claim, decision: "return", reason: "Probe" }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "request.accept": {
      call: (c) => c.request.accept({ id: ids.quoted }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "request.withdraw": {
      call: (c) => c.request.withdraw({ id: ids.submitted }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "request.reject": {
      call: (c) => c.request.reject({ id: ids.submitted, reason: "Probe" }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "request.start": {
      call: (c) => c.request.start({ id: ids.confirmed }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "request.complete": {
      call: (c) => c.request.complete({ id: ids.started }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "request.cancel": {
      call: (c) => c.request.cancel({ id: ids.confirmed, reason: "Probe" }),
      roles: PARTY,
      owners: [...FIRM_SIDE, "operator"],
      others: "NOT_FOUND",
    },
    "request.rate": {
      call: (c) => c.request.rate({ id: ids.completed, rating: 5 }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "request.proposeReschedule": {
      call: (c) =>
        c.request.proposeReschedule({
          id: ids.confirmed,
          start: at(3, 13),
          end: at(3, 14),
          validUntil: NOW + HOUR,
        }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "request.acceptReschedule": {
      call: (c) => c.request.acceptReschedule({ id: ids.proposed }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "request.declineReschedule": {
      call: (c) => c.request.declineReschedule({ id: ids.proposed }),
      roles: ["firm"],
      owners: FIRM_SIDE,
      others: "NOT_FOUND",
    },
    "request.message": {
      call: (c) => c.request.message({ id: ids.confirmed, body: "Probe" }),
      roles: PARTY,
      owners: [...FIRM_SIDE, "operator"],
      others: "NOT_FOUND",
    },

    "maintenance.create": {
      call: (c) =>
        c.maintenance.create({
          equipmentId: fx.reactor.id,
          start: at(5, 9),
          end: at(5, 10),
          reason: "Probe",
        }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "maintenance.list": {
      call: (c) => c.maintenance.list({}),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "maintenance.remove": {
      call: (c) => c.maintenance.remove({ id: fx.maintenance.id }),
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "schedule.board": {
      call: (c) => c.schedule.board(period()),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "schedule.icalToken": {
      call: (c) => c.schedule.icalToken(),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "schedule.regenerateIcalToken": {
      call: (c) => c.schedule.regenerateIcalToken(),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },

    "hub.matches": {
      call: (c) =>
        c.hub.matches({
          serviceType: "testing",
          earliestStart: at(1, 0),
          deadline: at(9, 0),
          hours: 2,
        }),
      roles: ["coordinator", "firm"],
      owners: ["firm", "colleague", "otherFirm", "coordinator"],
    },
    "hub.route": {
      call: (c) => c.hub.route({ id: ids.hubAsk, facilityId: fx.lab.id }),
      roles: ["coordinator"],
      owners: ["coordinator"],
    },
    "hub.reassign": {
      call: (c) => c.hub.reassign({ id: ids.hubAsk, facilityId: fx.otherLab.id, reason: "Probe" }),
      roles: ["coordinator"],
      owners: ["coordinator"],
    },

    "stats.overview": {
      call: (c) => c.stats.overview(period()),
      roles: ["admin"],
      owners: ["admin"],
    },
    "stats.utilisation": {
      call: (c) => c.stats.utilisation(period()),
      roles: ["admin"],
      owners: ["admin"],
    },
    "stats.use": { call: (c) => c.stats.use(period()), roles: ["admin"], owners: ["admin"] },
    "evaluation.ranking": {
      call: (c) => c.evaluation.ranking({ year: 2027 }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "evaluation.facility": {
      call: (c) => c.evaluation.facility({ year: 2027, facilityId: fx.lab.id }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "evaluation.saveSettings": {
      call: (c) =>
        c.evaluation.saveSettings({
          year: 2027,
          benchmarkHours: 1500,
          scope: "all",
          weights: {
            effectiveHours: 40,
            sharingRate: 20,
            externalUsers: 10,
            income: 10,
            rating: 10,
            availability: 10,
          },
        }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "evaluation.setExcluded": {
      call: (c) =>
        c.evaluation.setExcluded({ year: 2027, equipmentId: fx.reactor.id, excluded: true }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "evaluation.run": {
      call: (c) => c.evaluation.run({ year: 2027 }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "evaluation.mine": {
      call: (c) => c.evaluation.mine(),
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "stats.machineHours": {
      call: (c) => c.stats.machineHours(period()),
      roles: ["admin"],
      owners: ["admin"],
    },
    "stats.equipmentRequests": {
      call: (c) => c.stats.equipmentRequests({ equipmentId: fx.reactor.id, ...period() }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "admin.facilities": {
      call: (c) => c.admin.facilities({}),
      roles: ["admin"],
      owners: ["admin"],
    },
    "admin.facility": {
      call: (c) => c.admin.facility({ id: fx.lab.id }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "admin.createFacility": {
      call: (c) =>
        c.admin.createFacility({
          slug: "probe-lab",
          nameEn: "Probe Lab",
          nameZh: "探测实验室",
          prefecture: "mianyang",
          fields: ["advanced_materials"],
        }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "admin.updateFacility": {
      call: (c) => c.admin.updateFacility({ id: fx.lab.id, nameEn: "Probe" }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "admin.setFacilityStatus": {
      call: (c) =>
        c.admin.setFacilityStatus({ id: fx.lab.id, status: "suspended", reason: "Probe" }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "admin.users": { call: (c) => c.admin.users({}), roles: ["admin"], owners: ["admin"] },
    "admin.createUser": {
      call: (c) =>
        c.admin.createUser({
          email: "probe@example.cn",
          name: "Probe",
          role: "operator",
          facilityId: fx.lab.id,
        }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "admin.setUserDisabled": {
      call: (c) => c.admin.setUserDisabled({ id: fx.operator.id, disabled: true }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "admin.setSignatory": {
      call: (c) => c.admin.setSignatory({ id: fx.operator.id, signatory: false }),
      roles: ["admin"],
      owners: ["admin"],
    },
    "admin.resetPassword": {
      call: (c) => c.admin.resetPassword({ id: fx.operator.id }),
      roles: ["admin"],
      owners: ["admin"],
    },
  };
}

export type RouteSpec = Spec & { request: () => Promise<Response> };
type RouteModule = Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
const route = (path: string) => import(`@/app/api/${path}/route`) as Promise<RouteModule>;
export function routeSpecs({ ids, icalToken }: Tenant): Record<string, RouteSpec> {
  return {
    "GET /api/attachments/[id]": {
      request: async () =>
        (await route("attachments/[id]")).GET(new Request("http://localhost/"), {
          params: Promise.resolve({ id: String(ids.attachment) }),
        }),
      call: async () => null,
      roles: ALL,
      owners: [...FIRM_SIDE, "operator", "admin"],
      others: "NOT_FOUND",
    },
    "POST /api/requests/[id]/attachments": {
      request: async () => {
        const form = new FormData();
        form.set(
          "file",
          new File([new Uint8Array(minimalPdf(["probe"]))], "probe.pdf", {
            type: "application/pdf",
          }),
        );
        return (await route("requests/[id]/attachments")).POST(
          new Request("http://localhost/", { method: "POST", body: form }),
          { params: Promise.resolve({ id: String(ids.confirmed) }) },
        );
      },
      call: async () => null,
      roles: PARTY,
      owners: [...FIRM_SIDE, "operator"],
      others: "NOT_FOUND",
    },
    "GET /api/requests/[id]/ics": {
      request: async () =>
        (await route("requests/[id]/ics")).GET(new Request("http://localhost/"), {
          params: Promise.resolve({ id: String(ids.confirmed) }),
        }),
      call: async () => null,
      roles: ALL,
      owners: [...FIRM_SIDE, "operator", "admin"],
      others: "NOT_FOUND",
    },
    "POST /api/requests/[id]/reports": {
      request: async () => {
        const form = new FormData();
        form.set("title", "Probe report");
        form.set(
          "file",
          new File([new Uint8Array(minimalPdf(["probe"]))], "probe.pdf", {
            type: "application/pdf",
          }),
        );
        return (await route("requests/[id]/reports")).POST(
          new Request("http://localhost/", { method: "POST", body: form }),
          { params: Promise.resolve({ id: String(ids.started) }) },
        );
      },
      call: async () => null,
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "GET /api/reports/[id]/draft": {
      request: async () =>
        (await route("reports/[id]/draft")).GET(new Request("http://localhost/"), {
          params: Promise.resolve({ id: String(ids.report) }),
        }),
      call: async () => null,
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "GET /api/requests/[id]/sample-labels": {
      request: async () =>
        (await route("requests/[id]/sample-labels")).GET(new Request("http://localhost/"), {
          params: Promise.resolve({ id: String(ids.confirmed) }),
        }),
      call: async () => null,
      roles: FACILITY,
      owners: ["operator"],
      others: "NOT_FOUND",
    },
    "GET /api/requests/[id]/agreement": {
      request: async () =>
        (await route("requests/[id]/agreement")).GET(new Request("http://localhost/"), {
          params: Promise.resolve({ id: String(ids.quoted) }),
        }),
      call: async () => null,
      roles: ALL,
      owners: [...FIRM_SIDE, "operator", "admin"],
      others: "NOT_FOUND",
    },
    "GET /api/admin/vouchers/claims": {
      request: async () =>
        (await route("admin/vouchers/claims")).GET(
          new Request("http://localhost/api/admin/vouchers/claims?format=zip"),
          {},
        ),
      call: async () => null,
      roles: ["admin"],
      owners: ["admin"],
    },
    "GET /api/admin/evaluation": {
      request: async () =>
        (await route("admin/evaluation")).GET(
          new Request("http://localhost/api/admin/evaluation?year=2027&what=instruments"),
          {},
        ),
      call: async () => null,
      roles: ["admin"],
      owners: ["admin"],
    },
    "GET /api/operator/schedule-csv": {
      request: async () =>
        (await route("operator/schedule-csv")).GET(
          new Request("http://localhost/api/operator/schedule-csv?from=2027-01-04&to=2027-01-11"),
          {},
        ),
      call: async () => null,
      roles: FACILITY,
      owners: ["operator"],
      others: "OWN",
    },
    "GET /api/ical/[token]": {
      request: async () =>
        (await route("ical/[token]")).GET(new Request("http://localhost/"), {
          params: Promise.resolve({ token: `${icalToken}.ics` }),
        }),
      call: async () => null,
      roles: "public", // the secret token is the credential
    },
    "GET /api/health": {
      request: async () => (await route("health")).GET(new Request("http://localhost/"), {}),
      call: async () => null,
      roles: "public",
    },
  };
}

/** A fresh database holding the tenant, made before the file's tests with the clock at NOW. */
export function withTenant(): { db: DB; tenant: () => Tenant } {
  const { db, dir } = freshDb();
  const previousDataDir = process.env.DATA_DIR;
  let tenant: Tenant | null = null;
  beforeAll(async () => {
    process.env.DATA_DIR = dir;
    setClockForTests(NOW);
    tenant = await makeTenant(db);
  });
  afterAll(() => {
    setClockForTests(null);
    process.env.DATA_DIR = previousDataDir;
  });
  return { db, tenant: () => tenant! };
}

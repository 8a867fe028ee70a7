// The report register: a tester's PDF is reviewed and approved by other people (three for an
// accredited service, two otherwise; the approver an authorised signatory), takes the facility's
// next number of the year at approval, and is released as a stamped PDF whose hash is fixed. An
// amendment supersedes the old number, a revocation withdraws it, and the public verification
// shows what a holder of the number and code may know, and nothing about the firm.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import {
  accreditations,
  attachments,
  equipment,
  notifications,
  services,
  users,
} from "@/db/schema";
import { DomainError } from "@/server/services/errors";
import { setClockForTests } from "@/server/services/clock";
import { loadActor } from "@/server/services/users/load-actor";
import { draftReport } from "@/server/services/reports/draft";
import { verifyReport, REPORT_LOOKUPS_PER_ADDRESS } from "@/server/services/reports/verify";
import { readAttachment } from "@/server/services/booking/attachments";
import { fieldRefusalsOf } from "@/server/api/errors";
import { PdfWriter } from "@/server/services/pdf/pdf-writer";
import { textOf } from "../helpers/pdf-text";
import { outcome } from "../helpers/outcome";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR, DAY } from "../helpers/booking-fixture";

const { db, dir } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
const previousDataDir = process.env.DATA_DIR;
const actor = (u: { id: number }) => loadActor(db, u.id)!;
let reviewer: { id: number };
let signatory: { id: number };
let signatory2: { id: number };
let accredited: { id: number };
const requests: number[] = [];
/** A tester's report, written with embedded fonts so that its text can be read back. */
async function pdf(line: string) {
  const w = await PdfWriter.create("Report");
  await w.paragraph(line);
  await w.paragraph("Result: within limits");
  return w.save();
}

const staff = (email: string, name: string, signs: boolean) =>
  db
    .insert(users)
    .values({
      email,
      name,
      passwordHash: "x",
      role: "operator",
      facilityId: fx.lab.id,
      signatory: signs,
    })
    .returning()
    .get();

/** A request of the lab's testing service (or `serviceId`), confirmed and started. */
async function startedRequest(serviceId = fx.testing.id, day = 2) {
  setClockForTests(NOW);
  const firm = callerFor(db, fx.firmUser.id);
  const op = callerFor(db, fx.operator.id);
  const { id } = await firm.request.submit(
    requestBody({
      facilityId: fx.lab.id,
      serviceId,
      serviceType: "testing",
      title: "Salt-spray test",
      hours: 2,
    }),
  );
  await op.request.quote({
    id,
    equipmentId: fx.chamber.id,
    start: at(day, 9),
    end: at(day, 11),
    units: 1,
    amountFen: 100_000,
    validUntil: NOW + HOUR,
  });
  await firm.request.accept({ id });
  setClockForTests(at(day, 9));
  await op.request.start({ id });
  return id;
}

async function refusal(p: Promise<unknown> | (() => unknown)) {
  const before = tableCounts(db);
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof DomainError || e instanceof TRPCError) {
      // Nothing changes but the audit of a denial.
      const after = tableCounts(db);
      expect(Object.keys(after).filter((k) => after[k] !== before[k] && k !== "audit_log")).toEqual(
        [],
      );
      return `${e.code}: ${e.message}`;
    }
    throw e;
  }
  return "OK";
}

const draft = async (
  requestId: number,
  by: { id: number } = fx.operator,
  extra: Record<string, unknown> = {},
) =>
  draftReport(
    db,
    actor(by),
    { requestId, title: "Salt-spray resistance of alloy coupons", ...extra },
    { name: "report.pdf", bytes: await pdf(`Report of request ${requestId}`) },
  );

beforeAll(async () => {
  process.env.DATA_DIR = dir;
  fx = await makeBookingFixture(db);
  reviewer = staff("reviewer@example.cn", "Reviewer Zhao", false);
  signatory = staff("signatory@example.cn", "Signatory Qian", true);
  signatory2 = staff("signatory2@example.cn", "Signatory Sun", true);
  accredited = db
    .insert(services)
    .values({
      facilityId: fx.lab.id,
      type: "testing",
      name: "Accredited climate test",
      accredited: true,
    })
    .returning()
    .get();
  db.insert(accreditations)
    .values([
      {
        facilityId: fx.lab.id,
        type: "CMA",
        certificateNo: "CMA-2025-0042",
        validUntil: NOW + 400 * DAY,
      },
      { facilityId: fx.lab.id, type: "CNAS", certificateNo: "L0001", validUntil: NOW - DAY },
    ])
    .run();
  db.update(equipment)
    .set({ calibrationDueAt: NOW + 300 * DAY })
    .where(eq(equipment.id, fx.chamber.id))
    .run();
  requests.push(await startedRequest(), await startedRequest(accredited.id, 3));
});
afterAll(() => {
  setClockForTests(null);
  process.env.DATA_DIR = previousDataDir;
});

const number = (seq: number) =>
  `P${String(fx.lab.id).padStart(3, "0")}-2027-R${String(seq).padStart(5, "0")}`;

describe("report register", () => {
  it("releases a report of a service without accreditation on two signatures, numbered and stamped", async () => {
    const report = await draft(requests[0]);
    expect(report).toMatchObject({ status: "awaiting_review", accredited: false, number: null });
    // The firm sees nothing until it is released.
    const firm = callerFor(db, fx.firmUser.id);
    expect((await firm.report.ofRequest({ requestId: requests[0] })).reports).toEqual([]);
    const released = await callerFor(db, signatory.id).report.approve({ reportId: report.id });
    expect(released).toMatchObject({ status: "released", number: number(1), reviewedBy: null });
    expect(released.code).toMatch(/^[A-Z2-9]{10}$/);

    const seen = (await firm.report.ofRequest({ requestId: requests[0] })).reports;
    expect(seen).toEqual([
      expect.objectContaining({
        number: number(1),
        status: "released",
        tester: "operator",
        approver: "Signatory Qian",
        reviewer: null,
        draftFileName: null,
        actions: [],
      }),
    ]);
    const file = readAttachment(db, actor(fx.firmUser), seen[0].attachmentId!);
    expect(file.fileName).toContain(number(1));
    const text = await textOf(new Uint8Array(file.bytes));
    expect(text).toContain(number(1));
    expect(text).toContain(`${released.code.slice(0, 5)}-${released.code.slice(5)}`);
    expect(text).toContain("Signatory Qian");
    expect(text).toContain("检验检测报告");
    expect(text).toContain(`Report of request ${requests[0]}`);
    expect(text).toContain(`Report ${number(1)} · page 2 of 2`);
    // No marks: the service is not accredited.
    expect(text).not.toContain("CMA-2025-0042");
    const told = db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, fx.firmUser.id))
      .all()
      .filter((n) => n.kind === "request.report_released");
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain(number(1));
  });

  it("needs three different people for an accredited service, the approver a signatory", async () => {
    const report = await draft(requests[1]);
    const id = { reportId: report.id };
    expect(await refusal(callerFor(db, signatory.id).report.approve(id))).toMatch(
      /^PRECONDITION_FAILED: Report “.*” is awaiting review/,
    );
    expect(await refusal(callerFor(db, fx.operator.id).report.review(id))).toMatch(
      /^FORBIDDEN: You already signed report/,
    );
    expect((await callerFor(db, reviewer.id).report.review(id)).status).toBe("awaiting_approval");
    expect(await refusal(callerFor(db, reviewer.id).report.approve(id))).toMatch(
      /^FORBIDDEN: You already signed/,
    );
    expect(await refusal(callerFor(db, fx.operator.id).report.approve(id))).toMatch(
      /^FORBIDDEN: You already signed/,
    );
    db.update(users).set({ signatory: false }).where(eq(users.id, signatory.id)).run();
    expect(await refusal(callerFor(db, signatory.id).report.approve(id))).toBe(
      "FORBIDDEN: Only the facility’s authorised signatories approve and revoke reports.",
    );
    db.update(users).set({ signatory: true }).where(eq(users.id, signatory.id)).run();
    const released = await callerFor(db, signatory.id).report.approve(id);
    expect(released.number).toBe(number(2));
    expect(released.marks).toEqual([
      { type: "CMA", certificateNo: "CMA-2025-0042", validUntil: NOW + 400 * DAY },
    ]);
    const text = await textOf(
      new Uint8Array(readAttachment(db, actor(fx.operator), released.attachmentId!).bytes),
    );
    for (const name of ["operator", "Reviewer Zhao", "Signatory Qian", "CMA CMA-2025-0042"])
      expect(text).toContain(name);
    expect(text).not.toContain("L0001");
  });

  it("supersedes a report with an amendment and says so to the verifier", async () => {
    const [old] = (await callerFor(db, fx.operator.id).report.ofRequest({ requestId: requests[0] }))
      .reports;
    expect(old.actions).toEqual(["amend"]);
    expect(await refusal(draft(requests[0], fx.operator, { supersedesId: old.id }))).toMatch(
      /^VALIDATION: .*reason/,
    );
    const amendment = await draft(requests[0], reviewer, {
      supersedesId: old.id,
      reason: "Coupon 3 mass corrected",
    });
    expect(
      await refusal(draft(requests[0], fx.operator, { supersedesId: old.id, reason: "again" })),
    ).toBe(`CONFLICT: An amendment of ${number(1)} is already in the register.`);
    const released = await callerFor(db, signatory2.id).report.approve({ reportId: amendment.id });
    expect(released.number).toBe(number(3));
    const list = (await callerFor(db, fx.firmUser.id).report.ofRequest({ requestId: requests[0] }))
      .reports;
    expect(list.map((r) => [r.number, r.status, r.supersededBy, r.supersedes])).toEqual([
      [number(1), "superseded", number(3), null],
      [number(3), "released", null, number(1)],
    ]);
    const text = await textOf(
      new Uint8Array(readAttachment(db, actor(fx.firmUser), list[1].attachmentId!).bytes),
    );
    expect(text).toContain(`${number(1)} (Coupon 3 mass corrected)`);
    const byNumber = verifyReport(db, "203.0.113.1", { number: number(1) });
    expect(byNumber).toEqual({ exists: true, codeChecked: false });
  });

  it("revokes a released report, by a signatory with a reason, and tells the firm", async () => {
    const report = (
      await callerFor(db, fx.operator.id).report.ofRequest({ requestId: requests[1] })
    ).reports[0];
    expect(
      await refusal(
        callerFor(db, fx.operator.id).report.revoke({
          reportId: report.id,
          reason: "Wrong standard",
        }),
      ),
    ).toBe("FORBIDDEN: Only the facility’s authorised signatories approve and revoke reports.");
    const bad = await outcome(
      callerFor(db, signatory.id).report.revoke({ reportId: report.id, reason: "x" }),
    );
    expect(fieldRefusalsOf(bad as TRPCError)).toHaveProperty("reason");
    const revoked = await callerFor(db, signatory.id).report.revoke({
      reportId: report.id,
      reason: "Wrong standard cited",
    });
    expect(revoked).toMatchObject({ status: "revoked", closeReason: "Wrong standard cited" });
    expect(
      await refusal(
        callerFor(db, signatory.id).report.revoke({ reportId: report.id, reason: "again" }),
      ),
    ).toMatch(/^PRECONDITION_FAILED: Report .* is revoked/);
    const firmSees = (
      await callerFor(db, fx.firmUser.id).report.ofRequest({ requestId: requests[1] })
    ).reports[0];
    expect(firmSees).toMatchObject({ status: "revoked", closeReason: "Wrong standard cited" });
    expect(
      db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, fx.firmUser.id))
        .all()
        .some(
          (n) => n.kind === "request.report_revoked" && n.body.includes("Wrong standard cited"),
        ),
    ).toBe(true);
  });

  it("returns a draft to the tester; a returned report takes no further step", async () => {
    const report = await draft(requests[1]);
    const returned = await callerFor(db, reviewer.id).report.return({
      reportId: report.id,
      reason: "Attach the raw data table",
    });
    expect(returned.status).toBe("returned");
    expect(
      await refusal(callerFor(db, signatory.id).report.approve({ reportId: report.id })),
    ).toMatch(/is returned to the tester/);
    // The firm never sees a returned draft.
    const firmSees = (
      await callerFor(db, fx.firmUser.id).report.ofRequest({ requestId: requests[1] })
    ).reports;
    expect(firmSees.map((r) => r.id)).not.toContain(report.id);
  });

  it("verifies by number and code without showing the firm or the results", async () => {
    const op = callerFor(db, fx.operator.id);
    const report = await draft(requests[1]);
    await callerFor(db, reviewer.id).report.review({ reportId: report.id });
    const released = await callerFor(db, signatory2.id).report.approve({ reportId: report.id });
    const address = "203.0.113.9";
    expect(verifyReport(db, address, { number: " p999-2027-r00001 " })).toEqual({ exists: false });
    expect(verifyReport(db, address, { number: released.number!, code: "ABCDE-FGHJK" })).toEqual({
      exists: true,
      codeChecked: true,
      codeMatches: false,
    });
    const ok = verifyReport(db, address, {
      number: released.number!.toLowerCase(),
      code: `${released.code.slice(0, 5).toLowerCase()} ${released.code.slice(5)}`,
    });
    expect(ok).toMatchObject({
      exists: true,
      codeMatches: true,
      number: released.number,
      status: "released",
      service: { name: "Accredited climate test" },
      sha256: released.releasedSha256,
      marks: [expect.objectContaining({ type: "CMA" })],
    });
    const shown = JSON.stringify(ok);
    expect(shown).not.toContain("Firm A");
    expect(shown).not.toContain("within limits");
    expect(shown).not.toContain("Salt-spray");
    // Malformed input is a field refusal, and is not counted.
    expect(await refusal(() => verifyReport(db, address, { number: "12345" }))).toMatch(/number/);
    expect(
      await refusal(() => verifyReport(db, address, { number: released.number!, code: "0O" })),
    ).toMatch(/code/);
    void op;
  });

  it("limits lookups per client address", async () => {
    setClockForTests(at(5, 9));
    const address = "198.51.100.99";
    for (let i = 0; i < REPORT_LOOKUPS_PER_ADDRESS.limit; i++)
      verifyReport(db, address, { number: number(1) });
    expect(await refusal(() => verifyReport(db, address, { number: number(1) }))).toMatch(
      /^TOO_MANY_REQUESTS: Too many attempts/,
    );
    // Another address is not affected; the window passes.
    expect(verifyReport(db, "198.51.100.100", { number: number(1) }).exists).toBe(true);
    setClockForTests(at(5, 9) + 11 * 60_000);
    expect(verifyReport(db, address, { number: number(1) }).exists).toBe(true);
  });

  it("refuses to serve a released file that no longer matches its hash", async () => {
    const [r] = (await callerFor(db, fx.firmUser.id).report.ofRequest({ requestId: requests[0] }))
      .reports;
    const row = db.select().from(attachments).where(eq(attachments.id, r.attachmentId!)).get()!;
    const file = path.join(dir, row.storagePath);
    const original = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.concat([original, Buffer.from("%tampered")]));
    // Refused, and the refusal is audited.
    expect(() => readAttachment(db, actor(fx.firmUser), row.id)).toThrow(
      /^The file .* no longer matches its recorded SHA-256/,
    );
    fs.writeFileSync(file, original);
    expect(readAttachment(db, actor(fx.firmUser), row.id).bytes.length).toBe(original.length);
    // Nor can the register be pointed at another file once the report is released.
    expect(() =>
      db.$client.prepare("UPDATE reports SET released_sha256 = 'x' WHERE id = ?").run(r.id),
    ).toThrow(/released report's number and file do not change/);
    expect(() =>
      db.$client.prepare("UPDATE reports SET draft_sha256 = 'x' WHERE id = ?").run(r.id),
    ).toThrow(/report's file does not change/);
  });

  it("refuses bad input, other roles and other tenants, changing nothing", async () => {
    const id = requests[0];
    expect(
      await refusal(
        draftReport(
          db,
          actor(fx.operator),
          { requestId: id, title: "Report" },
          {
            name: "r.pdf",
            bytes: new TextEncoder().encode("not a pdf"),
          },
        ),
      ),
    ).toMatch(/^VALIDATION: .*file: Upload the report as a PDF/);
    expect(await refusal(draft(id, fx.operator, { title: " " }))).toMatch(/title/);
    expect(await refusal(draft(id, fx.operatorB))).toBe("NOT_FOUND: Request not found.");
    expect(await refusal(draft(id, fx.firmUser))).toBe("NOT_FOUND: Request not found.");
    const pending = await draft(id);
    const reportId = pending.id;
    for (const [user, expected] of [
      [fx.operatorB, "NOT_FOUND: Report not found."],
      [fx.coordinator, "NOT_FOUND: Report not found."],
    ] as const) {
      expect(await refusal(callerFor(db, user.id).report.review({ reportId }))).toBe(expected);
      expect(await refusal(callerFor(db, user.id).report.approve({ reportId }))).toBe(expected);
      expect(
        await refusal(callerFor(db, user.id).report.return({ reportId, reason: "nope" })),
      ).toBe(expected);
    }
    for (const user of [fx.firmUser, fx.admin])
      expect(await refusal(callerFor(db, user.id).report.review({ reportId }))).toMatch(
        /^FORBIDDEN/,
      );
    expect(await refusal(callerFor(db, fx.firmUserB.id).report.ofRequest({ requestId: id }))).toBe(
      "NOT_FOUND: Request not found.",
    );
    const bad = await outcome(callerFor(db, reviewer.id).report.review({ reportId: 0 }));
    expect(fieldRefusalsOf(bad as TRPCError)).toHaveProperty("reportId");
    // A request that has not started takes no report.
    setClockForTests(NOW);
    const { id: fresh } = await callerFor(db, fx.firmUser.id).request.submit(
      requestBody({
        facilityId: fx.lab.id,
        serviceId: fx.testing.id,
        serviceType: "testing",
        title: "Tensile test",
        hours: 2,
      }),
    );
    expect(await refusal(draft(fresh))).toMatch(/^INVALID_STATE: .* reports are written on work/);
  });

  it("lets a request be completed once its report is written", async () => {
    const op = callerFor(db, fx.operator.id);
    const id = await startedRequest(fx.testing.id, 4);
    expect(await refusal(op.request.complete({ id }))).toMatch(
      /^PRECONDITION_FAILED: Upload the report/,
    );
    await draft(id);
    expect((await op.request.complete({ id })).status).toBe("completed");
  });
});

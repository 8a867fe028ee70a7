// Approval releases a report: an authorised signatory who neither tested nor reviewed it (for an
// accredited service the review is a step of its own, so three people; otherwise two) approves,
// and in the same transaction the report takes the facility's next number of the year, the
// stamped file is recorded with its hash, an amended report is marked superseded, and the firm is
// told.
//
// Stamping a PDF is asynchronous and a better-sqlite3 transaction cannot wait, so the file is
// stamped first with the number the register would give now; the transaction (BEGIN IMMEDIATE)
// then takes that number only if it is still the next one, and otherwise the approval stamps
// again with the new next number. Numbers stay unique and gap-free: one is taken only by the
// transaction that records the approval.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, gte } from "drizzle-orm";
import type { z } from "zod";
import type { DB, DbOrTx } from "@/db/client";
import { dataDir } from "@/db/paths";
import {
  accreditations,
  attachments,
  bookingRequests,
  facilities,
  reports,
  services,
  users,
  type ReportMark,
} from "@/db/schema";
import type { Actor } from "../actor";
import { refuse } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { recordAudit } from "../audit/record-audit";
import { facilityYear, nextSequence, registryNumber } from "../samples/sequence";
import {
  assertNotSignedBy,
  assertSignatory,
  assertStatus,
  ownReport,
  type ReportRow,
} from "./access";
import { reportIdInput, tellFirm } from "./sign";
import { keepReportFile, readChecked, sha256Of } from "./files";
import { stampReport, type StampFacts } from "./stamp";

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

/** A verification code: 10 characters (50 bits), printed beside the QR code. */
export const newVerificationCode = () =>
  Array.from({ length: 10 }, () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]).join("");
export const codeHash = (code: string) => sha256Of(new TextEncoder().encode(code));

/** Everything that must hold for the caller to approve: checked before stamping and again in the
 * transaction that releases. */
function checkApproval(tx: DbOrTx, actor: Actor, reportId: number): ReportRow {
  const r = ownReport(tx, actor, reportId);
  // An accredited service's report is reviewed first; another's may be approved straight away.
  assertStatus(r, r.accredited ? ["awaiting_approval"] : ["awaiting_review", "awaiting_approval"]);
  assertNotSignedBy(r, actor);
  assertSignatory(tx, actor);
  if (r.supersedesId !== null) {
    const old = tx.select().from(reports).where(eq(reports.id, r.supersedesId)).get()!;
    if (old.status !== "released")
      throw refuse("INVALID_STATE", "report.notReleased", { title: old.title });
  }
  return r;
}

const nameOf = (tx: DbOrTx, id: number) =>
  tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()!.name;

/** The facts the cover page prints. */
function stampFacts(
  tx: DbOrTx,
  actor: Actor,
  r: ReportRow,
  number: string,
  code: string,
  at: number,
): StampFacts {
  const request = tx
    .select()
    .from(bookingRequests)
    .where(eq(bookingRequests.id, r.requestId))
    .get()!;
  const { timeZone, ...facility } = tx
    .select({ name: facilities.nameEn, nameZh: facilities.nameZh, timeZone: facilities.timeZone })
    .from(facilities)
    .where(eq(facilities.id, r.facilityId))
    .get()!;
  const service =
    request.serviceId === null
      ? null
      : tx
          .select({ name: services.name, nameZh: services.nameZh })
          .from(services)
          .where(eq(services.id, request.serviceId))
          .get()!;
  const testedFrom = request.quoteStart ?? r.testedAt;
  const testedTo = request.quoteEnd ?? r.testedAt;
  const old = r.supersedesId
    ? tx.select().from(reports).where(eq(reports.id, r.supersedesId)).get()!
    : null;
  return {
    number,
    code,
    facility,
    service: service ?? { name: request.title, nameZh: "" },
    title: r.title,
    timeZone,
    testedFrom,
    testedTo,
    issuedAt: at,
    marks: r.accredited ? marksValidOn(tx, r.facilityId, testedTo) : [],
    tester: nameOf(tx, r.testedBy),
    reviewer: r.reviewedBy === null ? null : nameOf(tx, r.reviewedBy),
    approver: nameOf(tx, actor.userId),
    supersedes: old ? { number: old.number!, reason: r.reason } : null,
  };
}

/** The facility's accreditations still valid on the last test date. */
function marksValidOn(tx: DbOrTx, facilityId: number, day: number): ReportMark[] {
  return tx
    .select({
      type: accreditations.type,
      certificateNo: accreditations.certificateNo,
      validUntil: accreditations.validUntil,
    })
    .from(accreditations)
    .where(and(eq(accreditations.facilityId, facilityId), gte(accreditations.validUntil, day)))
    .orderBy(accreditations.type)
    .all();
}

class NumberTaken extends Error {}

export async function approveReport(db: DB, actor: Actor, raw: z.input<typeof reportIdInput>) {
  const input = parseInput(reportIdInput, raw);
  for (;;) {
    const r = checkApproval(db, actor, input.reportId);
    const draft = readChecked(r.draftPath, r.draftSha256);
    if (!draft) throw refuse("CONFLICT", "report.fileAltered", { title: r.title });
    const at = now();
    const year = facilityYear(db, r.facilityId, at);
    const seq = nextSequence(db, "reports", r.facilityId, year);
    const number = registryNumber(r.facilityId, year, seq, "R");
    const code = newVerificationCode();
    const facts = stampFacts(db, actor, r, number, code, at);
    const released = keepReportFile(await stampReport(draft, facts), "released");
    try {
      return release(db, actor, input.reportId, { at, year, seq, number, code, facts, released });
    } catch (e) {
      // The stamped file is kept only by the approval that records it.
      removeIfUnused(db, released.rel);
      if (e instanceof NumberTaken) continue;
      throw e;
    }
  }
}

function release(
  db: DB,
  actor: Actor,
  reportId: number,
  p: {
    at: number;
    year: number;
    seq: number;
    number: string;
    code: string;
    facts: StampFacts;
    released: { rel: string; sha256: string };
  },
) {
  return db.transaction(
    (tx) => {
      const r = checkApproval(tx, actor, reportId);
      if (nextSequence(tx, "reports", r.facilityId, p.year) !== p.seq) throw new NumberTaken();
      const size = fs.statSync(path.join(dataDir(), p.released.rel)).size;
      const file = tx
        .insert(attachments)
        .values({
          requestId: r.requestId,
          uploaderId: actor.userId,
          kind: "report",
          fileName: `${p.number}.pdf`,
          mimeType: "application/pdf",
          size,
          sha256: p.released.sha256,
          storagePath: p.released.rel,
          createdAt: p.at,
        })
        .returning({ id: attachments.id })
        .get();
      const row = tx
        .update(reports)
        .set({
          status: "released",
          approvedBy: actor.userId,
          approvedAt: p.at,
          number: p.number,
          year: p.year,
          seq: p.seq,
          codeHash: codeHash(p.code),
          attachmentId: file.id,
          releasedSha256: p.released.sha256,
          marks: p.facts.marks,
          testedFrom: p.facts.testedFrom,
          testedTo: p.facts.testedTo,
        })
        .where(eq(reports.id, r.id))
        .returning()
        .get();
      if (r.supersedesId !== null)
        tx.update(reports)
          .set({ status: "superseded", supersededById: r.id, supersededAt: p.at })
          .where(eq(reports.id, r.supersedesId))
          .run();
      tellFirm(
        tx,
        r.requestId,
        actor,
        "request.report_released",
        p.at,
        p.facts.supersedes
          ? { code: "reportAmended", params: { number: p.number, old: p.facts.supersedes.number } }
          : { code: "reportReleased", params: { number: p.number } },
      );
      recordAudit(tx, {
        action: "reportRegister.approved",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `report:${r.id}`,
        detail: { number: p.number, sha256: p.released.sha256, supersedesId: r.supersedesId },
      });
      return { ...row, code: p.code };
    },
    { behavior: "immediate" },
  );
}

/** A stamped file whose number was taken meanwhile: removed unless a report uses it. */
function removeIfUnused(db: DB, rel: string) {
  const used = db
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.storagePath, rel))
    .get();
  if (!used) fs.rmSync(path.join(dataDir(), rel), { force: true });
}

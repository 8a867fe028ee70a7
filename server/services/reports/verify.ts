// The public check of a report. With its number alone it says only whether the number exists;
// with the number and the verification code printed beside the QR code it shows the facility,
// service, test and issue dates, the accreditation marks, the status (valid, superseded by a newer
// number, revoked, with dates) and the SHA-256 of the released file. Never the firm or the
// results. Each client address has a budget of lookups (REPORT_LOOKUPS_PER_ADDRESS).
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookingRequests, facilities, reports, services } from "@/db/schema";
import { validation } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { spendBudget, type Budget } from "../auth/rate-limit";
import { codeHash } from "./approve";

const NUMBER = /^P\d{3,6}-\d{4}-R\d{5,7}$/;
const CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}$/;

export const normaliseNumber = (raw: string) => raw.trim().toUpperCase();
export const normaliseCode = (raw: string) => raw.replace(/[\s-]/g, "").toUpperCase();

/** Lookups from one address: 30 in 10 minutes (each is audited, and counted from the audit). */
export const REPORT_LOOKUPS_PER_ADDRESS: Budget = {
  actions: ["verify.lookup"],
  limit: 30,
  windowMs: 10 * 60_000,
};

/** Counts this lookup, or refuses when the address has used up its budget. */
function takeLookup(db: DB, address: string, number: string) {
  db.transaction(
    (tx) => {
      spendBudget(tx, REPORT_LOOKUPS_PER_ADDRESS, { ip: address });
      recordAudit(tx, { action: "verify.lookup", target: `report:${number}`, ip: address });
    },
    { behavior: "immediate" },
  );
}

export type Verification =
  | { exists: false }
  | { exists: true; codeChecked: false }
  | { exists: true; codeChecked: true; codeMatches: false }
  | ({ exists: true; codeChecked: true; codeMatches: true } & ReportFacts);

export type ReportFacts = ReturnType<typeof factsOf>;

export function verifyReport(
  db: DB,
  address: string,
  raw: { number: string; code?: string },
): Verification {
  const number = normaliseNumber(raw.number);
  if (!NUMBER.test(number)) throw validation("number", "field.reportNumber");
  const code = raw.code === undefined || raw.code.trim() === "" ? null : normaliseCode(raw.code);
  if (code !== null && !CODE.test(code)) throw validation("code", "field.verifyCode");
  takeLookup(db, address, number);
  const r = db.select().from(reports).where(eq(reports.number, number)).get();
  if (!r) return { exists: false };
  if (code === null) return { exists: true, codeChecked: false };
  const matches = crypto.timingSafeEqual(
    Buffer.from(codeHash(code), "hex"),
    Buffer.from(r.codeHash!, "hex"),
  );
  if (!matches) return { exists: true, codeChecked: true, codeMatches: false };
  return { exists: true, codeChecked: true, codeMatches: true, ...factsOf(db, r) };
}

function factsOf(db: DB, r: typeof reports.$inferSelect) {
  const { timeZone, ...facility } = db
    .select({ name: facilities.nameEn, nameZh: facilities.nameZh, timeZone: facilities.timeZone })
    .from(facilities)
    .where(eq(facilities.id, r.facilityId))
    .get()!;
  const service = db
    .select({ name: services.name, nameZh: services.nameZh })
    .from(bookingRequests)
    .innerJoin(services, eq(services.id, bookingRequests.serviceId))
    .where(eq(bookingRequests.id, r.requestId))
    .get();
  const newer = r.supersededById
    ? db
        .select({ number: reports.number })
        .from(reports)
        .where(eq(reports.id, r.supersededById))
        .get()!.number
    : null;
  return {
    number: r.number!,
    facility,
    /** The facility's: its dates are read in it. */
    timeZone,
    service: service ?? null,
    testedFrom: r.testedFrom,
    testedTo: r.testedTo,
    issuedAt: r.approvedAt!,
    marks: r.marks ?? [],
    status: r.status as "released" | "superseded" | "revoked",
    supersededBy: newer,
    supersededAt: r.supersededAt,
    revokedAt: r.revokedAt,
    sha256: r.releasedSha256!,
  };
}

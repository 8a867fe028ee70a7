// Demo innovation vouchers: this year's programme, allotments for most eligible demo firms (the
// first demo firm among them), one application waiting and one refused; cover drawn by the same
// rule as the app on the accepted requests of allotted firms, and claims for the paid ones.
import { eq } from "drizzle-orm";
import type { DB } from "../client";
import {
  bookingRequests,
  voucherAllotments,
  voucherClaims,
  voucherLedger,
  voucherProgrammes,
} from "../schema";
import {
  defaultFirmCapFen,
  defaultVoucherRatesBp,
  maxVoucherCover,
} from "../reference/voucher-cover";
import type { SeededStaff } from "./demo-parties";
import { DAY, shanghaiYear } from "./time";

/** Grants by the demo firms' positions: ¥ amount, or "pending" / "refused". */
const grants: Record<number, number | "pending" | "refused"> = {
  0: 100_000,
  1: "pending",
  3: 60_000,
  4: 40_000,
  5: 20_000,
  6: 80_000,
  7: "refused",
  8: 50_000,
};

type Row = typeof bookingRequests.$inferInsert;
type Allotment = {
  id: number;
  firmId: number;
  grantedAt: number;
  granted: number;
  available: number;
};

export class VoucherSeeder {
  private readonly programme: typeof voucherProgrammes.$inferSelect;
  private readonly allotments = new Map<number, Allotment>();
  private committedFen = 0;

  constructor(
    private readonly db: DB,
    today: number,
    private readonly staff: SeededStaff,
  ) {
    this.programme = db
      .insert(voucherProgrammes)
      .values({
        year: shanghaiYear(today),
        nameEn: `${shanghaiYear(today)} Sichuan innovation vouchers: pilot testing`,
        nameZh: `${shanghaiYear(today)}年四川省科技创新券（中试检测）`,
        budgetFen: 500_000_000,
        firmCapFen: defaultFirmCapFen,
        ratesBp: defaultVoucherRatesBp,
        eligibleSizes: ["micro", "small", "medium"],
        eligiblePrefectures: [],
        applyFrom: today - 200 * DAY,
        applyUntil: today + 60 * DAY,
        validUntil: today + 400 * DAY,
        createdBy: staff.adminId,
        createdAt: today - 210 * DAY,
      })
      .returning()
      .get();
    for (const [k, grant] of Object.entries(grants)) {
      const firm = staff.firms[Number(k)];
      if (!firm) continue;
      const appliedAt = this.programme.applyFrom + (3 + Number(k)) * DAY;
      const grantedAt = appliedAt + 5 * DAY;
      const requested = typeof grant === "number" ? grant * 100 : 5_000_000;
      const row = db
        .insert(voucherAllotments)
        .values({
          programmeId: this.programme.id,
          firmId: firm.id,
          requestedFen: requested,
          grantedFen: typeof grant === "number" ? requested : null,
          purpose:
            grant === "refused"
              ? "General office equipment and travel."
              : "Third-party testing and pilot-scale runs for our new product line.",
          status: typeof grant === "number" ? "approved" : grant,
          reason:
            grant === "refused" ? "Office equipment and travel are not eligible services." : null,
          appliedBy: firm.userIds[0],
          decidedBy: grant === "pending" ? null : staff.adminId,
          decidedAt: grant === "pending" ? null : grantedAt,
          createdAt: appliedAt,
        })
        .returning()
        .get();
      if (typeof grant !== "number") continue;
      this.entry(row.id, firm.id, null, "allotted", requested, grantedAt);
      this.allotments.set(firm.id, {
        id: row.id,
        firmId: firm.id,
        grantedAt,
        granted: requested,
        available: requested,
      });
    }
  }

  private entry(
    allotmentId: number,
    firmId: number,
    request: { id: number; facilityId: number } | null,
    kind: "allotted" | "reserved" | "redeemed",
    amountFen: number,
    at: number,
  ) {
    this.db
      .insert(voucherLedger)
      .values({
        allotmentId,
        programmeId: this.programme.id,
        firmId,
        requestId: request?.id ?? null,
        facilityId: request?.facilityId ?? null,
        kind,
        amountFen,
        at,
      })
      .run();
  }

  /** The cover an accepted request of an allotted firm draws (every other one), as the app
   * would compute it at acceptance; 0 for the rest. */
  draw(row: Row, requestId: number): number {
    const a = this.allotments.get(row.firmId!);
    const accepted = row.confirmedAt;
    if (!a || !accepted || accepted < a.grantedAt || requestId % 2 === 1) return 0;
    if (!["confirmed", "in_progress", "completed"].includes(row.status!)) return 0;
    const cover = maxVoucherCover({
      eligibleFen: row.quoteAmountFen ?? 0,
      rateBp: this.programme.ratesBp[row.serviceType!] ?? 0,
      allotmentLeftFen: a.available,
      capLeftFen: this.programme.firmCapFen - (a.granted - a.available),
      budgetLeftFen: this.programme.budgetFen - this.committedFen,
    });
    if (cover <= 0) return 0;
    a.available -= cover;
    this.committedFen += cover;
    this.entry(
      a.id,
      a.firmId,
      { id: requestId, facilityId: row.facilityId! },
      "reserved",
      cover,
      accepted,
    );
    return cover;
  }

  /** A claim for a completed, fully paid request with cover; approved for most, a few waiting. */
  claim(
    requestId: number,
    cover: number,
    bill: { invoiceId: number; paidFen: number; paidAt: number } | null,
    reportId: number | null,
    now: number,
  ) {
    if (cover <= 0 || !bill || reportId === null) return;
    const r = this.db
      .select()
      .from(bookingRequests)
      .where(eq(bookingRequests.id, requestId))
      .get()!;
    const filedAt = bill.paidAt + 2 * DAY;
    if (filedAt >= now) return;
    const decidedAt = filedAt + 7 * DAY;
    const approved = decidedAt < now && requestId % 3 !== 0;
    this.db
      .insert(voucherClaims)
      .values({
        requestId,
        facilityId: r.facilityId!,
        programmeId: this.programme.id,
        amountFen: cover,
        agreementNumber: r.agreementNumber!,
        invoiceId: bill.invoiceId,
        reportAttachmentId: reportId,
        paidFen: bill.paidFen,
        status: approved ? "approved" : "filed",
        filedBy: this.staff.operatorByFacility.get(r.facilityId!)!,
        filedAt,
        decidedBy: approved ? this.staff.adminId : null,
        decidedAt: approved ? decidedAt : null,
      })
      .run();
    if (approved) {
      const a = this.allotments.get(r.firmId)!;
      this.entry(
        a.id,
        a.firmId,
        { id: requestId, facilityId: r.facilityId! },
        "redeemed",
        cover,
        decidedAt,
      );
    }
  }
}

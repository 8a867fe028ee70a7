// Money in integer fen: line nets and VAT rounded half up per line, totals as sums of lines, and
// the fee schedule's estimate with minimum charge, surcharges and the small-firm discount.
import { describe, expect, it } from "vitest";
import { lineNetFen, lineVatFen, mulDivHalfUp, quoteTotals } from "@/server/services/money/amounts";
import { estimateFee, type FeeSchedule } from "@/server/services/money/fee-estimate";

describe("amounts", () => {
  it("rounds half up to the fen, exactly, even for large products", () => {
    expect(mulDivHalfUp(5, 1, 10)).toBe(1); // 0.5 → 1
    expect(mulDivHalfUp(4, 1, 10)).toBe(0); // 0.4 → 0
    expect(mulDivHalfUp(15, 1, 10)).toBe(2); // 1.5 → 2
    expect(mulDivHalfUp(9_007_199_254_740_991, 3, 3)).toBe(9_007_199_254_740_991);
    expect(() => mulDivHalfUp(-1, 1, 1)).toThrow(RangeError);
    expect(() => mulDivHalfUp(1.5, 1, 1)).toThrow(RangeError);
  });

  it("prices a line from thousandths of its quantity", () => {
    expect(lineNetFen(2500, 80_000)).toBe(200_000); // 2.5 h × ¥800
    expect(lineNetFen(1, 1)).toBe(0); // 0.001 × 1 fen
    expect(lineNetFen(500, 1)).toBe(1); // 0.5 fen rounds up
    expect(lineNetFen(333, 10)).toBe(3); // 3.33 fen
  });

  it("charges VAT per line, half up, then sums", () => {
    // 6 % of ¥0.25 is 1.5 fen → 2 fen per line; on the summed ¥0.50 it would be 3 fen.
    const t = quoteTotals(
      [
        { quantityMilli: 1000, unitPriceFen: 25, voucherEligible: true },
        { quantityMilli: 1000, unitPriceFen: 25, voucherEligible: false },
      ],
      600,
    );
    expect(t.lines.map((l) => l.vatFen)).toEqual([2, 2]);
    expect(t).toMatchObject({ subtotalFen: 50, vatFen: 4, totalFen: 54, eligibleFen: 27 });
    expect(lineVatFen(100_000, 300)).toBe(3_000);
    expect(lineVatFen(99_999, 100)).toBe(1_000); // 999.99 fen
  });
});

describe("fee schedule estimate", () => {
  const schedule: FeeSchedule = {
    priceBasis: "per_hour",
    priceFen: 60_000,
    minChargeFen: 200_000,
    urgentSurchargePct: 30,
    hazardSurchargePct: 20,
    smallFirmDiscountPct: 10,
  };
  const need = {
    hours: 8,
    units: 1,
    pieces: 1,
    urgent: false,
    hazardous: false,
    firmSize: "large",
  };

  it("multiplies the basis's quantity by the unit price, with VAT", () => {
    expect(estimateFee(schedule, need, 600)).toMatchObject({
      lines: [{ kind: "base", quantity: 8, netFen: 480_000, vatFen: 28_800 }],
      subtotalFen: 480_000,
      vatFen: 28_800,
      totalFen: 508_800,
    });
    expect(
      estimateFee({ ...schedule, priceBasis: "per_day" }, { ...need, hours: 30, units: 2 }, 600)
        ?.lines[0],
    ).toMatchObject({ quantity: 4, netFen: 240_000 });
    expect(
      estimateFee({ ...schedule, priceBasis: "per_sample" }, { ...need, pieces: 5 }, 300)?.lines[0],
    ).toMatchObject({ quantity: 5, netFen: 300_000, vatFen: 9_000 });
  });

  it("charges at least the minimum, adds surcharges and takes off the small-firm discount", () => {
    const e = estimateFee(
      schedule,
      { ...need, hours: 2, urgent: true, hazardous: true, firmSize: "micro" },
      600,
    )!;
    expect(e.lines).toEqual([
      { kind: "minimum", quantity: 2, netFen: 200_000, vatFen: 12_000 },
      { kind: "urgent", quantity: 1, netFen: 60_000, vatFen: 3_600 },
      { kind: "hazardous", quantity: 1, netFen: 40_000, vatFen: 2_400 },
      { kind: "smallFirm", quantity: 1, netFen: -20_000, vatFen: -1_200 },
    ]);
    expect(e.totalFen).toBe(280_000 + 16_800);
  });

  it("gives no estimate for a service priced on quote", () => {
    expect(estimateFee({ ...schedule, priceBasis: "quote" }, need, 600)).toBeNull();
  });
});

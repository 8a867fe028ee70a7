// Voucher cover: the rate's share of the eligible lines, rounded down to the fen and bounded by
// what the allotment has left, the firm's annual cap and the programme's budget; the ledger's
// balances as sums; the XLSX the exports write.
import { describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { maxVoucherCover, defaultVoucherRatesBp } from "@/db/reference/voucher-cover";
import { availableOf, committedOf, openOf, type Sums } from "@/server/services/vouchers/ledger";
import { eligibleLinesFen } from "@/server/services/vouchers/eligible";
import { toXlsx } from "@/server/services/export/xlsx";

const roomy = { allotmentLeftFen: 1e9, capLeftFen: 1e9, budgetLeftFen: 1e9 };

describe("voucher cover", () => {
  it("is the rate's share of the eligible amount, rounded down to the fen", () => {
    expect(maxVoucherCover({ eligibleFen: 106_000, rateBp: 3000, ...roomy })).toBe(31_800);
    // 30 % of 10,001 fen is 3,000.3: never above the rate.
    expect(maxVoucherCover({ eligibleFen: 10_001, rateBp: 3000, ...roomy })).toBe(3000);
    expect(maxVoucherCover({ eligibleFen: 3, rateBp: 2000, ...roomy })).toBe(0);
    expect(maxVoucherCover({ eligibleFen: 0, rateBp: 3000, ...roomy })).toBe(0);
  });

  it("uses the published rates: 30 % testing, 20 % pilot-scale, none for consulting", () => {
    expect(defaultVoucherRatesBp.testing).toBe(3000);
    expect(defaultVoucherRatesBp.inspection).toBe(3000);
    expect(defaultVoucherRatesBp.pilot_production).toBe(2000);
    expect(defaultVoucherRatesBp.consulting).toBe(0);
  });

  it("is bounded by the allotment, the annual cap and the budget, whichever is least", () => {
    const base = { eligibleFen: 1_000_000, rateBp: 3000 };
    expect(maxVoucherCover({ ...base, ...roomy, allotmentLeftFen: 120_000 })).toBe(120_000);
    expect(maxVoucherCover({ ...base, ...roomy, capLeftFen: 90_000 })).toBe(90_000);
    expect(maxVoucherCover({ ...base, ...roomy, budgetLeftFen: 70_000 })).toBe(70_000);
    expect(maxVoucherCover({ ...base, ...roomy, budgetLeftFen: -5 })).toBe(0);
  });

  it("counts only the eligible lines, VAT included", () => {
    expect(
      eligibleLinesFen([
        { netFen: 100_000, vatFen: 6_000, voucherEligible: true },
        { netFen: 20_000, vatFen: 1_200, voucherEligible: false },
        { netFen: 5_000, vatFen: 300, voucherEligible: true },
      ]),
    ).toBe(111_300);
  });
});

describe("ledger balances", () => {
  const s: Sums = { allotted: 100, reserved: 60, released: 10, redeemed: 30, expired: 20 };
  it("available, open and committed are sums over the entries", () => {
    expect(availableOf(s)).toBe(100 - 60 + 10 - 20);
    expect(openOf(s)).toBe(60 - 10 - 30);
    expect(committedOf(s)).toBe(50);
  });
});

describe("xlsx", () => {
  it("writes strings inline, numbers as numbers, and escapes markup", () => {
    const files = unzipSync(
      toXlsx(
        "claims",
        ["名称 Name", "金额"],
        [
          ["A & <B>", 12.5],
          [null, 3],
        ],
      ),
    );
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain(
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve">A &amp; &lt;B&gt;</t>',
    );
    expect(sheet).toContain('<c r="B2"><v>12.5</v></c>');
    expect(sheet).toContain("名称 Name");
    expect(Object.keys(files)).toContain("[Content_Types].xml");
  });
});

// What a voucher may pay part of: the quote lines marked eligible, VAT included.
export const eligibleLinesFen = (
  lines: { netFen: number; vatFen: number; voucherEligible: boolean }[],
) => lines.filter((l) => l.voucherEligible).reduce((n, l) => n + l.netFen + l.vatFen, 0);

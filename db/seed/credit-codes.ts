// Builds valid unified social credit codes for illustrative firms (GB 32100 and GB 11714 check
// characters).
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function organisationCheck(body8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body8].reduce((s, ch, i) => s + Number(ch) * w[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

export function makeCreditCode(region6: string, orgDigits8: string): string {
  const first17 = `91${region6}${orgDigits8}${organisationCheck(orgDigits8)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

// The unified social credit code of GB 32100-2015: 18 characters, the last a check character.
import { z } from "zod";

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return CHARSET[check];
}

export type CreditCodeProblem = "length" | "characters" | "region" | "check_digit";

/** Null when valid, otherwise the first problem found. Input is normalised to upper case first. */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return "length";
  for (const ch of code) if (!CHARSET.includes(ch)) return "characters";
  if (!/^\d{6}$/.test(code.slice(2, 8))) return "region";
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : "check_digit";
}

/** The refusal code of each problem (the sentences are in server/i18n/messages). */
export const creditCodeRefusals = {
  length: "field.ccLength",
  characters: "field.ccCharacters",
  region: "field.ccRegion",
  check_digit: "field.ccCheck",
} as const satisfies Record<CreditCodeProblem, string>;

/** A unified social credit code as a form sends it: trimmed, upper-cased, checked. */
export const creditCodeInput = z
  .string({ error: "field.ccMissing" })
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: "custom", message: creditCodeRefusals[problem] });
  });

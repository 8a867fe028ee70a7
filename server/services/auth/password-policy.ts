import type { Refusal } from "@/server/i18n/render";
import { commonPasswords } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

/** Null when acceptable, otherwise the refusal shown next to the field. */
export function passwordProblem(password: string, email?: string): Refusal | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return { code: "field.pwShort", params: { min: MIN_PASSWORD_LENGTH } };
  if (password.length > MAX_PASSWORD_LENGTH)
    return { code: "field.pwLong", params: { max: MAX_PASSWORD_LENGTH } };
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return { code: "field.pwCommon" };
  if (/^(.)\1+$/.test(password)) return { code: "field.pwRepeat" };
  if (email && lower.includes(email.toLowerCase().split("@")[0]) && email.split("@")[0].length >= 4)
    return { code: "field.pwEmail" };
  return null;
}

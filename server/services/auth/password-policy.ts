import { commonPasswords } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 10;

/** Null when acceptable, otherwise the reason shown next to the field. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 200) return "must be at most 200 characters";
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return "is one of the most common passwords: choose another";
  if (/^(.)\1+$/.test(password)) return "must not repeat a single character";
  if (email && lower.includes(email.toLowerCase().split("@")[0]) && email.split("@")[0].length >= 4)
    return "must not contain your email name";
  return null;
}

import { describe, expect, it } from "vitest";
import { passwordProblem as problemOf } from "@/server/services/auth/password-policy";
import { renderRefusal } from "@/server/i18n/render";

/** The policy's reason as the English sentence an API caller reads. */
const passwordProblem = (password: string, email?: string) => {
  const problem = problemOf(password, email);
  return problem && renderRefusal("en", problem);
};

describe("password policy", () => {
  it("accepts a long, uncommon password", () => {
    expect(passwordProblem("violet-kiln-orbit-42")).toBeNull();
  });
  it("refuses fewer than 10 characters", () => {
    expect(passwordProblem("short-pw1")).toMatch(/at least 10/);
    expect(passwordProblem("abcdefghi")).toMatch(/at least 10/);
  });
  it("accepts exactly 10 characters", () => {
    expect(passwordProblem("x7!kQ2#mPz")).toBeNull();
  });
  it("refuses common passwords whatever their case", () => {
    expect(passwordProblem("password123")).toMatch(/common/);
    expect(passwordProblem("QWERTYUIOP")).toMatch(/common/);
    expect(passwordProblem("1234567890")).toMatch(/common/);
  });
  it("refuses a single repeated character and the email's name", () => {
    expect(passwordProblem("zzzzzzzzzzzz")).toMatch(/repeat/);
    expect(passwordProblem("chenli-secret-2026", "chenli@example.cn")).toMatch(/email/);
  });
});

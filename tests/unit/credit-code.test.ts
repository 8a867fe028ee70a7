import { describe, expect, it } from "vitest";
import { creditCodeCheckChar, creditCodeProblem } from "@/server/services/firms/credit-code";
import { makeCreditCode } from "@/db/seed/credit-codes";

describe("unified social credit code (GB 32100)", () => {
  it("accepts real published codes", () => {
    for (const code of [
      "914403001922038216",
      "91330100716105852F",
      "9144030071526726XG",
      "91110000802100433B",
    ])
      expect(creditCodeProblem(code)).toBeNull();
  });

  it("accepts lower case and surrounding spaces", () => {
    expect(creditCodeProblem(" 91330100716105852f ")).toBeNull();
  });

  it("rejects a code whose check character is wrong", () => {
    expect(creditCodeProblem("914403001922038217")).toBe("check_digit");
    expect(creditCodeProblem("91330100716105852G")).toBe("check_digit");
  });

  it("names the problem: length, characters, region", () => {
    expect(creditCodeProblem("9144030019220382")).toBe("length");
    expect(creditCodeProblem("9144030019220382161")).toBe("length");
    expect(creditCodeProblem("91440300192203821I")).toBe("characters");
    expect(creditCodeProblem("9144O300192203821X")).toBe("characters");
    expect(creditCodeProblem("91A4030019220382XX")).toBe("region");
  });

  it("detects every single-character substitution of a valid code", () => {
    const valid = "914403001922038216";
    const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (let i = 0; i < 17; i++)
      for (const ch of charset) {
        if (ch === valid[i]) continue;
        const mutated = valid.slice(0, i) + ch + valid.slice(i + 1);
        expect(creditCodeProblem(mutated), mutated).not.toBeNull();
      }
  });

  it("computes the check character the seed uses", () => {
    const code = makeCreditCode("510100", "12345678");
    expect(code).toHaveLength(18);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(creditCodeProblem(code)).toBeNull();
  });
});

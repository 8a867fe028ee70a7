import { describe, expect, it } from "vitest";
import en from "@/app/i18n/messages/en.json";
import zh from "@/app/i18n/messages/zh.json";
import { creditCodeMessages } from "@/server/services/firms/credit-code";
import { passwordProblem } from "@/server/services/auth/password-policy";
import { registerFirmInput } from "@/server/services/firms/register-input";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe("message catalogs", () => {
  it("English and Chinese have the same keys, none empty", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    for (const k of keys(zh))
      expect(
        k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zh),
        k,
      ).not.toBe("");
  });

  it("every reason a registration can give is in the validation catalog, so forms can translate it", () => {
    const known = new Set(Object.values(en.validation));
    const reasons = [
      ...Object.values(creditCodeMessages),
      ...["short-pw", "x".repeat(201), "password123", "zzzzzzzzzzzz"].map((p) =>
        passwordProblem(p)!,
      ),
      passwordProblem("chenli-secret-2026", "chenli@example.cn")!,
    ];
    const parsed = registerFirmInput.safeParse({ firmName: "", email: "x", password: "" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) reasons.push(...parsed.error.issues.map((i) => i.message));
    const missing = registerFirmInput.safeParse({});
    if (!missing.success) reasons.push(...missing.error.issues.map((i) => i.message));
    const long = registerFirmInput.safeParse({
      firmName: "x".repeat(121),
      name: "x".repeat(81),
      email: `${"x".repeat(200)}@example.cn`,
      password: "",
    });
    if (!long.success) reasons.push(...long.error.issues.map((i) => i.message));
    for (const reason of reasons) expect(known, reason).toContain(reason);
  });
});

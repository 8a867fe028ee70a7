import { describe, expect, it } from "vitest";
import { hasHiddenCharacters, hiddenCharacterPath } from "@/server/services/hidden-characters";

describe("hidden characters", () => {
  it("refuses controls, direction overrides and lone surrogates; keeps line breaks and all scripts", () => {
    for (const bad of [
      "a\u0000b",
      "\u202egnp.exe",
      "x\u2066y",
      "\u0085",
      "\ud800",
      "a\udc00",
      "\u001b[31m",
    ])
      expect(hasHiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
    for (const good of [
      "Line 1\r\nLine 2\tend",
      "中试 反应釜 500 L",
      "😀 👩‍🔬",
      "שלום",
      "é\u0301",
      "",
    ])
      expect(hasHiddenCharacters(good), JSON.stringify(good)).toBe(false);
  });

  it("names the first field that holds one", () => {
    expect(hiddenCharacterPath({ title: "ok", params: [{ key: "vol\u202eume" }] })).toBe(
      "params.0.key",
    );
    expect(hiddenCharacterPath({ title: "ok", n: 1, list: ["a", "b"] })).toBeNull();
    expect(hiddenCharacterPath("\u0000")).toBe("input");
    expect(hiddenCharacterPath({ ["bad\u0000key"]: 1 })).toBe("key");
  });
});

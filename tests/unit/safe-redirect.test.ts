// After sign-in the browser goes to a path of this site only: the known bypasses fall back.
import { describe, expect, it } from "vitest";
import { safeLocalPath } from "@/server/services/safe-redirect";

describe("safeLocalPath", () => {
  it("keeps paths of this site, with their query and fragment", () => {
    expect(safeLocalPath("/requests/12?tab=files#top")).toBe("/requests/12?tab=files#top");
    expect(safeLocalPath("/account/password")).toBe("/account/password");
    expect(safeLocalPath("/%5Cnot-a-host")).toBe("/%5Cnot-a-host");
  });

  it("refuses every way off-site", () => {
    for (const bad of [
      "/\\evil.example/x",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "//evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      " /x",
      "evil.example",
      "/\u0000/evil.example",
      "",
      null,
      undefined,
    ])
      expect({ bad, to: safeLocalPath(bad) }).toEqual({ bad, to: "/start" });
  });
});

import { describe, expect, it, vi } from "vitest";
import { HSTS, pageCsp, servedOverHttps } from "@/server/http/security-headers";

describe("security headers", () => {
  it("lets pages run only nonce-carrying scripts", () => {
    const scriptSrc = pageCsp("abc", false)
      .split("; ")
      .find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(pageCsp("abc", false)).toContain("frame-ancestors 'none'");
  });

  it("sends HSTS and Secure cookies only when the app's address is https", async () => {
    expect(servedOverHttps("https://pilot.example.cn")).toBe(true);
    expect(servedOverHttps("http://localhost:3000")).toBe(false);
    expect(servedOverHttps(undefined)).toBe(false);
    expect(HSTS).toMatch(/^max-age=\d{8}/);
    vi.stubEnv("NEXTAUTH_URL", "https://pilot.example.cn");
    vi.resetModules();
    const { authOptions } = await import("@/server/auth/options");
    expect(authOptions.useSecureCookies).toBe(true);
    vi.unstubAllEnvs();
  });
});

// The caller's address: the socket's peer unless proxies are trusted, and never a header alone.
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustProxyHops } from "@/server/http/client-address";
import { CLIENT_ADDRESS_KEY_ENV, clientIp } from "@/server/auth/client-ip";

afterEach(() => {
  delete process.env[CLIENT_ADDRESS_KEY_ENV];
});

describe("clientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted (the default)", () => {
    expect(clientAddress("10.0.0.5", "9.9.9.9", 0)).toBe("10.0.0.5");
    expect(clientAddress("::ffff:127.0.0.1", "9.9.9.9, 8.8.8.8", 0)).toBe("127.0.0.1");
  });

  it("takes the address the outermost trusted proxy saw, not what the client wrote", () => {
    // client wrote "6.6.6.6", proxy 1 saw 1.2.3.4, the socket is proxy 1 (10.0.0.2)
    expect(clientAddress("10.0.0.2", "6.6.6.6, 1.2.3.4", 1)).toBe("1.2.3.4");
    // two proxies: 1.2.3.4 reached the edge proxy, which forwarded to 10.0.0.3
    expect(clientAddress("10.0.0.2", ["6.6.6.6, 1.2.3.4", "10.0.0.3"], 2)).toBe("1.2.3.4");
    // a shorter chain than configured: the leftmost entry
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "1.2.3.4", 3)).toBe("1.2.3.4");
  });

  it("reads TRUST_PROXY_HOPS strictly", () => {
    expect(trustProxyHops(undefined)).toBe(0);
    expect(trustProxyHops("")).toBe(0);
    expect(trustProxyHops("2")).toBe(2);
    for (const bad of ["-1", "1.5", "x", "11", "0x1"])
      expect(() => trustProxyHops(bad)).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe("clientIp", () => {
  it("reads only the header our server signed with this process's key", () => {
    const headers = (value: string) =>
      new Headers({ [CLIENT_ADDRESS_HEADER]: value, "x-forwarded-for": "9.9.9.9" });
    expect(clientIp(headers("k1 1.2.3.4"))).toBeNull(); // no server key: no address at all
    process.env[CLIENT_ADDRESS_KEY_ENV] = "k1";
    expect(clientIp(headers("k1 1.2.3.4"))).toBe("1.2.3.4");
    expect(clientIp(headers("k2 1.2.3.4"))).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "9.9.9.9" }))).toBeNull();
    expect(clientIp({ [CLIENT_ADDRESS_HEADER]: "k1 5.6.7.8" })).toBe("5.6.7.8");
  });
});

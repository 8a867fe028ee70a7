import { describe, expect, it } from "vitest";
import {
  ADDRESS_MAX_FAILURES,
  EMAIL_MAX_DELAY_MS,
  PAIR_MAX_FAILURES,
  WINDOW_MS,
  emailDelayMs,
  limitsReached,
  throttleDecision,
  type SignInHistory,
} from "@/server/services/auth/throttle";

const MIN = 60_000;
const t0 = 1_800_000_000_000;
const none: SignInHistory = { pair: [], email: [], address: [], knownAddress: false };
const minutes = (n: number) => Array.from({ length: n }, (_, i) => t0 + i * MIN);

describe("sign-in throttle", () => {
  it("stops one email from one address after 5 failures until the oldest is 15 minutes old", () => {
    const pair = minutes(PAIR_MAX_FAILURES);
    const history = { ...none, pair, email: pair, knownAddress: true };
    expect(PAIR_MAX_FAILURES).toBe(5);
    expect(throttleDecision({ ...history, pair: pair.slice(0, 4) }, t0 + 5 * MIN)).toEqual({
      allowed: true,
    });
    expect(throttleDecision(history, t0 + 5 * MIN)).toEqual({
      allowed: false,
      until: t0 + WINDOW_MS,
      by: "pair",
    });
    expect(throttleDecision(history, t0 + WINDOW_MS).allowed).toBe(true);
  });

  it("stops an address after 30 failures across any emails", () => {
    const address = minutes(ADDRESS_MAX_FAILURES).map((t) => t0 + (t - t0) / 10);
    expect(throttleDecision({ ...none, address: address.slice(1) }, t0 + 4 * MIN).allowed).toBe(
      true,
    );
    expect(throttleDecision({ ...none, address }, t0 + 4 * MIN)).toMatchObject({
      allowed: false,
      by: "address",
    });
  });

  it("makes an email's guesses from unknown addresses wait longer and longer, never locking", () => {
    expect([0, 1, 2, 3, 4, 5, 9, 20].map(emailDelayMs)).toEqual([
      0, 0, 0, 1000, 2000, 4000, 60_000, 60_000,
    ]);
    const email = minutes(8);
    const last = email[7];
    const unknown = { ...none, email };
    expect(throttleDecision(unknown, last + 1000)).toEqual({
      allowed: false,
      until: last + emailDelayMs(8),
      by: "email",
    });
    expect(throttleDecision(unknown, last + emailDelayMs(8)).allowed).toBe(true);
    expect(emailDelayMs(1000)).toBe(EMAIL_MAX_DELAY_MS);
  });

  it("lets the real user in from an address they signed in from before", () => {
    const email = minutes(12);
    expect(throttleDecision({ ...none, email, knownAddress: true }, t0 + 12 * MIN)).toEqual({
      allowed: true,
    });
  });

  it("reports which limit a failure reaches, once", () => {
    expect(limitsReached({ ...none, pair: minutes(4) }, t0 + 5 * MIN)).toEqual(["pair"]);
    expect(limitsReached({ ...none, pair: minutes(5) }, t0 + 5 * MIN)).toEqual([]);
    const tenSecondsApart = minutes(29).map((t) => t0 + (t - t0) / 6);
    expect(limitsReached({ ...none, address: tenSecondsApart }, t0 + 5 * MIN)).toEqual(["address"]);
  });
});

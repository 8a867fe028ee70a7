import { describe, expect, it } from "vitest";
import {
  failureStartsLock,
  lockStatus,
  FAILURE_WINDOW_MS,
  LOCK_MS,
  MAX_FAILURES,
} from "@/server/services/auth/throttle";

const MIN = 60_000;
const t0 = 1_800_000_000_000;

describe("sign-in throttling window", () => {
  it("locks on the 5th failure within 15 minutes", () => {
    const failures = [t0, t0 + MIN, t0 + 2 * MIN, t0 + 3 * MIN];
    expect(MAX_FAILURES).toBe(5);
    expect(
      failureStartsLock({ failures: failures.slice(0, 3), lockedAt: null }, t0 + 4 * MIN),
    ).toBe(false);
    expect(failureStartsLock({ failures, lockedAt: null }, t0 + 4 * MIN)).toBe(true);
  });

  it("does not count failures older than the window", () => {
    const failures = [t0, t0 + MIN, t0 + 2 * MIN, t0 + 3 * MIN];
    expect(failureStartsLock({ failures, lockedAt: null }, t0 + FAILURE_WINDOW_MS + 1)).toBe(false);
    // exactly at the window's edge the oldest no longer counts
    expect(failureStartsLock({ failures, lockedAt: null }, t0 + FAILURE_WINDOW_MS)).toBe(false);
    expect(failureStartsLock({ failures, lockedAt: null }, t0 + FAILURE_WINDOW_MS - 1)).toBe(true);
  });

  it("refuses for 15 minutes after a lock, then allows again", () => {
    const state = { failures: [], lockedAt: t0 };
    expect(lockStatus(state, t0)).toEqual({ locked: true, until: t0 + LOCK_MS });
    expect(lockStatus(state, t0 + LOCK_MS - 1).locked).toBe(true);
    expect(lockStatus(state, t0 + LOCK_MS).locked).toBe(false);
  });

  it("starts counting afresh after a lock ends", () => {
    const failuresBeforeLock = [t0 - 4 * MIN, t0 - 3 * MIN, t0 - 2 * MIN, t0 - MIN, t0];
    const after = t0 + LOCK_MS + MIN;
    expect(failureStartsLock({ failures: failuresBeforeLock, lockedAt: t0 }, after)).toBe(false);
  });
});

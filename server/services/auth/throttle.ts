// Sign-in throttling: 5 failures for one email (or one IP) within 15 minutes lock it for 15
// minutes.

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export type ThrottleState = {
  /** Times of failed attempts that count (newest last or in any order). */
  failures: number[];
  /** When the current lock began, if any lock began within LOCK_MS. */
  lockedAt: number | null;
};

export type ThrottleDecision = { locked: true; until: number } | { locked: false };

/** Whether an attempt at `now` is refused outright. */
export function lockStatus(state: ThrottleState, now: number): ThrottleDecision {
  if (state.lockedAt !== null && now < state.lockedAt + LOCK_MS)
    return { locked: true, until: state.lockedAt + LOCK_MS };
  return { locked: false };
}

/** After a failure at `now`, whether that failure starts a lock. */
export function failureStartsLock(state: ThrottleState, now: number): boolean {
  const since = Math.max(
    now - FAILURE_WINDOW_MS,
    state.lockedAt !== null ? state.lockedAt + LOCK_MS : -Infinity,
  );
  const recent = state.failures.filter((t) => t > since && t <= now).length;
  return recent + 1 >= MAX_FAILURES;
}

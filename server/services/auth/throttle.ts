// Sign-in throttling that slows a guesser without handing them a way to lock the real user out:
// - one email from one address: 5 failures within 15 minutes stop that pair until the oldest of
//   them is 15 minutes old;
// - one address, any emails: 30 failures within 15 minutes stop the address (password spraying);
// - one email, from addresses it has not signed in from for 30 days: after 3 failures within 15
//   minutes each further attempt waits 1 s, 2 s, 4 s … at most 60 s after the last failure.
// A success resets the pair's and the email's count. The real user, from an address they have
// used before, only ever meets their own pair's limit.

const MINUTE = 60_000;
export const WINDOW_MS = 15 * MINUTE;
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * MINUTE;
export const PAIR_MAX_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 30;
export const EMAIL_FREE_FAILURES = 3;
export const EMAIL_MAX_DELAY_MS = 60_000;

export type SignInHistory = {
  /** Failures of this email from this address since the pair's last success. */
  pair: number[];
  /** Failures of this email from any address since its last success. */
  email: number[];
  /** Failures from this address for any email. */
  address: number[];
  /** Whether this email signed in from this address within KNOWN_ADDRESS_MS. */
  knownAddress: boolean;
};

export type ThrottleDecision =
  { allowed: true } | { allowed: false; until: number; by: "pair" | "address" | "email" };

const recentFirst = (times: number[], now: number) =>
  times.filter((t) => t > now - WINDOW_MS && t <= now).sort((a, b) => b - a);

/** When `max` failures in the window stop attempts: until the max-th newest one ages out. */
function blockedUntil(times: number[], max: number, now: number): number | null {
  const recent = recentFirst(times, now);
  return recent.length >= max ? recent[max - 1] + WINDOW_MS : null;
}

/** The wait after the last of `failures` recent failures of one email. */
export function emailDelayMs(failures: number): number {
  if (failures < EMAIL_FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - EMAIL_FREE_FAILURES), EMAIL_MAX_DELAY_MS);
}

/** Whether an attempt at `now` may check the password at all. */
export function throttleDecision(history: SignInHistory, now: number): ThrottleDecision {
  const pair = blockedUntil(history.pair, PAIR_MAX_FAILURES, now);
  if (pair !== null) return { allowed: false, until: pair, by: "pair" };
  const address = blockedUntil(history.address, ADDRESS_MAX_FAILURES, now);
  if (address !== null) return { allowed: false, until: address, by: "address" };
  if (!history.knownAddress) {
    const recent = recentFirst(history.email, now);
    const until = recent.length ? recent[0] + emailDelayMs(recent.length) : now;
    if (until > now) return { allowed: false, until, by: "email" };
  }
  return { allowed: true };
}

/** Which limits a failure at `now` (not yet in `history`) brings to their threshold. */
export function limitsReached(history: SignInHistory, now: number): ("pair" | "address")[] {
  const reached: ("pair" | "address")[] = [];
  if (recentFirst(history.pair, now).length + 1 === PAIR_MAX_FAILURES) reached.push("pair");
  if (recentFirst(history.address, now).length + 1 === ADDRESS_MAX_FAILURES)
    reached.push("address");
  return reached;
}

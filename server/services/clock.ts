// The service's notion of "now", replaceable in tests.
let override: number | null = null;

export function now(): number {
  return override ?? Date.now();
}

export function setClockForTests(ms: number | null): void {
  override = ms;
}

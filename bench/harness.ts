// Repeats a function and reports its median and p95 in milliseconds.
export type Timing = { name: string; runs: number; medianMs: number; p95Ms: number };

export function measure(name: string, fn: () => unknown, runs = 50, warmup = 5): Timing {
  // Start each benchmark from a collected heap, so one benchmark's garbage does not land in the
  // next one's p95.
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { name, runs, medianMs: at(0.5), p95Ms: at(0.95) };
}

export function report(baseline: Timing, rows: Timing[]): void {
  const fmt = (n: number) => (n < 1 ? n.toFixed(3) : n.toFixed(1)).padStart(9);
  console.log(
    `${"benchmark".padEnd(50)} ${"median ms".padStart(9)} ${"p95 ms".padStart(9)} ${"× baseline (median)".padStart(20)}`,
  );
  for (const r of [baseline, ...rows])
    console.log(
      `${r.name.padEnd(50)} ${fmt(r.medianMs)} ${fmt(r.p95Ms)} ${(r.medianMs / baseline.medianMs).toFixed(1).padStart(20)}`,
    );
}

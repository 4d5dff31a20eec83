/** Shared helpers for benchmarks: timing with a warm-up, medians and peak heap sampling. */

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  detail?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `fn` `warmup` times untimed, then `n` times; returns each run's wall ms. */
export function timeRuns(n: number, warmup: number, fn: (i: number) => void): number[] {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Wall ms and peak heap (MB) of one call; the heap is sampled by the callee through `sample`. */
export function measurePeak(fn: (sample: () => void) => void): { ms: number; peakMb: number } {
  globalThis.gc?.();
  let peak = process.memoryUsage().heapUsed;
  const sample = () => {
    const h = process.memoryUsage().heapUsed;
    if (h > peak) peak = h;
  };
  const t0 = performance.now();
  fn(sample);
  const ms = performance.now() - t0;
  sample();
  return { ms, peakMb: peak / 1024 / 1024 };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

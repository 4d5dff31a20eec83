/** Shared helpers for benchmarks: timing with a warm-up, medians and peak heap sampling. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { runScenario } from '../src/run/runScenario.ts';
import type { Scenario } from '../src/scenario/types.ts';

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

/** Runs `fn` `n` times; returns each run's wall ms. */
export function timeRuns(n: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Per-run wall times of a steady-state measurement, and how they spread over passes. */
export interface SteadyRuns {
  /** Wall ms of every timed run, all passes together. */
  runs: number[];
  /** The median of each pass: how much the machine's speed moved during the measurement. */
  passMedians: number[];
  /** CPU ms (user + system, all of the process's threads, GC included) per timed run. */
  cpuMsPerRun: number;
  warmup: number;
}

/**
 * Times `fn` in the steady state: `warmup` untimed runs first (V8 needs a few hundred runs of a
 * small scenario before its optimising compiler has seen every hot function; 30 were not enough
 * and put the JIT into the figure), then `passes` passes of `perPass` runs. The shared 2-core
 * machines we measure on change speed by ±40 % from one second to the next, so a figure is the
 * median over all passes and the detail gives the spread of the pass medians.
 */
export function steadyRuns(
  fn: (i: number) => void,
  { warmup = 200, passes = 5, perPass = 200 } = {},
): SteadyRuns {
  const runs: number[] = [];
  const passMedians: number[] = [];
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const c0 = process.cpuUsage();
  for (let p = 0; p < passes; p++) {
    const pass = timeRuns(perPass, (i) => fn(p * perPass + i));
    runs.push(...pass);
    passMedians.push(median(pass));
  }
  const c = process.cpuUsage(c0);
  return { runs, passMedians, cpuMsPerRun: (c.user + c.system) / 1000 / runs.length, warmup };
}

/** "median of 1000 runs in 5 passes (pass medians 4.9–6.1 ms) after 200 warm-up" */
export function describeSteady(s: SteadyRuns): string {
  const lo = round(Math.min(...s.passMedians));
  const hi = round(Math.max(...s.passMedians));
  return `median of ${s.runs.length} runs in ${s.passMedians.length} passes (pass medians ${lo}–${hi} ms) after ${s.warmup} warm-up`;
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

/** `fn` exported by bench/`file`, run in a fresh process (bench/child.ts); its results. */
export function inChildProcess(file: string, fn: string): BenchResult[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return childResults(['--import', 'tsx', join(here, 'child.ts'), file, fn], join(here, '..'));
}

/** Runs `node <args>` in `cwd`; the results it prints as JSON on its last line. */
function childResults(args: string[], cwd: string): BenchResult[] {
  const out = execFileSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as BenchResult[];
}

/**
 * A suite's standard scenario timed in the steady state (seeds 1, 2, …; warm-up on others): wall ms
 * and CPU ms a run, and simulated time per wall time, as `<prefix>.standard.*`. Timed as a
 * campaign's lean pass runs it (no trace lines, no trace digest), which is how chaos campaigns spend
 * their runs; `traced_ms_per_run` adds the digest that `kubeprop run` and replays compute.
 */
export function standardScenarioResults(prefix: string, make: (seed: number) => Scenario): BenchResult[] {
  let steps = 0;
  let simulatedMs = 0;
  const steady = steadyRuns((i) => {
    const r = runScenario(make(i < 0 ? 1000 - i : i + 1), { keepTrace: false, traceDigest: false });
    if (i >= 0) {
      steps += r.steps;
      simulatedMs += r.endMs;
    }
  });
  const wallMs = steady.runs.reduce((a, b) => a + b, 0);
  const n = steady.runs.length;
  const digested = steadyRuns((i) => runScenario(make(i < 0 ? 1000 - i : i + 1), { keepTrace: false }), {
    warmup: 20,
    passes: 3,
    perPass: 100,
  });
  return [
    {
      name: `${prefix}.standard.ms_per_run`,
      value: round(median(steady.runs)),
      unit: 'ms',
      detail: `${describeSteady(steady)}; ${Math.round(steps / n)} steps a run; a campaign's lean pass (no trace lines, no digest)`,
    },
    {
      name: `${prefix}.standard.traced_ms_per_run`,
      value: round(median(digested.runs)),
      unit: 'ms',
      detail: `the same runs with the trace digest (kubeprop run, replays): ${describeSteady(digested)}`,
    },
    {
      name: `${prefix}.standard.cpu_ms_per_run`,
      value: round(steady.cpuMsPerRun),
      unit: 'ms',
      detail: "user + system CPU of all threads (the garbage collector's helpers too) per run",
    },
    {
      name: `${prefix}.standard.speedup_vs_real_time`,
      value: round(simulatedMs / wallMs, 0),
      unit: 'x',
      detail: `simulated ms per wall ms (${round(simulatedMs / n / 60_000, 1)} simulated minutes a run)`,
    },
  ];
}

/**
 * `fn` exported by bench/`file`, compiled the way `npm run build` compiles dist/ (esbuild, one ES
 * module, packages left to node_modules) and run by plain `node` in a fresh process: what the
 * installed `kubeprop` command executes. Through tsx the same code carries the loader's thread,
 * esbuild and the transformed sources (~110 MB more resident, some CPU); inChildProcess measures that.
 */
export function inCompiledChildProcess(file: string, fn: string): BenchResult[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = join(here, '..');
  // Under node_modules so the bundle's package imports resolve; never committed, never packed.
  const outDir = join(root, 'node_modules', '.cache', 'kubeprop-bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${file.replace(/\.ts$/, '')}.${fn}.mjs`);
  buildSync({
    stdin: {
      contents: `import { ${fn} } from './${file}';\nconsole.log(JSON.stringify(await ${fn}()));\n`,
      resolveDir: here,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return childResults([outfile], root);
}

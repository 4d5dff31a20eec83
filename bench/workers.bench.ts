/**
 * Campaign throughput on one core and on every core (issue #17 item 1): the same campaign run by
 * `kubeprop chaos --workers 1` and by `--workers <cores>`, each as the command users run (the bin
 * from dist/, built first), each in a fresh process so both pay for loading and compiling the
 * simulator and neither inherits the other's JIT. Measured in one bench run, so the ratio compares
 * the two on the same machine under the same load.
 *
 * Two ratios: over the whole campaign (start-up and every worker's JIT warm-up included), and over
 * its second half, when each isolate has compiled what it runs (the rate of a long soak). Their
 * gap is the per-isolate warm-up: every worker thread is a V8 isolate that compiles the simulator
 * again. KUBEPROP_WORKER_BENCH_RUNS sets the campaign size.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchResult, round } from './util.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/kubeprop.js');
const RUNS = Number(process.env.KUBEPROP_WORKER_BENCH_RUNS ?? 10_000);

/** One campaign: when each tenth of it was done (from its progress lines), its wall and CPU. */
interface Campaign {
  /** [runs done, ms since start] at each progress line. */
  marks: Array<[number, number]>;
  wallMs: number;
  /** CPU of every thread of the process (Linux: the children's times in /proc/self/stat). */
  cpuMs: number | undefined;
  /** The main thread's share of the process's CPU (Linux: /proc/PID/task/PID/stat, sampled). */
  mainShare: number | undefined;
}

export async function benchWorkers(): Promise<BenchResult[]> {
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const cores = availableParallelism();
  const load = round(loadavg()[0]!, 1);
  const one = await campaign(1);
  const all = await campaign(cores);
  const what = `kubeprop chaos --runs ${RUNS} --seed 1 (all controllers) from dist/, load average ${load} before`;
  const results: BenchResult[] = [
    ...figures('workers.one', one, `${what}, --workers 1`),
    ...figures('workers.all_cores', all, `${what}, --workers ${cores}`),
    {
      name: 'workers.speedup_all_cores',
      value: round(rate(all) / rate(one), 2),
      unit: 'x',
      detail: `${cores} workers vs --workers 1, whole ${RUNS}-run campaign (start-up and each worker's JIT warm-up included); target ≥ 1.7 on 2 cores`,
    },
    {
      name: 'workers.speedup_steady',
      value: round(steadyRate(all) / steadyRate(one), 2),
      unit: 'x',
      detail: `${cores} workers vs --workers 1, second half of the same campaigns (each isolate warmed up: a long soak's rate)`,
    },
  ];
  if (one.mainShare !== undefined)
    results.push({
      name: 'workers.one.main_thread_cpu_share',
      value: round(one.mainShare * 100, 0),
      unit: '%',
      detail: `the main thread's share of --workers 1's CPU: the runs take its time, and V8's optimising compiler and garbage collector use the rest on the other cores, which workers then have to share`,
    });
  if (one.cpuMs !== undefined && all.cpuMs !== undefined)
    results.push({
      name: 'workers.cpu_efficiency',
      value: round(one.cpuMs / all.cpuMs, 2),
      unit: 'x',
      detail: `CPU of the campaign on --workers 1 / on ${cores} workers (1 = workers cost no extra CPU: start-up, a JIT warm-up per worker isolate, passing scenarios and results); on free cores the whole-campaign speedup is at most ${cores} × this`,
    });
  return results;
}

function figures(name: string, c: Campaign, detail: string): BenchResult[] {
  const out: BenchResult[] = [
    {
      name: `${name}.runs_per_s`,
      value: round(rate(c), 1),
      unit: 'runs/s',
      detail: `${detail}; ${round(c.wallMs / 1000, 1)} s wall`,
    },
    {
      name: `${name}.steady_runs_per_s`,
      value: round(steadyRate(c), 1),
      unit: 'runs/s',
      detail: `${detail}; second half of the campaign`,
    },
  ];
  if (c.cpuMs !== undefined)
    out.push({
      name: `${name}.cpu_ms_per_run`,
      value: round(c.cpuMs / RUNS, 2),
      unit: 'ms',
      detail: `CPU of every thread of the process over the ${RUNS} runs, start-up included`,
    });
  return out;
}

const rate = (c: Campaign) => (RUNS * 1000) / c.wallMs;

/** Runs/s from the progress line at half the campaign to its end. */
function steadyRate(c: Campaign): number {
  const half = c.marks.find(([n]) => n >= RUNS / 2);
  if (half === undefined) return rate(c);
  return ((RUNS - half[0]) * 1000) / (c.wallMs - half[1]);
}

/** Runs the campaign with `workers`, reading its progress lines (one a tenth, stderr is a pipe). */
function campaign(workers: number): Promise<Campaign> {
  const reports = mkdtempSync(join(tmpdir(), 'kubeprop-workers-'));
  const args = [
    'chaos',
    '--runs',
    String(RUNS),
    '--seed',
    '1',
    '--workers',
    String(workers),
    '--report',
    reports,
  ];
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, KUBEPROP_RUN_FROM: 'dist' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const marks: Array<[number, number]> = [];
  let ticks: { main: number; all: number } | undefined;
  const sampler = setInterval(() => {
    ticks = threadTicks(child.pid) ?? ticks;
  }, 200);
  let pending = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
      const m = /^progress: (\d+)\//.exec(pending.slice(0, i));
      if (m) marks.push([Number(m[1]), performance.now() - t0]);
      pending = pending.slice(i + 1);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      clearInterval(sampler);
      rmSync(reports, { recursive: true, force: true });
      // Exit 1 (a failing run) still measured the campaign; anything else did not.
      if (code !== 0 && code !== 1) return reject(new Error(`kubeprop ${args.join(' ')} exited ${code}`));
      const cpu1 = childrenCpuMs();
      const cpuMs = cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0;
      resolve({
        marks,
        wallMs,
        cpuMs,
        mainShare: ticks && ticks.all > 0 ? ticks.main / ticks.all : undefined,
      });
    });
  });
}

/** User + system CPU of this process's waited-for children (Linux), in ms. */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command's closing parenthesis; cutime and cstime are fields 16 and 17.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(rest[13]) + Number(rest[14]);
    return (ticks * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** CPU ticks of a live process's main thread and of all its threads (Linux), or undefined. */
function threadTicks(pid: number | undefined): { main: number; all: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    return { main: statTicks(`/proc/${pid}/task/${pid}/stat`), all: statTicks(`/proc/${pid}/stat`) };
  } catch {
    return undefined;
  }
}

/** utime + stime of a /proc stat file (fields 14 and 15). */
function statTicks(path: string): number {
  const stat = readFileSync(path, 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[11]) + Number(rest[12]);
}

/**
 * Campaign throughput on one core and on every core (issue #17 item 1): the same campaign run by
 * `kubeprop chaos --workers 1` (in the calling thread) and by one worker thread per core, each in
 * a fresh process of its own (bench/child.ts), so both pay for loading and compiling the simulator
 * and neither inherits the other's JIT. Measured in one bench run, so the ratio compares the two
 * on the same machine under the same load. KUBEPROP_WORKER_BENCH_RUNS sets the campaign size.
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadRunner } from '../src/cli/runner.ts';
import type { CampaignOptions } from '../src/run/campaign.ts';
import { driveCampaign } from '../src/run/workers/drive.ts';
import { type BenchResult, inChildProcess, round } from './util.ts';

const RUNS = Number(process.env.KUBEPROP_WORKER_BENCH_RUNS ?? 600);
const CAMPAIGN: CampaignOptions = {
  controllers: ['replicaset', 'daemonset', 'statefulset'],
  runs: RUNS,
  seed: 1,
  // As kubeprop chaos runs it: passing runs without their trace.
  lean: true,
};

export async function benchWorkers(): Promise<BenchResult[]> {
  const [one, oneCpu] = inChildProcess('workers.bench.ts', 'campaignOneWorker') as [BenchResult, BenchResult];
  const [all, allCpu] = inChildProcess('workers.bench.ts', 'campaignAllCores') as [BenchResult, BenchResult];
  const cores = availableParallelism();
  return [
    one,
    oneCpu,
    all,
    allCpu,
    {
      name: 'workers.speedup_all_cores',
      value: round(all.value / one.value, 2),
      unit: 'x',
      detail: `${cores} workers vs --workers 1, same ${RUNS}-run campaign, same bench run; target ≥ 1.7 on 2 cores (needs the cores free: with the kernel's autogroup scheduling a busy machine gives a session the same share however many threads it runs)`,
    },
    {
      name: 'workers.cpu_efficiency',
      value: round(oneCpu.value / allCpu.value, 2),
      unit: 'x',
      detail: `CPU per run on --workers 1 / on ${cores} workers (1 = workers cost no extra CPU: start-up, a JIT warm-up per worker, passing results); on free cores the speedup is at most ${cores} × this`,
    },
  ];
}

/** Runs/s of the campaign in this thread (`--workers 1`). */
export async function campaignOneWorker(): Promise<BenchResult[]> {
  return measure(1, 'workers.one');
}

/** Runs/s of the campaign on one worker thread per core, worker start-up included. */
export async function campaignAllCores(): Promise<BenchResult[]> {
  return measure(availableParallelism(), 'workers.all_cores');
}

/** `<name>.runs_per_s` and `<name>.cpu_ms_per_run` (CPU of every thread of the process). */
async function measure(workers: number, name: string): Promise<BenchResult[]> {
  const run = await loadRunner();
  const t0 = performance.now();
  let done = 0;
  const out = await driveCampaign({
    opts: CAMPAIGN,
    run,
    workers,
    indices: Array.from({ length: RUNS }, (_, i) => i)[Symbol.iterator](),
    keepGoing: () => true,
    onRun: () => {
      done++;
    },
  });
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const threads = out.workers === 0 ? 'in the main thread' : `on ${out.workers} worker threads`;
  return [
    {
      name: `${name}.runs_per_s`,
      value: round(done / s, 1),
      unit: 'runs/s',
      // The load average says how much of the machine the measurement may have had.
      detail: `${done} campaign runs (all controllers, seed 1) in ${round(s, 1)} s ${threads}, start-up included; load average ${round(loadavg()[0]!, 1)}`,
    },
    {
      name: `${name}.cpu_ms_per_run`,
      value: round(cpuMs / done, 1),
      unit: 'ms',
      detail: `CPU of the whole process (every thread, loading and start-up included) over ${done} runs`,
    },
  ];
}

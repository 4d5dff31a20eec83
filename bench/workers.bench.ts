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
};

export async function benchWorkers(): Promise<BenchResult[]> {
  const one = inChildProcess('workers.bench.ts', 'campaignOneWorker')[0]!;
  const all = inChildProcess('workers.bench.ts', 'campaignAllCores')[0]!;
  const cores = availableParallelism();
  return [
    one,
    all,
    {
      name: 'workers.speedup_all_cores',
      value: round(all.value / one.value, 2),
      unit: 'x',
      detail: `${cores} workers vs --workers 1, same ${RUNS}-run campaign, same bench run; target ≥ 1.7 on 2 cores`,
    },
  ];
}

/** Runs/s of the campaign in this thread (`--workers 1`). */
export async function campaignOneWorker(): Promise<BenchResult[]> {
  return [await measure(1, 'workers.one.runs_per_s')];
}

/** Runs/s of the campaign on one worker thread per core, worker start-up included. */
export async function campaignAllCores(): Promise<BenchResult[]> {
  return [await measure(availableParallelism(), 'workers.all_cores.runs_per_s')];
}

async function measure(workers: number, name: string): Promise<BenchResult> {
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
  return {
    name,
    value: round(done / s, 1),
    unit: 'runs/s',
    // The CPU time and load average say how much of the machine the measurement got: on a shared
    // machine busy with other work, more threads need not mean more CPU.
    detail: `${done} campaign runs (all controllers, seed 1) in ${round(s, 1)} s on ${out.workers || 'no'} worker threads, start-up included; ${round((cpu.user + cpu.system) / 1e6, 1)} s CPU; load average ${round(loadavg()[0]!, 1)}`,
  };
}

/**
 * Lab benchmarks (issue #15): how long `kubeprop lab` takes to catch each naive solution (runs until
 * the first violation, then shrinking) and to pass each correct solution in 300 chaos runs, and the
 * async run's cost against the built-in controller on the same chaos scenario.
 */
import dsCorrect from '../labs/daemonset/solution-correct.ts';
import dsNaive from '../labs/daemonset/solution-naive.ts';
import rsCorrect from '../labs/replicaset/solution-correct.ts';
import rsNaive from '../labs/replicaset/solution-naive.ts';
import { loadScenario } from '../src/api/scenario.ts';
import { runScenario } from '../src/run/runScenario.ts';
import { gradeLab } from '../src/userController/lab.ts';
import { runWithControllers } from '../src/userController/run.ts';
import type { Controller } from '../src/userController/types.ts';
import { type BenchResult, median, round } from './util.ts';

export type { BenchResult };

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; out: T }> {
  const t0 = performance.now();
  const out = await fn();
  return { ms: performance.now() - t0, out };
}

async function grade(
  lab: string,
  controller: Controller,
  runs: number,
): Promise<{ ms: number; detail: string }> {
  const scenario = loadScenario(`labs/${lab}/scenario.yaml`);
  const { ms, out } = await timed(() => gradeLab(scenario, lab, controller, { runs, noReport: true }));
  const detail = out.passed
    ? `passed ${out.runs} runs`
    : `${out.invariant} at run ${out.run}, shrunk to ${out.events.length} events`;
  return { ms, detail };
}

/** Same scenario, same seeds: the built-in ReplicaSet controller (sync) and the lab's correct one (async). */
async function asyncOverhead(): Promise<BenchResult[]> {
  const scenario = loadScenario('labs/replicaset/scenario.yaml');
  const builtIn: number[] = [];
  const user: number[] = [];
  for (let seed = 1; seed <= 30; seed++) {
    let t0 = performance.now();
    runScenario(scenario, { seed, keepTrace: false });
    builtIn.push(performance.now() - t0);
    t0 = performance.now();
    await runWithControllers(scenario, { seed, keepTrace: false, controllers: { replicaset: rsCorrect } });
    user.push(performance.now() - t0);
  }
  return [
    {
      name: 'lab: replicaset run, built-in controller',
      value: round(median(builtIn)),
      unit: 'ms',
      detail: 'median of 30 seeds',
    },
    {
      name: 'lab: replicaset run, async user controller',
      value: round(median(user)),
      unit: 'ms',
      detail: 'median of 30 seeds',
    },
  ];
}

export async function benchLab(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const [lab, naive, correct] of [
    ['replicaset', rsNaive, rsCorrect],
    ['daemonset', dsNaive, dsCorrect],
  ] as const) {
    const caught = await grade(lab, naive, 300);
    out.push({
      name: `lab: ${lab} naive solution caught`,
      value: round(caught.ms),
      unit: 'ms',
      detail: caught.detail,
    });
    const passed = await grade(lab, correct, 300);
    out.push({
      name: `lab: ${lab} correct solution, 300 runs`,
      value: round(passed.ms),
      unit: 'ms',
      detail: passed.detail,
    });
  }
  out.push(...(await asyncOverhead()));
  return out;
}

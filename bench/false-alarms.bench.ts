/**
 * False alarms: the correct controllers over many random campaign runs across campaign seeds
 * (target: none, issue #11). Every failing run is a verdict against behaviour Kubernetes itself
 * shows, or a real bug in the correct controller; either way someone must look, so each is listed
 * with its seed, run, invariant, first message and shrunk length, in the figure's detail and in
 * reports/bench/false-alarms.json. Minutes of CPU: `npx tsx bench/run.ts false-alarms` runs it
 * alone; KUBEPROP_FALSE_ALARM_RUNS sets the number of runs (default 10,000).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAMPAIGN_CONTROLLERS, type CampaignRun, runCampaign } from '../src/run/campaign.ts';
import { runScenario } from '../src/run/runScenario.ts';
import type { RunResult } from '../src/run/types.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { type BenchResult, round } from './util.ts';

const DEFAULT_RUNS = 10_000;
/** Runs per campaign seed: each seed is one `kubeprop chaos --controller all --runs 500 --seed S`. */
const RUNS_PER_SEED = 500;
/** Campaign seeds start here, away from the seeds the tests and the power bench use. */
const FIRST_SEED = 1001;

export interface FalseAlarm {
  seed: number;
  run: number;
  controller: string;
  outcome: RunResult['outcome'];
  invariant: string;
  message: string;
  shrunkEvents?: number;
  fromEvents?: number;
}

const quiet = (s: Scenario, o?: { seed?: number }): RunResult => runScenario(s, { ...o, keepTrace: false });

function alarm(seed: number, r: CampaignRun): FalseAlarm {
  const first = r.result.invariants.find((i) => i.status === 'violated');
  const target = r.shrunk?.target;
  const invariant = target && 'invariant' in target ? target.invariant : (first?.id ?? 'internal error');
  const v = r.result.invariants.find((i) => i.id === invariant)?.violations[0];
  return {
    seed,
    run: r.index + 1,
    controller: r.controller,
    outcome: r.result.outcome,
    invariant,
    message: (v?.message ?? r.result.error ?? '').split('\n')[0]!,
    ...(r.shrunk && { shrunkEvents: r.shrunk.toEvents, fromEvents: r.shrunk.fromEvents }),
  };
}

/** Runs `total` campaign runs of the correct controllers; every failing run, shrunk. */
export function falseAlarms(total: number): { runs: number; alarms: FalseAlarm[]; ms: number } {
  const alarms: FalseAlarm[] = [];
  const t0 = performance.now();
  let runs = 0;
  for (let seed = FIRST_SEED; runs < total; seed++) {
    const n = Math.min(RUNS_PER_SEED, total - runs);
    const opts = { controllers: CAMPAIGN_CONTROLLERS, runs: n, seed };
    runCampaign(opts, quiet, (r) => {
      if (r.result.outcome !== 'pass') alarms.push(alarm(seed, r));
    });
    runs += n;
  }
  return { runs, alarms, ms: performance.now() - t0 };
}

export async function benchFalseAlarms(): Promise<BenchResult[]> {
  const total = Number(process.env.KUBEPROP_FALSE_ALARM_RUNS ?? DEFAULT_RUNS);
  const { runs, alarms, ms } = falseAlarms(total);
  const file = join(dirname(fileURLToPath(import.meta.url)), '../reports/bench/false-alarms.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ runs, alarms }, null, 2)}\n`);
  const seeds = Math.ceil(runs / RUNS_PER_SEED);
  const listed = alarms
    .slice(0, 10)
    .map((a) => `chaos --controller all --seed ${a.seed} run ${a.run} (${a.controller}): ${a.invariant}`);
  return [
    {
      name: 'false_alarms.runs',
      value: runs,
      unit: 'runs',
      detail: `correct controllers, campaign seeds ${FIRST_SEED}-${FIRST_SEED + seeds - 1} × ${RUNS_PER_SEED} runs, ${round(ms / 1000, 0)} s`,
    },
    {
      name: 'false_alarms.failing_runs',
      value: alarms.length,
      unit: 'runs',
      detail:
        alarms.length === 0
          ? 'target 0'
          : `${listed.join('; ')}${alarms.length > 10 ? '; …' : ''} (all in ${file})`,
    },
    {
      name: 'false_alarms.rate',
      value: round((100 * alarms.length) / Math.max(1, runs), 3),
      unit: '%',
      detail: 'target 0',
    },
  ];
}

/**
 * False alarms: the correct controllers over many random campaign runs across campaign seeds
 * (target: none, issue #11). Every failing run is a verdict against behaviour Kubernetes itself
 * shows, or a real bug in the correct controller; either way someone must look, so each is listed
 * with its seed, run, invariant, first message and shrunk length, in the figure's detail and in
 * reports/bench/false-alarms.json (rewritten after every campaign seed, so a run cut short keeps
 * what it found). Minutes of CPU: `npx tsx bench/run.ts false-alarms` runs it alone;
 * KUBEPROP_FALSE_ALARM_RUNS sets the number of runs (default 10,000), KUBEPROP_FALSE_ALARM_SHRINK
 * the re-runs each failing run may spend on shrinking (default 0: shrinking can double the cost).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAMPAIGN_CONTROLLERS, type CampaignRun, runCampaign } from '../src/run/campaign.ts';
import { writeReplay } from '../src/run/replay.ts';
import { runScenario } from '../src/run/runScenario.ts';
import type { RunResult } from '../src/run/types.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { type BenchResult, round } from './util.ts';

const DEFAULT_RUNS = 10_000;
/** Runs per campaign seed: each seed is one `kubeprop chaos --controller all --runs 250 --seed S`. */
const RUNS_PER_SEED = 250;
/** Campaign seeds start here, away from the seeds the tests and the power bench use. */
const FIRST_SEED = 1001;
/** Replay files of the failing runs go here; the list of them to DIR.json. */
const DIR = join(dirname(fileURLToPath(import.meta.url)), '../reports/bench/false-alarms');
const FILE = `${DIR}.json`;

export interface FalseAlarm {
  seed: number;
  run: number;
  controller: string;
  outcome: RunResult['outcome'];
  invariant: string;
  message: string;
  shrunkEvents?: number;
  fromEvents?: number;
  /** `npx kubeprop replay <this>` re-runs it, with its trace. */
  replay: string;
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
    replay: replayFile(r.shrunk?.result ?? r.result),
  };
}

/** Re-runs a failing run with its trace kept and writes its replay file under reports/bench/. */
export function replayFile(quietResult: RunResult): string {
  const full = runScenario(quietResult.scenario, { seed: quietResult.seed });
  const { name } = full.scenario;
  return relative(
    process.cwd(),
    writeReplay(full, join(DIR, name, String(full.seed), `${name}.replay.json`)),
  );
}

/**
 * Runs `total` campaign runs of the correct controllers; every failing run (shrunk when
 * `shrinkRuns` > 0). Each alarm is printed to stderr as it is found.
 */
export function falseAlarms(
  total: number,
  shrinkRuns: number,
): { runs: number; alarms: FalseAlarm[]; ms: number } {
  const alarms: FalseAlarm[] = [];
  const t0 = performance.now();
  let runs = 0;
  for (let seed = FIRST_SEED; runs < total; seed++) {
    const n = Math.min(RUNS_PER_SEED, total - runs);
    const opts = { controllers: CAMPAIGN_CONTROLLERS, runs: n, seed, shrinkRuns };
    runCampaign(opts, quiet, (r) => {
      if (r.result.outcome === 'pass') return;
      const a = alarm(seed, r);
      alarms.push(a);
      console.error(`false alarm: seed ${a.seed} run ${a.run} ${a.controller} ${a.invariant}: ${a.message}`);
    });
    runs += n;
    save(runs, alarms, performance.now() - t0);
  }
  return { runs, alarms, ms: performance.now() - t0 };
}

function save(runs: number, alarms: FalseAlarm[], ms: number): void {
  mkdirSync(dirname(FILE), { recursive: true });
  writeFileSync(FILE, `${JSON.stringify({ runs, seconds: Math.round(ms / 1000), alarms }, null, 2)}\n`);
}

export async function benchFalseAlarms(): Promise<BenchResult[]> {
  const total = Number(process.env.KUBEPROP_FALSE_ALARM_RUNS ?? DEFAULT_RUNS);
  const { runs, alarms, ms } = falseAlarms(total, Number(process.env.KUBEPROP_FALSE_ALARM_SHRINK ?? 0));
  const seeds = Math.ceil(runs / RUNS_PER_SEED);
  const listed = alarms
    .slice(0, 10)
    .map((a) => `chaos --controller all --seed ${a.seed} run ${a.run} (${a.controller}): ${a.invariant}`);
  return [
    {
      name: 'false_alarms.runs',
      value: runs,
      unit: 'runs',
      detail: `correct controllers, campaign seeds ${FIRST_SEED}-${FIRST_SEED + seeds - 1} (up to ${RUNS_PER_SEED} runs each), ${round(ms / 1000, 0)} s`,
    },
    {
      name: 'false_alarms.failing_runs',
      value: alarms.length,
      unit: 'runs',
      detail:
        alarms.length === 0
          ? 'target 0'
          : `${listed.join('; ')}${alarms.length > 10 ? '; …' : ''} (all in ${FILE})`,
    },
    {
      name: 'false_alarms.rate',
      value: round((100 * alarms.length) / Math.max(1, runs), 3),
      unit: '%',
      detail: 'target 0',
    },
  ];
}

/**
 * Issue #17 item 1: a campaign on worker threads is the campaign run serially — the same runs,
 * seeds, results (shrunk failures included) and the same order — whatever the number of workers.
 * Only the wall time of each run may differ.
 */
import { describe, expect, test } from 'vitest';
import { type CampaignOptions, type CampaignRun, runCampaign } from '../../src/run/campaign.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { driveCampaign } from '../../src/run/workers/drive.ts';
import { type PortableRunFn, portable } from '../../src/run/workers/runnerRef.ts';
import { mutantRun, portableMutantRun } from './fixtures/mutantRunner.ts';

const withoutWall = (runs: CampaignRun[]) => runs.map((r) => ({ ...r, wallMs: 0 }));

/** The campaign's runs on `workers` workers, from 50 indices on offer; scheduling stops after `opts.runs`. */
async function onWorkers(opts: CampaignOptions, run: PortableRunFn, workers: number) {
  const seen: CampaignRun[] = [];
  let scheduled = 0;
  const outcome = await driveCampaign({
    opts,
    run,
    workers,
    indices: Array.from({ length: 50 }, (_, i) => i)[Symbol.iterator](),
    keepGoing: () => scheduled++ < opts.runs,
    onRun: (r) => seen.push(r),
  });
  return { seen, outcome };
}

function serial(opts: CampaignOptions, run: PortableRunFn): CampaignRun[] {
  const runs: CampaignRun[] = [];
  runCampaign(opts, run, (r) => runs.push(r));
  return runs;
}

describe('campaign: workers', () => {
  test('campaign: workers: 2 workers give the serial campaign, run for run, in index order, and stop scheduling when told (all controllers, seed 11)', async () => {
    const opts: CampaignOptions = {
      controllers: ['replicaset', 'daemonset', 'statefulset'],
      runs: 9,
      seed: 11,
    };
    const { seen, outcome } = await onWorkers(opts, portable(runScenario, 'builtin'), 2);
    expect(outcome.workers).toBe(2);
    // 50 indices on offer, keepGoing stops after 9: exactly runs 0–8, every scheduled one reported.
    expect(seen.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(withoutWall(seen)).toEqual(withoutWall(serial(opts, runScenario)));
  });

  test('campaign: workers: failing runs shrink on the workers exactly as in this thread (mutant no-expectations, seed 7)', async () => {
    const opts: CampaignOptions = {
      controllers: ['replicaset'],
      runs: 4,
      seed: 7,
      shrinkRuns: 30,
      lean: true,
    };
    const expected = serial(opts, mutantRun);
    expect(expected.some((r) => r.shrunk !== undefined)).toBe(true);
    const { seen } = await onWorkers(opts, portableMutantRun, 2);
    expect(withoutWall(seen)).toEqual(withoutWall(expected));
  });

  test('campaign: workers: a runner workers cannot load runs in this thread, with the same results', async () => {
    const opts: CampaignOptions = { controllers: ['replicaset'], runs: 3, seed: 4 };
    const { seen, outcome } = await onWorkers(opts, mutantRun, 2);
    expect(outcome.workers).toBe(0);
    expect(withoutWall(seen)).toEqual(withoutWall(serial(opts, mutantRun)));
  });
});

describe('campaign: workers: abandoning', () => {
  test('campaign: workers: an abort returns at once; finished runs are reported in index order and the unfinished ones named', async () => {
    const opts: CampaignOptions = {
      controllers: ['replicaset', 'daemonset', 'statefulset'],
      runs: 50,
      seed: 11,
    };
    const abandon = new AbortController();
    const seen: CampaignRun[] = [];
    const outcome = await driveCampaign({
      opts,
      run: portable(runScenario, 'builtin'),
      workers: 2,
      indices: Array.from({ length: 50 }, (_, i) => i)[Symbol.iterator](),
      keepGoing: () => true,
      abandon: abandon.signal,
      onRun: (r) => {
        seen.push(r);
        if (seen.length === 3) abandon.abort();
      },
    });
    const indices = seen.map((r) => r.index);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(outcome.abandoned.length).toBeGreaterThan(0);
    // Every scheduled run is either reported or abandoned, never both, and nothing after the abort starts.
    expect(indices.filter((i) => outcome.abandoned.includes(i))).toEqual([]);
    // At the abort each worker holds at most two runs (the one running and the next, src/run/workers/
    // pool.ts); runs that had finished behind a slower one are still reported. So the scheduled runs
    // are exactly 0..n-1 with n well short of 50, and at most 4 (2 workers × 2) of them abandoned. (A bound on the highest index raced: a worker that
    // finishes ahead of a slow run picks up the next index before the slow one is reported.)
    const scheduled = [...indices, ...outcome.abandoned].sort((a, b) => a - b);
    expect(scheduled).toEqual(scheduled.map((_, i) => i));
    expect(outcome.abandoned.length).toBeLessThanOrEqual(4);
    expect(scheduled.length).toBeLessThan(50);
  });
});

describe('campaign: lean', () => {
  test('campaign: lean: failing runs are those of a traced campaign, trace and shrink included; passing runs differ only in their trace and its digest (mutant no-expectations, seed 5)', () => {
    const opts: CampaignOptions = { controllers: ['replicaset'], runs: 6, seed: 5, shrinkRuns: 10 };
    const traced = serial(opts, mutantRun);
    const lean = serial({ ...opts, lean: true }, mutantRun);
    expect(traced.some((r) => r.result.outcome === 'pass')).toBe(true);
    expect(traced.some((r) => r.result.outcome !== 'pass')).toBe(true);
    for (const [i, t] of traced.entries()) {
      const l = lean[i]!;
      if (t.result.outcome !== 'pass') expect(withoutWall([l])).toEqual(withoutWall([t]));
      else {
        expect(l.result.events).toEqual([]);
        expect(t.result.events.length).toBeGreaterThan(0);
        const untraced = (r: CampaignRun['result']) => ({
          ...r,
          events: [],
          traceDigest: '',
          scenario: { ...r.scenario, sim: { ...r.scenario.sim, keepTrace: false } },
        });
        expect(l.result.scenario.sim.keepTrace).toBe(false);
        // A lean pass reads only the verdict: it computes no digest (a third of a Deployment run).
        expect(l.result.traceDigest).toBe('');
        expect(untraced(l.result)).toEqual(untraced(t.result));
      }
    }
  });
});

/**
 * `kubeprop chaos` shrinks every failing run (issue #11 item 5). The correct controllers have no
 * known failing campaign seed (and must not), so these tests run campaigns with a mutant controller
 * swapped in by the runner: StatefulSet `replace-terminating` fails its first run of seed 7, whose
 * 6 events shrink to a partition, its heal and a pod deletion.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import type { RunFn } from '../../src/run/replay.ts';
import { readReplay, replay, writeReplay } from '../../src/run/replay.ts';
import { runScenario } from '../../src/run/runScenario.ts';

/** The real simulator, with the named mutant in place of the correct controller. */
const mutantRunner = (controller: string, variant: string): RunFn => {
  return (s, o) => runScenario({ ...s, controllers: { ...s.controllers, [controller]: variant } }, o);
};

vi.mock('../../src/cli/runner.ts', () => ({
  loadRunner: async () => mutantRunner('statefulset', 'replace-terminating'),
}));

import { type CampaignRun, runCampaign } from '../../src/run/campaign.ts';
import { cli } from './capture.ts';

const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-shrink-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('chaos: shrinking', () => {
  test('chaos: shrink: runCampaign shrinks each failing run; each shrunk run still fails the same claim and replays exactly', () => {
    const run = mutantRunner('replicaset', 'no-expectations');
    const seen: CampaignRun[] = [];
    const summary = runCampaign({ controllers: ['replicaset'], runs: 8, seed: 7 }, run, (r) => seen.push(r));
    const failing = seen.filter((r) => r.result.outcome !== 'pass');
    expect(failing.length).toBeGreaterThan(0);
    expect(summary.shrunk).toHaveLength(failing.length);
    for (const r of failing) {
      const s = r.shrunk!;
      expect(s.fromEvents).toBe(r.result.scenario.events.length);
      expect(s.toEvents).toBe(s.result.scenario.events.length);
      expect(s.toEvents).toBeLessThan(s.fromEvents);
      expect(s.runs).toBeLessThanOrEqual(200);
      const target = 'invariant' in s.target ? s.target.invariant : '';
      expect(s.result.invariants.find((i) => i.id === target)?.status).toBe('violated');
      const path = writeReplay(s.result, join(tmp, `${r.index}.shrunk.replay.json`));
      expect(replay(readReplay(path), run).exact).toBe(true);
    }
    // Passing runs are never shrunk.
    for (const r of seen.filter((x) => x.result.outcome === 'pass')) expect(r.shrunk).toBeUndefined();
  });

  test('chaos: shrink: --shrink-runs 0 turns it off', () => {
    const run = mutantRunner('replicaset', 'no-expectations');
    const seen: CampaignRun[] = [];
    runCampaign({ controllers: ['replicaset'], runs: 2, seed: 7, shrinkRuns: 0 }, run, (r) => seen.push(r));
    expect(seen.some((r) => r.result.outcome !== 'pass')).toBe(true);
    expect(seen.every((r) => r.shrunk === undefined)).toBe(true);
  });

  test('chaos: shrink: the CLI prints "shrunk from 6 events to 3", writes the shrunk replay beside the original, and it replays exactly', async () => {
    const dir = join(tmp, 'cli');
    const r = await cli(
      'chaos',
      '--controller',
      'statefulset',
      '--runs',
      '1',
      '--seed',
      '7',
      '--report',
      dir,
    );
    expect(r.code).toBe(1);
    const base = join(dir, 'chaos-statefulset-1');
    expect(r.stderr).toMatch(
      /\n {6}shrunk from 6 events to 3 \(statefulset\.at-most-one still violated; \d+ re-runs\)\n/,
    );
    const m = /\n {6}shrunk replay: npx kubeprop replay (\S+\.shrunk\.replay\.json)\n/.exec(r.stderr);
    expect(m).not.toBeNull();
    const shrunkPath = m![1]!;
    expect(shrunkPath.startsWith(base) || join(process.cwd(), shrunkPath).startsWith(base)).toBe(true);
    expect(existsSync(shrunkPath.replace('.shrunk.replay.json', '.replay.json'))).toBe(true);
    expect(r.stderr).not.toContain('warning: the shrunk replay file diverged');
    expect(r.stdout).toMatch(/\nshrunk {6}1 failing run: median 6 events to 3\n/);
    const events = readReplay(shrunkPath).scenario.events.map((e) => e.do);
    expect(events).toEqual(['partition-node', 'delete-pod', 'heal-node']);
    const again = await cli('replay', shrunkPath);
    expect(again.stdout).toMatch(/^replayed exactly: /);
    expect(again.code).toBe(1);
  });

  test('chaos: shrink: with --shrink-runs 0 the CLI writes no shrunk replay', async () => {
    const dir = join(tmp, 'off');
    const r = await cli(
      'chaos',
      '--controller',
      'statefulset',
      '--runs',
      '1',
      '--seed',
      '7',
      '--report',
      dir,
      '--shrink-runs',
      '0',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('shrunk');
    expect(r.stdout).not.toContain('shrunk');
  });
});

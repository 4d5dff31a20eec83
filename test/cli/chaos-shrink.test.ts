/**
 * `kubeprop chaos` and `kubeprop run --shrink` shrink every failing run (issue #11 item 5). The
 * correct controllers have no known failing campaign seed (and must not), so these tests run with
 * a mutant controller swapped in by the runner: ReplicaSet `no-expectations`, which overshoots in
 * nearly every campaign run.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  loadRunner: async () => mutantRunner('replicaset', 'no-expectations'),
}));

import { shrinkLines } from '../../src/cli/shrunk.ts';
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

  test('chaos: shrink: the CLI prints "shrunk from N events to M" for every failing run and writes a shrunk replay beside its replay file that replays exactly', async () => {
    const dir = join(tmp, 'cli');
    const r = await cli('chaos', '--controller', 'replicaset', '--runs', '3', '--seed', '7', '--report', dir);
    expect(r.code).toBe(1);
    const fails = r.errLines.filter((l) => l.startsWith('FAIL'));
    const shrunk = r.errLines.filter((l) =>
      /^ {6}shrunk from \d+ events to \d+ \(replicaset\.no-overshoot still violated; \d+ re-runs\)$/.test(l),
    );
    const paths = r.errLines.flatMap(
      (l) => /^ {6}shrunk replay: npx kubeprop replay (\S+)$/.exec(l)?.[1] ?? [],
    );
    expect(fails.length).toBeGreaterThan(0);
    expect(shrunk).toHaveLength(fails.length);
    expect(paths).toHaveLength(fails.length);
    expect(r.stderr).not.toContain('warning: the shrunk replay file diverged');
    expect(r.stdout).toMatch(/\nshrunk {6}\d+ failing runs?: median \d+ events to \d+\n/);
    for (const path of paths) {
      expect(path).toMatch(/chaos-replicaset-\d+\.shrunk\.replay\.json$/);
      expect(existsSync(path.replace('.shrunk.replay.json', '.replay.json'))).toBe(true);
      const file = readReplay(path);
      expect(file.violations.map((v) => v.id)).toContain('replicaset.no-overshoot');
      const again = await cli('replay', path);
      expect(again.stdout).toMatch(/^replayed exactly: /);
    }
  });

  test('chaos: shrink: with --shrink-runs 0 the CLI writes no shrunk replay', async () => {
    const dir = join(tmp, 'off');
    const r = await cli(
      'chaos',
      '--controller',
      'replicaset',
      '--runs',
      '3',
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

  test('run: --shrink shrinks a failing scenario run and writes its shrunk replay', async () => {
    const file = join(tmp, 'frontend.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: kubeprop/v1',
        'kind: Scenario',
        'metadata: {name: frontend-overshoot}',
        'spec:',
        '  seed: 5',
        '  cluster: {nodes: [{count: 3}]}',
        '  objects:',
        '    - apiVersion: apps/v1',
        '      kind: ReplicaSet',
        '      metadata: {name: frontend}',
        '      spec:',
        '        replicas: 2',
        '        selector: {matchLabels: {app: frontend}}',
        '        template: {metadata: {labels: {app: frontend}}, spec: {containers: [{name: web, image: nginx:1.27}]}}',
        '  controllers: {replicaset: no-expectations}',
        '  events:',
        '    - {at: 20s, do: crash-pod, pod: {owner: replicaset/frontend, index: 0}}',
        '    - {at: 30s, do: scale, target: replicaset/frontend, replicas: 5}',
        '    - {at: 40s, do: cordon-node, node: node-1}',
        '  settle: 3m',
        '',
      ].join('\n'),
    );
    const dir = join(tmp, 'run');
    const plain = await cli('run', file, '--report', dir, '--format', 'json');
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toContain('shrunk');
    const r = await cli('run', file, '--report', dir, '--format', 'json', '--shrink');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /\n {6}shrunk from 3 events to \d \(replicaset\.no-overshoot still violated; \d+ re-runs\)\n/,
    );
    const m = /shrunk replay: npx kubeprop replay (\S+)\n/.exec(r.stdout);
    expect(m?.[1]).toMatch(/frontend-overshoot\.shrunk\.replay\.json$/);
    expect(r.stdout).not.toContain('warning');
    expect((await cli('replay', m![1]!)).stdout).toMatch(/^replayed exactly: /);
  });

  test('chaos: shrink: the lines say when the budget stopped the shrink, and name an internal error', () => {
    const base = { fromEvents: 29, toEvents: 4, runs: 200, minimal: false } as const;
    const r = {} as never;
    expect(shrinkLines({ ...base, result: r, target: { invariant: 'daemonset.coverage' } }, 'CMD')).toEqual([
      '      shrunk from 29 events to 4 (daemonset.coverage still violated; 200 re-runs, stopped at the 200-run budget)',
      '      shrunk replay: CMD',
    ]);
    const lines = shrinkLines({ ...base, minimal: true, result: r, target: { error: 'boom' } }, 'CMD', 17);
    expect(lines[0]).toBe('      shrunk from 29 events to 4 (the same internal error; 200 re-runs)');
    expect(lines[2]).toBe('      warning: the shrunk replay file diverged at step 17 when re-run');
  });
});

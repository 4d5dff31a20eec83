import { describe, expect, test, vi } from 'vitest';
import { summaryTable } from '../../src/cli/cmd-chaos.ts';
import { Progress } from '../../src/cli/progress.ts';
import { controllerFor, generateScenario, runCampaign } from '../../src/run/campaign.ts';
import { validateManifest } from '../../src/scenario/manifests.ts';
import { fakeRun } from './fake-run.ts';

describe('campaign: generation', () => {
  test('campaign: the same seed and index give the same scenario', () => {
    expect(generateScenario('replicaset', 5, 3)).toEqual(generateScenario('replicaset', 5, 3));
    expect(generateScenario('replicaset', 5, 3)).not.toEqual(generateScenario('replicaset', 5, 4));
    expect(generateScenario('replicaset', 5, 3)).not.toEqual(generateScenario('replicaset', 6, 3));
  });

  test.each(['replicaset', 'daemonset', 'statefulset'] as const)(
    'campaign: %s scenarios are small, valid and have chaos expanded',
    (controller) => {
      for (let i = 0; i < 20; i++) {
        const s = generateScenario(controller, 11, i);
        expect(s.nodes.length).toBeGreaterThanOrEqual(2);
        expect(s.nodes.length).toBeLessThanOrEqual(6);
        expect(s.name).toBe(`chaos-${controller}-${i + 1}`);
        expect(s.chaos).toBeUndefined();
        for (const o of s.objects) expect(validateManifest(o, { path: 'x' })).toBeNull();
        expect(s.objects.at(-1)!.kind.toLowerCase()).toBe(controller);
        expect(s.events.map((e) => e.at)).toEqual([...s.events.map((e) => e.at)].sort((a, b) => a - b));
        // Plain data, so it round-trips through a replay file: a Map, a Set, a function or an
        // undefined array slot would come back different.
        expect(JSON.parse(JSON.stringify(s))).toEqual(s);
      }
    },
  );

  test('campaign: controllers take turns', () => {
    const opts = { controllers: ['replicaset', 'statefulset'] as const, runs: 4, seed: 1 };
    expect([0, 1, 2, 3].map((i) => controllerFor(opts, i))).toEqual([
      'replicaset',
      'statefulset',
      'replicaset',
      'statefulset',
    ]);
  });

  test('campaign: runCampaign tallies outcomes and reports each run', () => {
    const seen: number[] = [];
    const run = vi.fn(fakeRun);
    const summary = runCampaign({ controllers: ['replicaset'], runs: 3, seed: 2 }, run, (r) =>
      seen.push(r.index),
    );
    expect(seen).toEqual([0, 1, 2]);
    expect(run).toHaveBeenCalledTimes(3);
    expect(summary).toMatchObject({ runs: 3, passes: 3, violations: 0, errors: 0, violationsById: {} });
    expect(summary.slowest?.name).toMatch(/^chaos-replicaset-\d$/);
  });
});

describe('campaign: output', () => {
  test('campaign: summary table', () => {
    const lines = summaryTable({
      runs: 10,
      passes: 8,
      violations: 2,
      errors: 0,
      violationsById: { 'workload.converges': 1, 'replicaset.no-overshoot': 2 },
      slowest: { name: 'chaos-replicaset-4', seed: 99, wallMs: 12.34 },
    });
    expect(lines.join('\n')).toBe(
      [
        '',
        'runs        10',
        'passed      8',
        'violations  2',
        'errors      0',
        '',
        'violations by invariant:',
        '  replicaset.no-overshoot  2',
        '  workload.converges       1',
        '',
        'slowest run: chaos-replicaset-4  seed=99  (12.3 ms)',
      ].join('\n'),
    );
  });

  function captureStderr(fn: () => void): string {
    let text = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      text += String(c);
      return true;
    });
    try {
      fn();
    } finally {
      spy.mockRestore();
    }
    return text;
  }

  test('campaign: plain progress lines every tenth when stderr is not a terminal', () => {
    const text = captureStderr(() => {
      const p = new Progress(20);
      for (let i = 1; i <= 20; i++) p.update(i, 0);
      p.done();
    });
    expect(text.split('\n').filter(Boolean)).toHaveLength(10);
    expect(text).not.toContain('\r');
  });

  test('campaign: a redrawn bar on a terminal', () => {
    const was = process.stderr.isTTY;
    process.stderr.isTTY = true;
    try {
      const text = captureStderr(() => {
        const p = new Progress(4);
        p.update(1, 0);
        p.note('FAIL x');
        p.update(2, 1);
        p.done();
      });
      expect(text).toContain('\r[########......................] 1/4  failures: 0');
      expect(text).toContain('\r\x1b[KFAIL x\n');
      expect(text.endsWith('2/4  failures: 1\n')).toBe(true);
    } finally {
      process.stderr.isTTY = was;
    }
  });
});

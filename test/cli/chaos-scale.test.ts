/**
 * Issue #17: `kubeprop chaos --workers`, `--shard` + `kubeprop merge`, `--resume` and signals.
 * Each is checked against the campaign run whole, serially and uninterrupted: the printed summary
 * and the summary file must be the same, all but the one wall-clock figure (the slowest run).
 * The runner is the ReplicaSet `no-expectations` mutant, so there are failing runs, shrinking and
 * replay files to agree on too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import type { PortableRunFn } from '../../src/run/workers/runnerRef.ts';
import { portableMutantRun } from '../run/fixtures/mutantRunner.ts';

let runner: PortableRunFn = portableMutantRun;
vi.mock('../../src/cli/runner.ts', () => ({ loadRunner: async () => runner }));

import { Progress } from '../../src/cli/progress.ts';
import { type SummaryFile, withoutWallClock } from '../../src/run/shardSummary.ts';
import { readSummaryFile } from '../../src/run/shardSummaryFile.ts';
import { cli } from './capture.ts';

const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-scale-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const report = join(tmp, 'reports');
const CAMPAIGN = [
  '--controller',
  'replicaset',
  '--runs',
  '6',
  '--seed',
  '7',
  '--shrink-runs',
  '20',
  '--report',
  report,
];

/** The summary lines (from `runs` on), without the wall-clock and file-path lines. */
const summaryLines = (stdout: string) => {
  const lines = stdout.split('\n');
  return lines
    .slice(lines.indexOf('runs        6') - 1)
    .filter((l) => !/^(slowest run:|summary file:)/.test(l));
};
const fileOf = (path: string): Omit<SummaryFile, 'slowest'> => withoutWallClock(readSummaryFile(path));

let whole: { stdout: string; file: Omit<SummaryFile, 'slowest'> } | undefined;
/** The campaign run whole, serially, uninterrupted: what every other way must equal. */
async function wholeCampaign() {
  if (whole !== undefined) return whole;
  const path = join(tmp, 'whole.json');
  const r = await cli('chaos', ...CAMPAIGN, '--workers', '1', '--summary', path);
  expect(r.code).toBe(1);
  whole = { stdout: r.stdout, file: fileOf(path) };
  expect(whole.file.complete).toBe(true);
  expect(whole.file.failing.length).toBeGreaterThan(0);
  return whole;
}

describe('chaos: scale', () => {
  test('chaos: --workers 2 prints and writes the summary of --workers 1', async () => {
    const expected = await wholeCampaign();
    const path = join(tmp, 'workers.json');
    const r = await cli('chaos', ...CAMPAIGN, '--workers', '2', '--summary', path);
    expect(r.code).toBe(1);
    expect(summaryLines(r.stdout)).toEqual(summaryLines(expected.stdout));
    expect(r.stdout.split('\n')[0]).toBe(expected.stdout.split('\n')[0]);
    expect(fileOf(path)).toEqual(expected.file);
    expect(summaryLines(r.stdout)).toContain('failing runs:');
  });

  test('chaos: --shard 0/3, 1/3, 2/3 merged by kubeprop merge equal the unsharded campaign', async () => {
    const expected = await wholeCampaign();
    const shards = join(tmp, 'shards');
    for (const i of [0, 1, 2]) {
      const r = await cli(
        'chaos',
        ...CAMPAIGN,
        '--workers',
        '1',
        '--shard',
        `${i}/3`,
        '--summary',
        join(shards, `chaos-summary.shard-${i}-of-3.json`),
      );
      expect(r.stdout).toContain(`shard=${i}/3`);
      expect(readSummaryFile(join(shards, `chaos-summary.shard-${i}-of-3.json`)).totals.runs).toBe(2);
    }
    const merged = join(tmp, 'merged.json');
    const m = await cli('merge', shards, '--summary', merged);
    expect(m.code).toBe(1);
    expect(m.stdout.split('\n')[0]).toBe('merged 3 shard summaries: seed=7 runs=6 controllers=replicaset');
    expect(summaryLines(m.stdout)).toEqual(summaryLines(expected.stdout));
    expect(fileOf(merged)).toEqual(expected.file);
  });

  test('chaos: a campaign stopped by SIGINT exits 130 with the summary of its runs, and --resume ends with the uninterrupted summary', async () => {
    const expected = await wholeCampaign();
    const path = join(tmp, 'resumed.json');
    let sent = false;
    // In this thread (no worker ref), the third run sends the campaign a SIGINT while it runs.
    runner = (s, o) => {
      if (s.name === 'chaos-replicaset-3' && !sent) {
        sent = true;
        (process.listeners('SIGINT').at(-1) as (sig: string) => void)('SIGINT');
      }
      return portableMutantRun(s, o);
    };
    const first = await cli('chaos', ...CAMPAIGN, '--summary', path);
    runner = portableMutantRun;
    expect(first.code).toBe(130);
    expect(first.errLines).toContain(
      'SIGINT: no new runs; the runs handed out finish (SIGINT again abandons them)',
    );
    const stopped = readSummaryFile(path);
    expect(stopped.complete).toBe(false);
    expect(stopped.done).toEqual([[0, 2]]);
    expect(first.stdout).toContain(
      `interrupted by SIGINT: ${stopped.totals.runs} of 6 runs done; resume with: npx kubeprop chaos --resume ${path}`,
    );
    const again = await cli('chaos', '--resume', path, '--report', report, '--workers', '1');
    expect(again.code).toBe(1);
    expect(summaryLines(again.stdout)).toEqual(summaryLines(expected.stdout));
    expect(fileOf(path)).toEqual(expected.file);
  });

  test('chaos: SIGTERM stops a campaign like SIGINT: exit 130, the runs done written for --resume', async () => {
    const path = join(tmp, 'sigterm.json');
    const listenersBefore = process.listeners('SIGTERM').length;
    let sent = false;
    runner = (s, o) => {
      if (s.name === 'chaos-replicaset-2' && !sent) {
        sent = true;
        (process.listeners('SIGTERM').at(-1) as (sig: string) => void)('SIGTERM');
      }
      return portableMutantRun(s, o);
    };
    const r = await cli('chaos', ...CAMPAIGN, '--summary', path);
    runner = portableMutantRun;
    expect(r.code).toBe(130);
    expect(readSummaryFile(path).done).toEqual([[0, 1]]);
    expect(r.stdout).toContain(
      `interrupted by SIGTERM: 2 of 6 runs done; resume with: npx kubeprop chaos --resume ${path}`,
    );
    // The campaign's handlers are gone once it ends: a signal now is handled as before it.
    expect(process.listeners('SIGTERM')).toHaveLength(listenersBefore);
  });

  test('chaos: --duration with no run count runs until the time is spent, and says so', async () => {
    const path = join(tmp, 'duration.json');
    const r = await cli(
      'chaos',
      '--controller',
      'replicaset',
      '--seed',
      '3',
      '--duration',
      '1s',
      '--workers',
      '1',
      '--report',
      report,
      '--summary',
      path,
      '--shrink-runs',
      '0',
    );
    expect(r.stdout.split('\n')[0]).toBe(
      'chaos campaign: seed=3 runs=unbounded controllers=replicaset duration=1s',
    );
    const f = readSummaryFile(path);
    expect(f.campaign.runs).toBeNull();
    expect(f.totals.runs).toBeGreaterThan(0);
    expect(f.done).toEqual([[0, f.totals.runs - 1]]);
  });

  test.each([
    [['chaos', '--workers', '0'], 'kubeprop chaos: --workers must be an integer from 1 to 256, got 0'],
    [
      ['chaos', '--shard', '3/3'],
      /^kubeprop chaos: --shard must be i\/n with 0 ≤ i < n ≤ 10000 .*got "3\/3"$/,
    ],
    [['chaos', '--shard', 'two'], /^kubeprop chaos: --shard must be i\/n .*got "two"$/],
    [
      ['chaos', '--duration', '10'],
      /^kubeprop chaos: --duration: invalid duration "10": missing unit \(ms, s, m, h\)$/,
    ],
    [['chaos', '--duration', '0s'], 'kubeprop chaos: --duration must be longer than 0, got "0s"'],
    [
      ['chaos', '--resume', '/nonexistent/s.json'],
      '/nonexistent/s.json:1:1: cannot read summary file: no such file',
    ],
    [['merge'], /^kubeprop merge: name the shards' summary files/],
    [['merge', '/nonexistent/a.json'], '/nonexistent/a.json:1:1: cannot read summary file: no such file'],
  ])('chaos: bad input %j is one line and exit 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    if (typeof message === 'string') expect(r.errLines[0]).toBe(message);
    else expect(r.errLines[0]).toMatch(message);
  });

  test('chaos: a shard beyond the last run has nothing to do and says it is complete; merge counts it', async () => {
    const dir = join(tmp, 'tiny');
    for (const i of [0, 1, 2, 3])
      await cli(
        'chaos',
        '--runs',
        '2',
        '--seed',
        '4',
        '--controller',
        'replicaset',
        '--shard',
        `${i}/4`,
        '--workers',
        '1',
        '--report',
        dir,
      );
    const empty = readSummaryFile(join(dir, 'chaos-summary.shard-3-of-4.json'));
    expect(empty.totals.runs).toBe(0);
    expect(empty.complete).toBe(true);
    const m = await cli('merge', dir);
    expect(m.stdout).toMatch(/^runs {8}2$/m);
    expect(readSummaryFile(join(dir, 'chaos-summary.json')).complete).toBe(true);
  });

  test('chaos: --resume refuses a flag naming another campaign; merge refuses a missing shard', async () => {
    await wholeCampaign();
    const r = await cli('chaos', '--resume', join(tmp, 'whole.json'), '--seed', '8', '--report', report);
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([
      `kubeprop chaos: --seed 8 differs from the campaign in ${join(tmp, 'whole.json')} (seed=7 runs=6 controllers=replicaset shrink-runs=20, shard 0/1); leave it out to resume`,
    ]);
    const lone = join(tmp, 'lone');
    await cli(
      'chaos',
      ...CAMPAIGN,
      '--workers',
      '1',
      '--shard',
      '1/2',
      '--summary',
      join(lone, 'chaos-summary.shard-1-of-2.json'),
    );
    const m = await cli('merge', lone);
    expect(m.code).toBe(2);
    expect(m.errLines).toEqual(["kubeprop merge: shard 0/2 missing: merge needs every shard's summary file"]);
  });

  test('chaos: progress shows runs/s and an ETA with a run count, the time left with only a budget', () => {
    let now = 0;
    let text = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      text += String(c);
      return true;
    });
    try {
      const counted = new Progress({ total: 100 }, () => now);
      now = 5_000;
      counted.update(10, 0);
      const budget = new Progress({ durationMs: 600_000 }, () => now);
      now = 65_000;
      budget.update(30, 1);
    } finally {
      spy.mockRestore();
    }
    expect(text).toContain('progress: 10/100 runs, 0 failing, 2.0 runs/s, ETA 45s');
    expect(text).toContain('progress: 30 runs, 1 failing, 0.5 runs/s, 9m 00s left');
  });
});

describe('chaos: signals (a real process)', () => {
  test('chaos: SIGINT to a running campaign on 2 workers: exit 130, the summary of the runs done, the command to resume', async () => {
    const dir = join(tmp, 'signal');
    const child = spawn(
      process.execPath,
      ['bin/kubeprop.js', 'chaos', '--runs', '200', '--workers', '2', '--report', dir, '--seed', '9'],
      {
        cwd: join(import.meta.dirname, '../..'),
      },
    );
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr.on('data', (d) => {
      if (String(d).includes('progress:')) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    const f = readSummaryFile(join(dir, 'chaos-summary.json'));
    expect(f.complete).toBe(false);
    expect(f.totals.runs).toBeGreaterThan(0);
    expect(stdout).toContain(`runs        ${f.totals.runs}\n`);
    expect(stdout).toContain(
      `interrupted by SIGINT: ${f.totals.runs} of 200 runs done; resume with: npx kubeprop chaos --resume ${join(dir, 'chaos-summary.json')}`,
    );
  });
});

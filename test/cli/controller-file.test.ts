/**
 * `kubeprop run` of a scenario whose spec.controllers names a controller file (issue #15 item 2):
 * the file is resolved next to the scenario, a file outside its folder runs only when
 * --allow-controller-path names it, verdicts and reports are those of any run, and `kubeprop replay`
 * refuses the replay file of such a run unless --allow-controller-path names its files too.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli } from './capture.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/controller');
const LAB = join(import.meta.dirname, '../../labs/replicaset');
const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-controller-file-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cli: run a scenario that names a controller file', () => {
  test('the correct solution, named next to the scenario, passes: exit 0 and reports', async () => {
    const dir = join(tmp, 'correct');
    const r = await cli('run', join(FIXTURES, 'correct.yaml'), '--report', dir, '--format', 'json');
    expect(r.stdout).toMatch(/^PASS {2}cli-correct-replicaset {2}seed=1 {2}8 invariants held/);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'cli-correct-replicaset', '1', 'report.json'), 'utf8'));
    expect(report.outcome).toBe('pass');
  });

  test('a file outside the scenario folder is refused in one line, exit 2, nothing written', async () => {
    const dir = join(tmp, 'refused');
    const r = await cli('run', join(FIXTURES, 'naive.yaml'), '--report', dir);
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toMatch(
      /naive\.yaml:\d+:\d+: spec\.controllers\.replicaset: .*solution-naive\.ts is outside the scenario's folder; .*--allow-controller-path\)$/,
    );
    expect(existsSync(join(dir, 'cli-naive-replicaset'))).toBe(false);
  });

  test('the naive solution, allowed by --allow-controller-path, fails: exit 1 with the invariant', async () => {
    const dir = join(tmp, 'naive');
    const allow = relative(process.cwd(), LAB);
    const r = await cli(
      'run',
      join(FIXTURES, 'naive.yaml'),
      '--report',
      dir,
      '--allow-controller-path',
      allow,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^FAIL {2}cli-naive-replicaset {2}seed=1 {2}replicaset\.no-overshoot violated at/,
    );
    const replayFile = join(dir, 'cli-naive-replicaset', '1', 'cli-naive-replicaset.replay.json');
    const naive = relative(process.cwd(), join(LAB, 'solution-naive.ts'));
    expect(r.stdout).toContain(`replay: npx kubeprop replay ${replayFile} --allow-controller-path ${naive}`);
    const report = JSON.parse(readFileSync(join(dir, 'cli-naive-replicaset', '1', 'report.json'), 'utf8'));
    expect(report.outcome).toBe('violation');
    // The report's commands work as printed: they carry the --allow-controller-path options.
    const md = readFileSync(join(dir, 'cli-naive-replicaset', '1', 'report.md'), 'utf8');
    expect(md).toContain(`--seed 1 --allow-controller-path ${allow}\n`);
    expect(md).toContain(`npx kubeprop replay ${replayFile} --allow-controller-path ${naive}\n`);

    // A replay file must not make kubeprop import code by itself: each file is named on the command line.
    const refused = await cli('replay', replayFile);
    expect(refused.code).toBe(2);
    expect(refused.errLines).toHaveLength(1);
    expect(refused.errLines[0]).toMatch(
      /replay\.json:\d+:\d+: this run used controller files; kubeprop replay imports them only when --allow-controller-path names them: --allow-controller-path .*solution-naive\.ts$/,
    );
    const again = await cli('replay', replayFile, '--allow-controller-path', naive);
    expect(again.stdout).toMatch(/^replayed exactly: \d+ steps/);
    expect(again.code).toBe(1);
  });

  test('a controller file of another kind is bad input at its position: exit 2, one line', async () => {
    const r = await cli('run', join(FIXTURES, 'wrong-kind.yaml'), '--report', join(tmp, 'wrong-kind'));
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([
      `${join(FIXTURES, 'wrong-kind.yaml')}:10:30: spec.controllers.replicaset: controller "replicaset" replaces the built-in one, which manages ReplicaSet, but it manages DaemonSet`,
    ]);
    expect(existsSync(join(tmp, 'wrong-kind'))).toBe(false);
  });

  test('the same seed gives the same trace digest', async () => {
    const digests = [];
    for (const d of ['a', 'b']) {
      const dir = join(tmp, `digest-${d}`);
      await cli('run', join(FIXTURES, 'correct.yaml'), '--seed', '7', '--report', dir, '--format', 'json');
      digests.push(
        JSON.parse(readFileSync(join(dir, 'cli-correct-replicaset', '7', 'report.json'), 'utf8')).traceDigest,
      );
    }
    expect(digests[0]).toMatch(/^[0-9a-f]{16,}$/);
    expect(digests[1]).toBe(digests[0]);
  });
});

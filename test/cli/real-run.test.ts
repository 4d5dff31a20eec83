/**
 * The CLI with the real simulator (cli.test.ts uses a fake runner): determinism of report.json,
 * and a failing run's replay file replaying exactly.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli } from './capture.ts';

const FIXTURES = join(import.meta.dirname, '../scenario/fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-real-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cli: real simulator', () => {
  test('cli: run --seed N twice gives byte-identical report.json', async () => {
    const reports = [];
    for (const dir of ['a', 'b']) {
      const r = await cli(
        'run',
        join(FIXTURES, 'pass.yaml'),
        '--seed',
        '1234',
        '--format',
        'json',
        '--report',
        join(tmp, dir),
      );
      expect(r.stderr).toBe('');
      reports.push(readFileSync(join(tmp, dir, 'passing-scenario', '1234', 'report.json'), 'utf8'));
    }
    expect(reports[0]!.length).toBeGreaterThan(100);
    expect(reports[1]).toBe(reports[0]);
  });

  test('cli: a failing run replays exactly', async () => {
    const dir = join(tmp, 'fail');
    const r = await cli('run', join(FIXTURES, 'good.yaml'), '--report', dir, '--format', 'json');
    expect(r.code).toBe(1);
    const replayFile = join(dir, 'good-scenario', '42', 'good-scenario.replay.json');
    expect(r.stdout).toContain(`npx kubeprop replay ${replayFile}`);
    const again = await cli('replay', replayFile);
    expect(again.stdout).toMatch(/^replayed exactly: \d+ steps/);
    expect(again.code).toBe(1);
  });

  test('cli: run writes json, md and html by default, in the chosen language', async () => {
    const dir = join(tmp, 'formats');
    const r = await cli('run', join(FIXTURES, 'pass.yaml'), '--report', dir, '--lang', 'ko');
    expect(r.code).toBe(0);
    const runDir = join(dir, 'passing-scenario', '11');
    expect(readdirSync(runDir).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    expect(readFileSync(join(runDir, 'report.md'), 'utf8')).toMatch(/[가-힣]/);
  });
});

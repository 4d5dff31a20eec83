/**
 * The CLI contract at its edges (issue #10 item 6): kubeprop's own one-line message for every
 * option error, EPIPE as a normal end, `--report` refused before anything runs, a folder of
 * scenarios, "did you mean" for commands, options and invariant ids, `explain` with no id.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';

vi.mock('../../src/scenario/registries.ts', () => import('../scenario/fakes.ts'));
vi.mock('../../src/cli/runner.ts', async () => {
  const { fakeRun } = await import('./fake-run.ts');
  return { loadRunner: async () => fakeRun };
});

import { runOptions } from '../../src/cli/cmd-run.ts';
import { cli } from './capture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(import.meta.dirname, '../scenario/fixtures');
const PASS = join(FIXTURES, 'pass.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-contract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Bad input: exit 2, exactly this one stderr line, nothing on stdout. */
async function expectOneLine(argv: string[], line: string | RegExp): Promise<void> {
  const r = await cli(...argv);
  expect(r.code).toBe(2);
  expect(r.errLines).toHaveLength(1);
  if (typeof line === 'string') expect(r.errLines[0]).toBe(line);
  else expect(r.errLines[0]).toMatch(line);
  expect(r.stdout).toBe('');
}

describe('cli contract: option values', () => {
  test.each<[string[], string]>([
    [['run', PASS, '--seed', '-1'], 'kubeprop run: --seed must be an integer from 0 to 4294967295, got -1'],
    [['chaos', '--runs', '-5'], 'kubeprop chaos: --runs must be an integer from 1 to 100000, got -5'],
    [
      ['chaos', '--seed', '-1', '--runs', '1'],
      'kubeprop chaos: --seed must be an integer from 0 to 4294967295, got -1',
    ],
    [['run', PASS, '--seed', '1.5'], 'kubeprop run: --seed must be an integer from 0 to 4294967295, got 1.5'],
    [
      ['run', PASS, '--seed', 'abc'],
      'kubeprop run: --seed must be an integer from 0 to 4294967295, got "abc"',
    ],
    [['run', PASS, '--lang', '-x'], 'kubeprop run: --lang must be one of en, ko, got "-x"'],
  ])('cli contract: %j', async (argv, line) => {
    await expectOneLine(argv, line);
  });

  test('cli contract: an option name after an option still means a missing value', async () => {
    await expectOneLine(
      ['run', PASS, '--seed', '--report', 'x'],
      /^kubeprop run: option --seed needs a value/,
    );
  });
});

describe('cli contract: did you mean', () => {
  test.each<[string[], RegExp]>([
    [['rnu', 'x.yaml'], /^kubeprop: unknown command "rnu"; did you mean "run"\? \(commands: /],
    [
      ['run', PASS, '--sed', '3'],
      /^kubeprop run: unknown option --sed; did you mean --seed\? \(see kubeprop run --help\)$/,
    ],
    [['chaos', '--run', '3'], /^kubeprop chaos: unknown option --run; did you mean --runs\?/],
    [
      ['explain', 'replicaset.exact-replica'],
      /^kubeprop explain: unknown invariant "replicaset.exact-replica"; did you mean "replicaset.exact-replicas"\? \(known: /,
    ],
    [['explain', 'zzz'], /^kubeprop explain: unknown invariant "zzz" \(known: /],
    [
      ['chaos', '--controller', 'statefulsets'],
      /^kubeprop chaos: --controller must be one of replicaset, daemonset, statefulset, deployment, all, got "statefulsets"; did you mean "statefulset"\?$/,
    ],
  ])('cli contract: %j', async (argv, line) => {
    await expectOneLine(argv, line);
  });
});

describe('cli contract: explain', () => {
  test('cli contract: explain with no id lists every id, exit 0', async () => {
    const r = await cli('explain');
    expect(r.code).toBe(0);
    for (const id of ['replicaset.exact-replicas', 'replicaset.no-overshoot', 'workload.converges'])
      expect(r.stdout).toMatch(new RegExp(`^${id.replace('.', '\\.')} +(safety|liveness)$`, 'm'));
    expect(r.stderr).toBe('');
  });
});

describe('cli contract: --report is checked before anything runs', () => {
  test('cli contract: --report naming an existing file', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    await expectOneLine(
      ['run', PASS, '--report', file],
      `kubeprop run: --report ${file}: is a file, not a directory`,
    );
    await expectOneLine(
      ['run', PASS, '--report', join(file, 'sub')],
      `kubeprop run: --report ${join(file, 'sub')}: ${file} is a file, not a directory`,
    );
    await expectOneLine(['chaos', '--runs', '1', '--report', file], /^kubeprop chaos: --report .*is a file/);
    await expectOneLine(['campaign', '--report', file], /^kubeprop campaign: --report .*is a file/);
  });

  test('cli contract: --report on a pseudo file system', async () => {
    await expectOneLine(
      ['run', PASS, '--report', '/proc/x'],
      /^kubeprop run: --report \/proc\/x: \/proc is on \/proc, a kernel file system/,
    );
    await expectOneLine(['run', PASS, '--report', '/sys/kubeprop'], /kernel file system/);
  });

  test('cli contract: a missing --report folder is fine (created on write)', async () => {
    const dir = join(tmp, 'new', 'deeper');
    const r = await cli('run', PASS, '--report', dir, '--format', 'json');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'passing-scenario', '11', 'report.json'))).toBe(true);
  });
});

describe('cli contract: run a folder', () => {
  test('cli contract: run DIR runs every *.yaml in it, in name order', async () => {
    const dir = join(tmp, 'scenarios');
    mkdirSync(dir);
    copyFileSync(PASS, join(dir, 'b.yaml'));
    writeFileSync(join(dir, 'a.yaml'), readPass().replace('name: passing-scenario', 'name: first'));
    writeFileSync(join(dir, 'notes.txt'), 'not a scenario');
    const r = await cli('run', dir, '--report', join(tmp, 'r-dir'), '--format', 'json');
    expect(r.code).toBe(0);
    const names = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(/ {2}/)[1]);
    expect(names).toEqual(['first', 'passing-scenario']);
  });

  test('cli contract: a folder with no scenarios is bad input', async () => {
    const dir = join(tmp, 'empty');
    mkdirSync(dir);
    await expectOneLine(['run', dir], `kubeprop run: ${dir} has no *.yaml scenario files`);
  });

  test('cli contract: --files-root is handed to the parser', () => {
    const parsed = runOptions([PASS, '--files-root', FIXTURES]);
    expect(parsed !== 'help' && parsed.opts.filesRoot).toBe(FIXTURES);
  });
});

function readPass(): string {
  return readFileSync(PASS, 'utf8');
}

describe('cli contract: a closed stdout', () => {
  test('cli contract: kubeprop explain x | (reader gone) ends with exit 0 and no stack', () => {
    // `true` exits before node has started, so kubeprop's first write meets a closed pipe (EPIPE).
    const r = spawnSync('bash', ['-c', 'set -o pipefail; node bin/kubeprop.js explain | true'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('cli contract: with stderr on the same closed pipe too (2>&1)', () => {
    const r = spawnSync('bash', ['-c', 'set -o pipefail; node bin/kubeprop.js run nope.yaml 2>&1 | true'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';

vi.mock('../../src/scenario/registries.ts', () => import('../scenario/fakes.ts'));
vi.mock('../../src/cli/runner.ts', async () => {
  const { fakeRun } = await import('./fake-run.ts');
  return { loadRunner: async () => runnerHolder.run ?? fakeRun };
});

import type { RunFn } from '../../src/run/replay.ts';
import { TOOLKIT_VERSION } from '../../src/version.ts';
import { BAD_CASES } from '../scenario/bad-cases.ts';
import { cli } from './capture.ts';

/** Lets a test swap the runner (e.g. one that throws). */
const runnerHolder: { run?: RunFn } = vi.hoisted(() => ({}));

const FIXTURES = join(import.meta.dirname, '../scenario/fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(tmp, `reports-${++n}`);

/** Bad input: exit 2, exactly one stderr line matching `line`, no stack, nothing written. */
function expectBadInput(r: Awaited<ReturnType<typeof cli>>, line: RegExp, reportDir?: string): void {
  expect(r.code).toBe(2);
  expect(r.errLines).toHaveLength(1);
  expect(r.errLines[0]).toMatch(line);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe('');
  if (reportDir !== undefined) expect(existsSync(reportDir)).toBe(false);
}

describe('cli: help and arguments', () => {
  test('cli: --help lists every command', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of ['run', 'chaos', 'replay', 'explain']) expect(r.stdout).toContain(`kubeprop ${c}`);
    expect(r.stderr).toBe('');
  });

  test.each(['run', 'chaos', 'replay', 'explain', 'campaign'])('cli: %s --help', async (command) => {
    const r = await cli(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: kubeprop ${command}`));
  });

  test('cli: --version', async () => {
    expect((await cli('--version')).stdout).toBe(`${TOOLKIT_VERSION}\n`);
  });

  test.each<[string[], RegExp]>([
    [
      ['frobnicate'],
      /^kubeprop: unknown command "frobnicate" \(commands: run, chaos, replay, explain, campaign, merge, lab; see kubeprop --help\)$/,
    ],
    [['--frob'], /^kubeprop: unknown option "--frob"/],
    [
      ['run', 'x.yaml', '--sed', '3'],
      /^kubeprop run: unknown option --sed; did you mean --seed\? \(see kubeprop run --help\)$/,
    ],
    [['run', 'x.yaml', '--seed'], /^kubeprop run: option --seed needs a value/],
    [
      ['run', 'x.yaml', '--seed', 'abc'],
      /^kubeprop run: --seed must be an integer from 0 to 4294967295, got "abc"$/,
    ],
    [['run', 'x.yaml', '--seed', '-1'], /^kubeprop run: /],
    [['run', 'x.yaml', '--seed', '4294967296'], /--seed must be an integer/],
    [
      ['run', 'x.yaml', '--format', 'pdf'],
      /--format takes a comma-separated list of json, md, html, got "pdf"/,
    ],
    [['run', 'x.yaml', '--lang', 'fr'], /--lang must be one of en, ko, got "fr"/],
    [['run'], /^kubeprop run: name at least one scenario file/],
    [['chaos', '--runs', '0'], /--runs must be an integer from 1 to 100000/],
    [
      ['chaos', '--controller', 'cronjob'],
      /--controller must be one of replicaset, daemonset, statefulset, deployment, all/,
    ],
    [['chaos', 'extra'], /^kubeprop chaos: /],
    [['replay'], /name exactly one .replay.json file/],
    [['explain', 'a', 'b'], /name one invariant id at a time/],
    [
      ['explain', 'nope.nope'],
      /^kubeprop explain: unknown invariant "nope.nope" \(known: replicaset.exact-replicas,/,
    ],
  ])('cli: bad arguments %j exit 2 with one line', async (argv, line) => {
    expectBadInput(await cli(...argv), line);
  });
});

describe('cli: run: bad scenario files', () => {
  for (const c of BAD_CASES) {
    test(`cli: run: ${c.file} exits 2 with file:line:col`, async () => {
      const dir = freshDir();
      const path = join(FIXTURES, 'bad', c.file);
      const r = await cli('run', path, '--report', dir);
      const prefix = `${path}:${c.at}: `;
      expectBadInput(r, /./, dir);
      expect(r.errLines[0]!.startsWith(prefix)).toBe(true);
      expect(r.errLines[0]!.slice(prefix.length)).toMatch(c.message);
    });
  }

  test('cli: run: a YAML syntax error exits 2', async () => {
    const path = join(tmp, 'syntax.yaml');
    writeFileSync(path, 'apiVersion: kubeprop/v1\nmetadata: {name: "bad}\n');
    expectBadInput(await cli('run', path), /syntax.yaml:\d+:\d+: invalid YAML: /);
  });

  test('cli: run: a missing file exits 2', async () => {
    expectBadInput(
      await cli('run', join(tmp, 'missing.yaml')),
      /missing.yaml:1:1: cannot read scenario: no such file$/,
    );
  });

  test('cli: run: one bad file among good ones runs nothing and writes nothing', async () => {
    const dir = freshDir();
    const r = await cli(
      'run',
      join(FIXTURES, 'pass.yaml'),
      join(FIXTURES, 'bad', 'absurd-duration.yaml'),
      '--report',
      dir,
    );
    expectBadInput(r, /absurd-duration.yaml:6:11: /, dir);
  });
});

describe('cli: run', () => {
  test('cli: run: a passing scenario prints PASS and writes report.json', async () => {
    const dir = freshDir();
    const r = await cli('run', join(FIXTURES, 'pass.yaml'), '--report', dir, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^PASS {2}passing-scenario {2}seed=11 {2}2 invariants held {2}\(\d+\.\d ms\)\n$/,
    );
    const report = JSON.parse(readFileSync(join(dir, 'passing-scenario', '11', 'report.json'), 'utf8'));
    expect(report).toMatchObject({
      scenario: 'passing-scenario',
      seed: 11,
      toolkitVersion: TOOLKIT_VERSION,
      outcome: 'pass',
    });
    expect(readdirSync(join(dir, 'passing-scenario', '11'))).toEqual(['report.json']);
  });

  test('cli: run: --seed overrides the scenario seed', async () => {
    const dir = freshDir();
    const r = await cli('run', join(FIXTURES, 'pass.yaml'), '--report', dir, '--seed', '5');
    expect(r.stdout).toContain('seed=5');
    expect(existsSync(join(dir, 'passing-scenario', '5', 'report.json'))).toBe(true);
  });

  test('cli: run: a violation prints FAIL, writes a replay file and its command; replay reproduces it', async () => {
    const dir = freshDir();
    const r = await cli('run', join(FIXTURES, 'good.yaml'), '--report', dir);
    expect(r.code).toBe(1);
    const [verdict, replayLine] = r.stdout.trimEnd().split('\n');
    expect(verdict).toMatch(
      /^FAIL {2}good-scenario {2}seed=42 {2}replicaset.no-overshoot violated at 00:42.130 step 311 {2}\(\d+\.\d ms\)$/,
    );
    const replayFile = join(dir, 'good-scenario', '42', 'good-scenario.replay.json');
    expect(existsSync(replayFile)).toBe(true);
    expect(replayLine).toBe(`      replay: npx kubeprop replay ${replayFile}`);

    const again = await cli('replay', replayFile);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^replayed exactly: 4 steps, trace digest /);
    expect(again.stdout).toMatch(/\nFAIL {2}good-scenario {2}seed=42 /);
  });

  test('cli: run: an internal error exits 3 with one line and no stack', async () => {
    runnerHolder.run = () => {
      throw new Error('boom\nsecond line');
    };
    try {
      const r = await cli('run', join(FIXTURES, 'pass.yaml'), '--report', freshDir());
      expect(r.code).toBe(3);
      expect(r.errLines).toEqual(['kubeprop: internal error: boom']);
    } finally {
      delete runnerHolder.run;
    }
  });
});

describe('cli: replay: untrusted files', () => {
  async function recorded(): Promise<string> {
    const dir = freshDir();
    await cli('run', join(FIXTURES, 'good.yaml'), '--report', dir);
    return join(dir, 'good-scenario', '42', 'good-scenario.replay.json');
  }

  test('cli: replay: a file from another toolkit version exits 2 with the reason', async () => {
    const path = await recorded();
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        `"toolkitVersion": "${TOOLKIT_VERSION}"`,
        '"toolkitVersion": "9.9.9"',
      ),
    );
    expectBadInput(
      await cli('replay', path),
      /replay.json:3:3: replay file was written by kubeprop "9.9.9", this is /,
    );
  });

  test('cli: replay: a tampered file exits 2 with the reason', async () => {
    const path = await recorded();
    writeFileSync(path, readFileSync(path, 'utf8').replace('"replicas": 5', '"replicas": 50'));
    expectBadInput(
      await cli('replay', path),
      /replay.json:\d+:\d+: replay file was modified after it was written/,
    );
  });

  test('cli: replay: a divergence names the step and both events', async () => {
    const path = await recorded();
    runnerHolder.run = (s, o) => {
      const { fakeRun } = fakeRunModule;
      const r = fakeRun(s, o);
      r.events[2] = {
        ...r.events[2]!,
        code: 'fault.skipped',
        params: { command: 'scale', reason: 'something else' },
      };
      r.traceDigest = 'other';
      return r;
    };
    try {
      const r = await cli('replay', path);
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe('diverged at step 3');
      expect(lines[1]).toBe('  recorded: 3 60000 fault user fault.skipped command="scale" reason="seed=42"');
      expect(lines[2]).toBe(
        '  replayed: 3 60000 fault user fault.skipped command="scale" reason="something else"',
      );
    } finally {
      delete runnerHolder.run;
    }
  });
});

const fakeRunModule = await import('./fake-run.ts');

describe('cli: explain', () => {
  test('cli: explain prints the claim and why', async () => {
    const r = await cli('explain', 'replicaset.no-overshoot');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'replicaset.no-overshoot  (safety)\n\nclaim of replicaset.no-overshoot\n\nwhy replicaset.no-overshoot matters\n',
    );
  });

  test('cli: explain --lang ko', async () => {
    const r = await cli('explain', 'replicaset.no-overshoot', '--lang', 'ko');
    expect(r.stdout).toContain('replicaset.no-overshoot 설명');
    // The kind in Korean too (docs/glossary-ko.md: safety → 안전성, liveness → 활성).
    expect(r.stdout).toMatch(/^replicaset\.no-overshoot {2}\(안전성\)\n/);
    expect((await cli('explain', '--lang', 'ko')).stdout).toMatch(/^replicaset\.exact-replicas +활성$/m);
  });
});

describe('cli: chaos', () => {
  test('cli: chaos runs a campaign and prints a summary', async () => {
    const dir = freshDir();
    const r = await cli('chaos', '--controller', 'replicaset', '--runs', '4', '--seed', '3', '--report', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^chaos campaign: seed=3 runs=4 controllers=replicaset\n/);
    expect(r.stdout).toMatch(/runs {8}4\npassed {6}4\nviolations {2}0\nerrors {6}0\n/);
    expect(r.stdout).toMatch(/slowest run: chaos-replicaset-\d {2}seed=\d+ {2}\(/);
    expect(r.errLines.at(-1)).toBe('progress: 4/4 runs, 0 failing');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('cli: the real executable', () => {
  test('cli: node bin/kubeprop.js --help', () => {
    const root = join(import.meta.dirname, '../..');
    const stdout = execFileSync(process.execPath, [join(root, 'bin/kubeprop.js'), '--help'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(stdout).toMatch(/^kubeprop \d+\.\d+\.\d+: /);
    expect(stdout).toContain('kubeprop run <scenario.yaml | folder>...');
  });
});

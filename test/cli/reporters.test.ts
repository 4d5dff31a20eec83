/**
 * `kubeprop run` for CI (issue #14): globs and folders, `-o json` on stdout with the verdict lines on
 * stderr, `--reporter junit|json|github` with `--output-file`, annotations at the scenario's line;
 * exit codes unchanged, bad reporter options exit 2 before anything runs.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { annotationPath, escapeData, escapeProperty } from '../../src/cli/reporters/github.ts';
import { xmlEscape } from '../../src/cli/reporters/junit.ts';
import { locateViolation } from '../../src/cli/reporters/locate.ts';
import { cli } from './capture.ts';

const FIX = 'test/api/fixtures';
const tmp = () => mkdtempSync(join(tmpdir(), 'kubeprop-reporters-'));

describe('cli: run: CI reporters', () => {
  test('cli: run -o json: one JSON document on stdout, verdict lines on stderr, exit 1 for the mutant', async () => {
    const dir = tmp();
    const r = await cli('run', `${FIX}/**/*.yaml`, '--report', dir, '--format', 'json', '-o', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      exitCode: number;
      summary: Record<string, number>;
      scenarios: Array<{ file: string; verdict: string; replay?: { file: string }; invariants: unknown[] }>;
    };
    expect(doc.exitCode).toBe(1);
    expect(doc.summary).toEqual({ scenarios: 2, passed: 1, failed: 1, errors: 0 });
    expect(doc.scenarios.map((s) => [s.file, s.verdict])).toEqual([
      [`${FIX}/nested/rs-mutant.yaml`, 'fail'],
      [`${FIX}/rs-pass.yaml`, 'pass'],
    ]);
    expect(existsSync(doc.scenarios[0]!.replay!.file)).toBe(true);
    expect(r.stderr).toMatch(/^FAIL {2}api-rs-mutant {2}seed=5 {2}replicaset\.no-overshoot violated/m);
    expect(r.stderr).toMatch(/^PASS {2}api-rs-pass/m);
  });

  test('cli: run --reporter junit,github: annotations on stdout at the manifest line, JUnit to a file', async () => {
    const dir = tmp();
    const xml = join(dir, 'out', 'junit.xml');
    const file = `${FIX}/nested/rs-mutant.yaml`;
    const r = await cli(
      'run',
      file,
      '--report',
      dir,
      '--format',
      'json',
      '--reporter',
      'junit,github',
      '--output-file',
      `junit=${xml}`,
    );
    expect(r.code).toBe(1);
    // The violation comes at 48 ms, before the only scripted event: it points at the ReplicaSet's manifest.
    expect(r.stdout).toContain(
      `::error file=${file},line=12,col=7,title=kubeprop%3A replicaset.no-overshoot violated::api-rs-mutant seed=5: replicaset/frontend has 3 active pods`,
    );
    expect(r.stdout).toMatch(/^FAIL {2}api-rs-mutant/m);
    const junit = readFileSync(xml, 'utf8');
    expect(junit).toContain('<testsuites name="kubeprop" tests="1" failures="1" errors="0"');
    expect(junit).toContain('type="replicaset.no-overshoot"');
    expect(junit).toContain(
      'events (1):\n  00:30.000 scale target=replicaset/frontend replicas=5\nreplay: npx kubeprop replay',
    );
  });

  test('cli: reporters: locate: a violation after a scripted event points at it, else at the manifest', () => {
    const file = `${FIX}/nested/rs-mutant.yaml`;
    const v = { atMs: 31_000, step: 90, message: 'm', objects: ['replicaset/frontend', 'pod/frontend-x'] };
    // Line 24 holds `- { at: 30s, do: scale, target: replicaset/frontend, replicas: 5 }`.
    expect(locateViolation(file, v)).toEqual({ line: 24, col: 7 });
    expect(locateViolation(file, { ...v, atMs: 29_999 })).toEqual({ line: 12, col: 7 });
    expect(locateViolation(file, { ...v, atMs: 29_999, objects: [] })).toEqual({ line: 4, col: 9 });
    expect(locateViolation('missing.yaml', v)).toEqual({ line: 1, col: 1 });
  });

  test('cli: run: passing scenarios give an empty github report and a JUnit test each; exit 0', async () => {
    const dir = tmp();
    const r = await cli(
      'run',
      `${FIX}/rs-pass.yaml`,
      '--report',
      dir,
      '--format',
      'json',
      '--reporter',
      'junit',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<testcase classname="kubeprop.api-rs-pass" name="api-rs-pass seed=7"');
    expect(r.stderr).toMatch(/^PASS {2}api-rs-pass/m);
  });

  test('cli: run: bad reporter options are exit 2, one line, nothing written', async () => {
    const dir = join(tmp(), 'never');
    const cases: Array<[string[], RegExp]> = [
      [['--reporter', 'tap'], /--reporter must be one of junit, json, github, got "tap"/],
      [
        ['--reporter', 'junit', '--reporter', 'json'],
        /only one reporter can print to stdout \(junit, json\)/,
      ],
      [['--output-file', 'x.xml'], /--output-file needs a --reporter/],
      [['--reporter', 'junit', '--output-file', 'json=x.json'], /no --reporter json/],
      [['--reporter', 'junit', '--output-file', tmpdir()], /is a directory/],
      [['-o', 'yaml'], /--output must be one of text, json/],
    ];
    for (const [args, message] of cases) {
      const r = await cli('run', `${FIX}/rs-pass.yaml`, '--report', dir, ...args);
      expect(r.code).toBe(2);
      expect(r.errLines).toHaveLength(1);
      expect(r.errLines[0]).toMatch(message);
    }
    expect(existsSync(dir)).toBe(false);
  });

  test('cli: run: a glob that matches nothing is exit 2', async () => {
    const r = await cli('run', `${FIX}/**/*.yml`);
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([`kubeprop run: no scenario files match "${FIX}/**/*.yml"`]);
  });

  test('cli: reporters: annotations name files relative to the workspace when inside it', () => {
    expect(annotationPath('/repo/k8s/a.yaml', '/repo')).toBe('k8s/a.yaml');
    expect(annotationPath('k8s/a.yaml', process.cwd())).toBe('k8s/a.yaml');
    expect(annotationPath('/elsewhere/a.yaml', '/repo')).toBe('/elsewhere/a.yaml');
  });

  test('cli: reporters: escaping for workflow commands and XML', () => {
    expect(escapeData('50%\nnext\r')).toBe('50%25%0Anext%0D');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    expect(xmlEscape(`<a href="x">&'\u0001</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
});

/**
 * `kubeprop run` on a real manifest folder: one warning line per skipped manifest on stderr, the
 * run goes on, and report.json lists them (only when there are some).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';

vi.mock('../../src/scenario/registries.ts', () => import('./fakes.ts'));
vi.mock('../../src/cli/runner.ts', async () => {
  const { fakeRun } = await import('../cli/fake-run.ts');
  return { loadRunner: async () => fakeRun };
});

import { cli } from '../cli/capture.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'kubeprop-ignored-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cli: run: ignored manifests', () => {
  test('cli: run: one warning line per skipped manifest, then the run', async () => {
    const dir = join(tmp, 'app');
    const r = await cli('run', join(FIXTURES, 'app/scenario.yaml'), '--seed', '3', '--report', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS {2}real-folder /);
    const file = relative(process.cwd(), join(FIXTURES, 'app/manifests.yaml'));
    expect(r.errLines).toHaveLength(7);
    expect(r.errLines[0]).toBe(
      `${join(FIXTURES, 'app/scenario.yaml')}:8:7: warning: skipped PodDisruptionBudget/web: kubeprop does not model PodDisruptionBudget`,
    );
    expect(r.errLines[2]).toBe(
      `${file}:5:1: warning: skipped ConfigMap/app-config: kubeprop does not model ConfigMap`,
    );
    for (const line of r.errLines)
      expect(line).toMatch(/^\S+:\d+:\d+: warning: skipped \w+\/[\w-]+: kubeprop does not model /);
    const report = JSON.parse(readFileSync(join(dir, 'real-folder', '3', 'report.json'), 'utf8'));
    expect(report.ignoredManifests).toHaveLength(7);
    expect(report.ignoredManifests[2]).toEqual({
      file,
      line: 5,
      col: 1,
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'app-config',
      reason: 'kubeprop does not model ConfigMap',
    });
  });

  test('cli: run: no warnings and no ignoredManifests key when every kind is modelled', async () => {
    const dir = join(tmp, 'pass');
    const r = await cli('run', join(FIXTURES, 'pass.yaml'), '--seed', '3', '--report', dir);
    expect(r.stderr).toBe('');
    const [name] = r.stdout.match(/(?<=^PASS {2})\S+/) ?? [];
    const report = JSON.parse(readFileSync(join(dir, name!, '3', 'report.json'), 'utf8'));
    expect('ignoredManifests' in report).toBe(false);
  });
});

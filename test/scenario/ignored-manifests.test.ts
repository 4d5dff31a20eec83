/**
 * Real manifest folders: kinds kubeprop does not model are skipped and listed, not rejected; and
 * `files:` reads only below the scenario's folder unless a files root is granted.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';

vi.mock('../../src/scenario/registries.ts', () => import('./fakes.ts'));

import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/parse.ts';
import { ignoredWarning } from '../../src/scenario/parse-objects.ts';

const APP = join(import.meta.dirname, 'fixtures/app');

function errorOf(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario: ignored manifests', () => {
  test('scenario: a multi-document folder: unmodelled kinds are skipped in file order, modelled ones kept', () => {
    const s = loadScenarioFile(join(APP, 'scenario.yaml'));
    expect(s.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ReplicaSet/web', 'Service/web']);
    const file = relative(process.cwd(), join(APP, 'manifests.yaml'));
    expect(s.ignoredManifests).toEqual([
      {
        file: join(APP, 'scenario.yaml'),
        line: 8,
        col: 7,
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        name: 'web',
        reason: 'kubeprop does not model PodDisruptionBudget',
      },
      ...[
        [1, 'v1', 'ServiceAccount', 'web'],
        [5, 'v1', 'ConfigMap', 'app-config'],
        [11, 'v1', 'Secret', 'app-secret'],
        [47, 'networking.k8s.io/v1', 'Ingress', 'web'],
        [55, 'rbac.authorization.k8s.io/v1', 'Role', 'reader'],
      ].map(([line, apiVersion, kind, name]) => ({
        file,
        line,
        col: 1,
        apiVersion,
        kind,
        name,
        reason: `kubeprop does not model ${kind}`,
      })),
      {
        file,
        line: 60,
        col: 1,
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        name: 'web',
        reason: 'kubeprop does not model custom resources (monitoring.coreos.com/v1)',
      },
    ]);
  });

  test('scenario: the warning line names the place, the object and the reason', () => {
    const s = loadScenarioFile(join(APP, 'scenario.yaml'));
    const file = relative(process.cwd(), join(APP, 'manifests.yaml'));
    expect(ignoredWarning(s.ignoredManifests![2]!)).toBe(
      `${file}:5:1: warning: skipped ConfigMap/app-config: kubeprop does not model ConfigMap`,
    );
    expect(ignoredWarning({ ...s.ignoredManifests![2]!, name: '' })).toBe(
      `${file}:5:1: warning: skipped ConfigMap: kubeprop does not model ConfigMap`,
    );
  });

  test('scenario: a scenario with only modelled kinds has no ignoredManifests key', () => {
    const s = loadScenarioFile(join(import.meta.dirname, 'fixtures/good.yaml'));
    expect('ignoredManifests' in s).toBe(false);
  });

  test('scenario: a modelled kind with a bad field in a real folder is still an error at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeprop-app-'));
    try {
      writeFileSync(
        join(dir, 'all.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selectr: {app: x}}\n',
      );
      const text =
        'apiVersion: kubeprop/v1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  files: [all.yaml]\n';
      const err = errorOf(() => parseScenarioText(text, join(dir, 's.yaml')));
      expect(`${err.line}:${err.col}`).toBe('8:8');
      expect(err.message).toBe(
        'Service "s" is invalid: spec.selectr: unknown field "selectr"; did you mean "selector"?',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scenario: files root', () => {
  // root/shared/app.yaml, root/team/scenario.yaml pointing at ../shared/app.yaml
  const root = mkdtempSync(join(tmpdir(), 'kubeprop-root-'));
  const outside = mkdtempSync(join(tmpdir(), 'kubeprop-outside-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  mkdirSync(join(root, 'shared'));
  mkdirSync(join(root, 'team'));
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i}]}\n';
  writeFileSync(join(root, 'shared/app.yaml'), pod);
  writeFileSync(join(outside, 'evil.yaml'), pod);
  symlinkSync(join(outside, 'evil.yaml'), join(root, 'team/link-out.yaml'));
  symlinkSync(join(root, 'shared/app.yaml'), join(root, 'team/link-in.yaml'));
  const scenario = (file: string) => {
    const path = join(root, 'team/scenario.yaml');
    writeFileSync(
      path,
      `apiVersion: kubeprop/v1\nkind: Scenario\nmetadata: {name: t}\nspec:\n  files: [${JSON.stringify(file)}]\n`,
    );
    return path;
  };

  test('scenario: files root: a sibling folder is refused without a root and read with one', () => {
    const path = scenario('../shared/app.yaml');
    const err = errorOf(() => loadScenarioFile(path));
    expect(`${err.line}:${err.col}`).toBe('5:11');
    expect(err.message).toBe(
      'files: "../shared/app.yaml" is outside the scenario\'s folder; put manifests next to the scenario or below it, or grant a folder with --files-root',
    );
    expect(loadScenarioFile(path, { filesRoot: root }).objects.map((o) => o.metadata.name)).toEqual(['p']);
  });

  test('scenario: files root: an absolute path below the root is read, one above it refused', () => {
    expect(() => loadScenarioFile(scenario(join(root, 'shared/app.yaml')))).toThrow(
      /outside the scenario's folder/,
    );
    expect(
      loadScenarioFile(scenario(join(root, 'shared/app.yaml')), { filesRoot: root }).objects,
    ).toHaveLength(1);
    const err = errorOf(() => loadScenarioFile(scenario(join(outside, 'evil.yaml')), { filesRoot: root }));
    expect(err.message).toMatch(
      /is outside the scenario's folder and the files root ".*"; put manifests below one of them$/,
    );
  });

  test('scenario: files root: symlinks are judged by where they lead', () => {
    const out = errorOf(() => loadScenarioFile(scenario('link-out.yaml'), { filesRoot: root }));
    expect(out.message).toMatch(
      /"link-out.yaml" resolves \(through a symlink\) outside the scenario's folder and the files root/,
    );
    expect(() => loadScenarioFile(scenario('link-in.yaml'))).toThrow(
      /resolves \(through a symlink\) outside the scenario's folder$/,
    );
    expect(loadScenarioFile(scenario('link-in.yaml'), { filesRoot: root }).objects).toHaveLength(1);
  });

  test('scenario: files root: the scenario folder itself stays readable under a root elsewhere', () => {
    writeFileSync(join(root, 'team/own.yaml'), pod);
    expect(loadScenarioFile(scenario('own.yaml'), { filesRoot: outside }).objects).toHaveLength(1);
  });
});

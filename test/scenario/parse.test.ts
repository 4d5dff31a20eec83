import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test, vi } from 'vitest';

vi.mock('../../src/scenario/registries.ts', () => import('./fakes.ts'));

import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/parse.ts';
import { DEFAULT_SIM_OPTIONS } from '../../src/scenario/types.ts';
import { BAD_CASES } from './bad-cases.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

function errorOf(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

const HEADER = 'apiVersion: kubeprop/v1\nkind: Scenario\nmetadata: {name: t}\nspec:\n';
const parseSpec = (spec: string) => parseScenarioText(HEADER + spec, join(FIXTURES, 'inline.yaml'));

describe('scenario: bad input', () => {
  test('every fixture under bad/ has a case', () => {
    const files = readdirSync(join(FIXTURES, 'bad')).sort();
    expect(BAD_CASES.map((c) => c.file).sort()).toEqual(files);
  });

  for (const c of BAD_CASES) {
    test(`scenario: bad input: ${c.file} → ${c.at}`, () => {
      const path = join(FIXTURES, 'bad', c.file);
      const err = errorOf(() => loadScenarioFile(path));
      expect(err.file).toBe(path);
      expect(`${err.line}:${err.col}`).toBe(c.at);
      expect(err.message).toMatch(c.message);
      expect(String(err)).toBe(`${path}:${c.at}: ${err.message}`);
      expect(err.message).not.toContain('\n');
    });
  }

  test('a manifest file error names the manifest file and its line', () => {
    const err = errorOf(() => parseSpec('  files: [manifests/bad-selector.yaml]\n'));
    expect(relative(process.cwd(), join(FIXTURES, 'manifests/bad-selector.yaml'))).toBe(err.file);
    expect(`${err.line}:${err.col}`).toBe('7:25');
    expect(err.message).toBe(
      'DaemonSet "agent" is invalid: spec.template.metadata.labels: Invalid value: {"app":"agnt"}: `selector` does not match template `labels`',
    );
  });

  test('a files: entry that climbs out of a sub-folder is rejected', () => {
    const err = errorOf(() => loadScenarioFile(join(FIXTURES, 'sub/escape.yaml')));
    expect(err.message).toMatch(/"..\/outside\/evil.yaml" is outside the scenario's folder/);
    expect(err.line).toBe(6);
  });

  test('a files: symlink that points outside the folder is rejected', () => {
    const root = mkdtempSync(join(tmpdir(), 'kubeprop-symlink-'));
    try {
      mkdirSync(join(root, 'scenario'));
      writeFileSync(join(root, 'secret.yaml'), 'apiVersion: v1\nkind: Pod\n');
      symlinkSync(join(root, 'secret.yaml'), join(root, 'scenario', 'link.yaml'));
      writeFileSync(join(root, 'scenario', 's.yaml'), `${HEADER}  files: [link.yaml]\n`);
      const err = errorOf(() => loadScenarioFile(join(root, 'scenario', 's.yaml')));
      expect(err.message).toMatch(/resolves \(through a symlink\) outside the scenario's folder/);
      expect(`${err.line}:${err.col}`).toBe('5:11');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a missing scenario file is a ScenarioError, not an ENOENT stack', () => {
    const err = errorOf(() => loadScenarioFile(join(FIXTURES, 'nope.yaml')));
    expect(String(err)).toMatch(/nope.yaml:1:1: cannot read scenario: no such file$/);
  });

  test('empty file, a list, and an alias bomb', () => {
    expect(errorOf(() => parseScenarioText('', 'e.yaml')).message).toMatch(/empty scenario file/);
    expect(errorOf(() => parseScenarioText('- a\n', 'l.yaml')).message).toMatch(/must be a map/);
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from(
      { length: 8 },
      (_, i) =>
        `${'b'.repeat(i + 1)}: &b${i} [${Array(9)
          .fill(i === 0 ? '*a' : `*b${i - 1}`)
          .join(', ')}]`,
    ).join('\n')}\n`;
    expect(errorOf(() => parseScenarioText(bomb, 'bomb.yaml')).message).toMatch(/invalid YAML/);
  });

  test.each([
    ['  events:\n    - {at: 1.5ms, do: crash-node, node: a}\n', /not a whole number of milliseconds/],
    ['  events:\n    - {at: true, do: crash-node, node: a}\n', /must be a duration/],
    [
      '  events:\n    - {at: 10s, do: unready-pod, pod: a, for: -1}\n',
      /for: invalid duration -1: must not be negative/,
    ],
    [
      '  events:\n    - {at: 10s, do: scale, target: replicaset/a, replicas: -2}\n',
      /scale: replicas: must be a non-negative integer/,
    ],
    ['  events: {at: 10s}\n', /spec.events must be a list/],
    ['  chaos: {between: [0s, 1m]}\n', /missing required field "count"/],
    ['  chaos: {count: 3, kinds: [fail-api]}\n', /cannot be drawn at random/],
    [
      '  expect: {holds: [workload.converges], violates: [workload.converges]}\n',
      /cannot both hold and be violated/,
    ],
    ['  controllers: {deployment: correct}\n', /not available/],
    ['  controllers: {replicaset: 3}\n', /must be a string/],
    ['  controllers: {cronjob: x}\n', /unknown field "cronjob"/],
    ['  sim: {keepTrace: yes}\n', /must be true or false/],
    ['  sim: {warp: 1}\n', /unknown field "warp" in spec.sim/],
    ['  seed: 4294967296\n', /seed must be at most 4294967295/],
    ['  seed: 1.5\n', /seed must be an integer/],
    ['  cluster:\n    nodes:\n      - {name: Node_A}\n', /invalid node name "Node_A"/],
    [
      '  cluster:\n    nodes:\n      - {count: 10000}\n      - {count: 10001, namePrefix: x-}\n',
      /would have 20001 nodes/,
    ],
    [
      '  cluster:\n    nodes:\n      - {count: 2, namePrefix: "-"}\n',
      /namePrefix "-" gives invalid node names/,
    ],
    ['  cluster:\n    nodes:\n      - {labels: {a: b}}\n', /needs a "name"/],
    ['  cluster:\n    nodes:\n      - {name: a, labels: {"-bad": x}}\n', /labels.-bad: name part/],
    ['  cluster:\n    nodes:\n      - {name: a, labels: {zone: 1}}\n', /must have a string value/],
    ['  cluster:\n    nodes:\n      - {name: a, podCapacity: 10001}\n', /podCapacity must be at most 10000/],
    ['  objects: {a: 1}\n', /spec.objects must be a list/],
    ['  files: [manifests]\n', /cannot read "manifests": it is a directory/],
  ])('scenario: bad input: inline %#', (spec, message) => {
    expect(errorOf(() => parseSpec(spec)).message).toMatch(message);
  });

  test('label key errors point at the key', () => {
    const err = errorOf(() =>
      parseSpec('  cluster:\n    nodes:\n      - name: a\n        labels: {ok: x, "-bad": y}\n'),
    );
    expect(`${err.line}:${err.col}`).toBe('8:25');
  });
});

describe('scenario: good input', () => {
  const scenario = loadScenarioFile(join(FIXTURES, 'good.yaml'));

  test('metadata, seed and settle', () => {
    expect(scenario.name).toBe('good-scenario');
    expect(scenario.description).toBe('A scenario that uses every section.');
    expect(scenario.seed).toBe(42);
    expect(scenario.settleMs).toBe(300_000);
    expect(scenario.source).toBe(join(FIXTURES, 'good.yaml'));
  });

  test('nodes: named and count templates expanded', () => {
    expect(scenario.nodes.map((n) => n.name)).toEqual(['node-a', 'worker-1', 'worker-2']);
    expect(scenario.nodes[0]).toEqual({
      name: 'node-a',
      labels: { 'topology.kubernetes.io/zone': 'a' },
      taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
      unschedulable: false,
      podCapacity: 20,
    });
    expect(scenario.nodes[1]).toEqual({
      name: 'worker-1',
      labels: {},
      taints: [],
      unschedulable: false,
      podCapacity: 110,
    });
  });

  test('objects: inline first, then every document of each file, defaulted', () => {
    expect(scenario.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ReplicaSet/frontend',
      'Service/web',
      'StatefulSet/web',
    ]);
    const sts = scenario.objects[2]!;
    expect(sts.metadata.namespace).toBe('default');
    expect(sts.spec.podManagementPolicy).toBe('OrderedReady');
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    });
  });

  test('events sorted by at, stable for equal times; durations in ms', () => {
    expect(scenario.events.map((e) => `${e.at} ${e.do}`)).toEqual([
      '30000 crash-node',
      '30000 crash-pod',
      '60000 scale',
      '90000 unready-pod',
    ]);
    expect(scenario.events[1]).toEqual({
      at: 30_000,
      do: 'crash-pod',
      pod: { owner: 'replicaset/frontend', index: 0 },
    });
    expect(scenario.events[3]).toEqual({ at: 90_000, do: 'unready-pod', pod: 'web-0', for: 20_000 });
  });

  test('chaos, check, expect, controllers, sim', () => {
    expect(scenario.chaos).toEqual({ count: 20, between: [0, 300_000], kinds: ['crash-pod', 'crash-node'] });
    expect(scenario.check).toEqual(['replicaset.exact-replicas', 'replicaset.no-overshoot']);
    expect(scenario.expect).toEqual({ holds: ['replicaset.exact-replicas'], violates: [] });
    expect(scenario.controllers).toEqual({ replicaset: 'no-expectations' });
    expect(scenario.sim).toEqual({ ...DEFAULT_SIM_OPTIONS, informerLagMs: [5, 50], keepTrace: false });
  });

  test('defaults for a minimal scenario', () => {
    const s = parseSpec('  {}\n');
    expect(s).toEqual({
      name: 't',
      description: '',
      seed: 1,
      nodes: [],
      objects: [],
      events: [],
      settleMs: 600_000,
      controllers: {},
      sim: DEFAULT_SIM_OPTIONS,
      source: join(FIXTURES, 'inline.yaml'),
    });
    expect(s.sim).not.toBe(DEFAULT_SIM_OPTIONS);
    expect(s.sim.informerLagMs).not.toBe(DEFAULT_SIM_OPTIONS.informerLagMs);
  });

  test('metadata.descriptionKo: read as written when present, absent (not empty) otherwise', () => {
    const text = (meta: string) => `apiVersion: kubeprop/v1\nkind: Scenario\nmetadata: ${meta}\nspec: {}\n`;
    const ko = parseScenarioText(
      text('{name: t, description: A hotel., descriptionKo: 호텔이다.}'),
      'x.yaml',
    );
    expect(ko.description).toBe('A hotel.');
    expect(ko.descriptionKo).toBe('호텔이다.');
    expect(Object.keys(ko).slice(0, 3)).toEqual(['name', 'description', 'descriptionKo']);
    expect('descriptionKo' in parseScenarioText(text('{name: t, description: A hotel.}'), 'x.yaml')).toBe(
      false,
    );
    expect('descriptionKo' in parseScenarioText(text('{name: t, descriptionKo: null}'), 'x.yaml')).toBe(
      false,
    );
    const err = errorOf(() => parseScenarioText(text('{name: t, descriptionKo: 3}'), 'x.yaml'));
    expect(`${err.line}:${err.col} ${err.message}`).toBe(
      '3:36 metadata.descriptionKo must be a string, got number 3',
    );
  });

  test('chaos between defaults to the first five minutes', () => {
    expect(parseSpec('  chaos: {count: 0}\n').chaos).toEqual({ count: 0, between: [0, 300_000] });
  });

  test('a duration needs a unit: a bare number is refused with a suggestion, 0 is zero', () => {
    const err = errorOf(() => parseSpec('  settle: 30\n'));
    expect(err.message).toBe(
      'settle: 30 has no unit; did you mean 30s? (a duration needs a unit: ms, s, m or h)',
    );
    expect(errorOf(() => parseSpec('  events: [{at: 30, do: crash-node, node: n}]\n')).message).toMatch(
      /^at: 30 has no unit; did you mean 30s\?/,
    );
    expect(parseSpec('  settle: 0\n').settleMs).toBe(0);
    expect(parseSpec('  settle: "1500ms"\n').settleMs).toBe(1500);
  });

  test('the scenario round-trips through JSON (replay files)', () => {
    expect(JSON.parse(JSON.stringify(scenario))).toEqual(scenario);
  });
});

describe('scenario: YAML syntax errors', () => {
  test.each([
    ['apiVersion: kubeprop/v1\nmetadata: {name: "bad}\n', /^invalid YAML: Missing closing "quote/],
    ['apiVersion: kubeprop/v1\nmetadata:\n\tname: x\n', /^invalid YAML: Tabs are not allowed as indentation/],
    ['a: 1\n---\nb: 2\n', /^invalid YAML: Source contains multiple documents/],
    ['metadata: name: bad\n', /^invalid YAML: Nested mappings are not allowed/],
  ])('scenario: YAML syntax error %#', (text, message) => {
    const err = errorOf(() => parseScenarioText(text, 'x.yaml'));
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
    expect(err.line).toBeGreaterThan(0);
  });
});

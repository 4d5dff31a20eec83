import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  canonicalJson,
  firstDifference,
  readReplay,
  replay,
  toReplayFile,
  writeReplay,
} from '../../src/run/replay.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { TOOLKIT_VERSION } from '../../src/version.ts';
import { fakeRun, scenario } from './fake-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'kubeprop-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function written(name: string, seed = 3): string {
  return writeReplay(
    fakeRun(scenario(name, { controllers: { replicaset: 'no-expectations' } }), { seed }),
    join(dir, name, `${name}.replay.json`),
  );
}

function errorOf(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('replay: files', () => {
  test('replay: write then read round-trips', () => {
    const path = written('round-trip');
    const file = readReplay(path);
    expect(file.seed).toBe(3);
    expect(file.toolkitVersion).toBe(TOOLKIT_VERSION);
    expect(file.scenario.name).toBe('round-trip');
    expect(file.trace).toEqual(['1 1000 fault user fault.skipped command="crash-node" reason="seed=3"']);
    expect(file.violations).toEqual([
      { id: 'replicaset.no-overshoot', step: 311, atMs: 42_130, message: 'too many pods' },
    ]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(file);
  });

  test('replay: chaos is not stored twice (events already hold it)', () => {
    const result = fakeRun(scenario('c', { chaos: { count: 3, between: [0, 1000] } }));
    expect(toReplayFile(result).scenario.chaos).toBeUndefined();
  });

  test('replay: another toolkit version is refused, pointing at the version', () => {
    const path = written('old-version');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        `"toolkitVersion": "${TOOLKIT_VERSION}"`,
        '"toolkitVersion": "0.0.1"',
      ),
    );
    const err = errorOf(() => readReplay(path));
    expect(err.message).toContain(`written by kubeprop "0.0.1", this is ${TOOLKIT_VERSION}`);
    expect(err.line).toBe(3);
  });

  test.each([
    ['seed', (t: string) => t.replace('"seed": 3', '"seed": 4')],
    ['scenario', (t: string) => t.replace('"at": 1000', '"at": 2000')],
    ['traceDigest', (t: string) => t.replace('"traceDigest": "digest-', '"traceDigest": "other-')],
    ['integrity', (t: string) => t.replace(/"integrity": "[0-9a-f]{4}/, '"integrity": "ffff')],
  ])('replay: a tampered %s is refused', (_what, edit) => {
    const path = written(`tamper-${_what}`);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    writeFileSync(path, after);
    expect(errorOf(() => readReplay(path)).message).toMatch(/modified after it was written/);
  });

  test.each([
    ['not JSON', '{"format": ', /invalid JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['another format', '{"format": "x"}', /"format" must be "kubeprop-replay\/v1"/],
  ])('replay: %s is refused', (_name, text, message) => {
    const path = join(dir, `bad-${_name.replace(/ /g, '-')}.json`);
    writeFileSync(path, text);
    expect(errorOf(() => readReplay(path)).message).toMatch(message);
  });

  test('replay: a missing file', () => {
    expect(String(errorOf(() => readReplay(join(dir, 'nope.json'))))).toMatch(
      /nope.json:1:1: cannot read replay file: no such file$/,
    );
  });

  test('replay: canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 2 } })).toBe(
      '{"a":{"c":2,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('replay: re-running', () => {
  test('replay: the same runner replays exactly', () => {
    const out = replay(readReplay(written('exact', 9)), fakeRun);
    expect(out.exact).toBe(true);
    expect(out.result.seed).toBe(9);
  });

  test('replay: a changed runner diverges at the first differing step', () => {
    const file = readReplay(written('diverge', 9));
    const out = replay(file, (s, o) => {
      const r = fakeRun(s, o);
      // The digest reads a message's code and params, not its wording: change what it says.
      r.events[0] = {
        ...r.events[0]!,
        code: 'fault.skipped',
        params: { command: 'crash-node', reason: 'differently' },
      };
      r.traceDigest = 'changed';
      return r;
    });
    expect(out.exact).toBe(false);
    expect(out.divergedAt).toEqual({
      step: 1,
      expected: '1 1000 fault user fault.skipped command="crash-node" reason="seed=9"',
      actual: '1 1000 fault user fault.skipped command="crash-node" reason="differently"',
    });
  });

  test('replay: firstDifference handles traces of different length', () => {
    expect(firstDifference(['1 0 a b c'], ['1 0 a b c', '2 5 x y z'])).toEqual({
      step: 2,
      expected: '(end of trace)',
      actual: '2 5 x y z',
    });
  });
});

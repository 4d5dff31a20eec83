/** The public API (src/index.ts): the functions docs/api.md promises, on small fixture scenarios. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  exitCodeOf,
  expandScenarioPaths,
  explainInvariant,
  listInvariants,
  loadScenario,
  OptionError,
  parseScenario,
  renderReport,
  replayFile,
  runCampaign,
  runScenario,
  ScenarioError,
  shrink,
  verdictOf,
  writeReplayFile,
  writeReports,
} from '../../src/index.ts';

const FIX = 'test/api/fixtures';
const PASS = `${FIX}/rs-pass.yaml`;
const MUTANT = `${FIX}/nested/rs-mutant.yaml`;

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

describe('api: loadScenario', () => {
  test('api: loadScenario: a path gives the validated scenario, as the CLI reads it', () => {
    const s = loadScenario(PASS);
    expect(s.name).toBe('api-rs-pass');
    expect(s.events).toHaveLength(1);
    expect(s.events[0]!.at).toBe(30_000);
  });

  test('api: loadScenario: an object is validated like the file; the error names the field', () => {
    const doc = {
      apiVersion: 'kubeprop/v1',
      kind: 'Scenario',
      metadata: { name: 'obj' },
      spec: { cluster: { nodes: [{ count: 1 }] }, events: [{ at: 30, do: 'crash-node', node: 'node-1' }] },
    };
    const e = thrown(() => loadScenario(doc, { file: 'inline' }));
    expect(e).toBeInstanceOf(ScenarioError);
    const err = e as ScenarioError;
    expect(err.file).toBe('inline');
    expect(err.field).toBe('spec.events[0].at');
    expect(err.message).toMatch(/30s/);
    expect(err.line).toBeGreaterThan(1);
  });

  test('api: parseScenario: YAML text; a bad duration is file:line:col with the field', () => {
    const text = readFileSync(`${FIX}/bad-duration.yaml.txt`, 'utf8');
    const err = thrown(() => parseScenario(text, { file: 'bad.yaml' })) as ScenarioError;
    expect(String(err)).toMatch(/^bad\.yaml:7:\d+: /);
    expect(err.field).toBe('spec.events[0].at');
  });
});

describe('api: runScenario', () => {
  test('api: runScenario: a passing scenario passes, exit code 0', () => {
    const r = runScenario(PASS);
    expect(verdictOf(r)).toBe('pass');
    expect(exitCodeOf(r)).toBe(0);
    expect(r.invariants.some((i) => i.id === 'replicaset.exact-replicas' && i.status === 'held')).toBe(true);
  });

  test('api: runScenario: the mutant file fails; controllers: correct makes it pass', () => {
    const bad = runScenario(MUTANT);
    expect(verdictOf(bad)).toBe('fail');
    expect(exitCodeOf(bad)).toBe(1);
    expect(bad.invariants.find((i) => i.id === 'replicaset.no-overshoot')?.status).toBe('violated');
    expect(verdictOf(runScenario(MUTANT, { controllers: { replicaset: 'correct' } }))).toBe('pass');
  });

  test('api: runScenario: check narrows the invariants, seed overrides', () => {
    const r = runScenario(MUTANT, { check: ['replicaset.exact-replicas'], seed: 9 });
    expect(r.seed).toBe(9);
    expect(r.invariants.map((i) => i.id)).toContain('replicaset.exact-replicas');
    expect(r.invariants.find((i) => i.id === 'replicaset.no-overshoot')?.status ?? 'absent').not.toBe(
      'violated',
    );
  });

  test('api: runScenario: unknown invariant, controller or mutant is an OptionError naming the option', () => {
    const a = thrown(() => runScenario(PASS, { check: ['replicaset.exact-replica'] })) as OptionError;
    expect(a).toBeInstanceOf(OptionError);
    expect(a.option).toBe('check');
    expect(a.message).toMatch(/did you mean "replicaset.exact-replicas"/);
    const b = thrown(() => runScenario(PASS, { controllers: { replicaset: 'nope' } })) as OptionError;
    expect(b.option).toBe('controllers');
    expect(b.message).toMatch(/no-expectations/);
  });
});

describe('api: replay, shrink, reports', () => {
  test('api: writeReplayFile then replayFile replays exactly; shrink keeps the failure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeprop-api-'));
    const bad = runScenario(MUTANT);
    const path = writeReplayFile(bad, dir);
    expect(path).toBe(join(dir, 'api-rs-mutant', '5', 'api-rs-mutant.replay.json'));
    const outcome = replayFile(path);
    expect(outcome.exact).toBe(true);
    expect(verdictOf(outcome.result)).toBe('fail');
    const s = shrink(bad, { maxRuns: 20 });
    expect(s?.toEvents).toBeLessThanOrEqual(s?.fromEvents ?? 0);
    expect(s?.result.invariants.find((i) => i.id === 'replicaset.no-overshoot')?.status).toBe('violated');
  });

  test('api: writeReports writes the formats asked, renderReport returns the JSON contract', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeprop-api-'));
    const r = runScenario(PASS);
    expect(writeReports(r, { dir, formats: ['json', 'md'], lang: 'ko' })).toEqual([
      join(dir, 'api-rs-pass', '7', 'report.json'),
      join(dir, 'api-rs-pass', '7', 'report.md'),
    ]);
    const json = JSON.parse(renderReport(r, 'json')) as { outcome: string; scenario: unknown };
    expect(json.outcome).toBe('pass');
    expect(() => writeReports(r, { dir, formats: ['pdf' as 'json'] })).toThrow(OptionError);
  });
});

describe('api: runCampaign', () => {
  test('api: runCampaign: the same seed gives the same campaign; failures are the runs that did not pass', () => {
    const seen: string[] = [];
    const a = runCampaign({
      controllers: ['replicaset'],
      runs: 3,
      seed: 4,
      shrinkRuns: 0,
      onRun: (r) => seen.push(r.result.traceDigest),
    });
    const b = runCampaign({ controllers: ['replicaset'], runs: 3, seed: 4, shrinkRuns: 0 });
    expect(a.summary.runs).toBe(3);
    expect(seen).toHaveLength(3);
    expect(b.summary).toEqual({ ...a.summary, slowest: b.summary.slowest });
    expect(a.failures.length).toBe(a.summary.runs - a.summary.passes);
    // A kind kubeprop has no campaign for (CronJob) is refused by name; Deployment now has one.
    expect(() => runCampaign({ controllers: ['cronjob' as 'replicaset'] })).toThrow(OptionError);
    expect(() => runCampaign({ controllers: ['cronjob' as 'replicaset'] })).toThrow(/cronjob/);
  });
});

describe('api: invariants and files', () => {
  test('api: listInvariants has every contract id with en and ko texts; explainInvariant finds one', () => {
    const all = listInvariants();
    expect(all.map((i) => i.id)).toContain('statefulset.at-most-one');
    for (const i of all) expect(i.claim.en.length * i.claim.ko.length).toBeGreaterThan(0);
    expect(explainInvariant('statefulset.at-most-one').kind).toBe('safety');
    expect(() => explainInvariant('statefulset.at-most-on')).toThrow(
      /did you mean "statefulset.at-most-one"/,
    );
  });

  test('api: expandScenarioPaths: files, folders, ** and {a,b} globs, sorted and each once', () => {
    expect(expandScenarioPaths([`${FIX}/**/*.yaml`])).toEqual([MUTANT, PASS]);
    expect(expandScenarioPaths([`${FIX}/*.yaml`])).toEqual([PASS]);
    expect(expandScenarioPaths([FIX, PASS])).toEqual([PASS]);
    expect(expandScenarioPaths([`${FIX}/{nested/rs-mutant,rs-pass}.yaml`])).toEqual([MUTANT, PASS]);
    expect(expandScenarioPaths(['missing.yaml'])).toEqual(['missing.yaml']);
    expect(() => expandScenarioPaths([`${FIX}/**/*.yml`])).toThrow(/no scenario files match/);
  });
});

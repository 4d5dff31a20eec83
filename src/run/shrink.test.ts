import { describe, expect, test } from 'vitest';
import { eventNode } from '../chaos/eventRefs.ts';
import { DEFAULT_SIM_OPTIONS, type Scenario, type ScenarioEvent } from '../scenario/types.ts';
import { ddmin, eventUnits, failsLike, shrinkRun, shrinkTarget } from './shrink.ts';
import type { InvariantResult, RunResult } from './types.ts';

const items = Array.from({ length: 29 }, (_, i) => `e${i}`);
/** Fails only with both e7 and e23, as a bug that needs a crash and a later scale. */
const needsTwo = (s: readonly string[]) => s.includes('e7') && s.includes('e23');

describe('shrink: ddmin', () => {
  test('shrink: ddmin: a failure that needs two of 29 items shrinks to exactly those two', () => {
    const calls: string[][] = [];
    const r = ddmin(items, (s) => {
      calls.push([...s]);
      return needsTwo(s);
    });
    expect(r.kept).toEqual(['e7', 'e23']);
    expect(r.minimal).toBe(true);
    expect(r.tests).toBe(calls.length);
    // Each subset is tried once: a cache keeps ddmin from re-running what it already knows.
    expect(new Set(calls.map((c) => c.join(','))).size).toBe(calls.length);
    // ddmin's cost on this input, pinned: keeping the granularity after a complement matters (46 without).
    expect(r.tests).toBe(28);
  });

  test('shrink: ddmin: 1-minimal: dropping any one kept item makes the failure go away', () => {
    const needsThree = (s: readonly string[]) => ['e1', 'e2', 'e28'].every((x) => s.includes(x));
    const r = ddmin(items, needsThree);
    expect(r.kept).toEqual(['e1', 'e2', 'e28']);
    for (const drop of r.kept) expect(needsThree(r.kept.filter((x) => x !== drop))).toBe(false);
  });

  test('shrink: ddmin: a failure that needs nothing shrinks to the empty list in one test', () => {
    expect(ddmin(items, () => true)).toEqual({ kept: [], tests: 1, minimal: true });
  });

  test('shrink: ddmin: a budget of 0 tests nothing and keeps everything', () => {
    expect(ddmin(['a', 'b'], () => true, 0)).toEqual({ kept: ['a', 'b'], tests: 0, minimal: false });
  });

  test('shrink: ddmin: a failure that needs one item keeps it', () => {
    expect(ddmin(items, (s) => s.includes('e13')).kept).toEqual(['e13']);
  });

  test('shrink: ddmin: the budget counts tests; an exhausted one returns a failing, non-minimal subset', () => {
    let calls = 0;
    const r = ddmin(
      items,
      (s) => {
        calls++;
        return needsTwo(s);
      },
      10,
    );
    expect(calls).toBe(10);
    expect(r.tests).toBe(10);
    expect(r.minimal).toBe(false);
    expect(needsTwo(r.kept)).toBe(true);
    expect(r.kept.length).toBeLessThan(items.length);
  });

  test('shrink: ddmin: a budget spent among the complements is not reported as 1-minimal', () => {
    const needsAC = (s: readonly string[]) => s.includes('a') && s.includes('c');
    // Tests 1-10: empty, halves, singles, complements down to [a, c, d]; the 11th would drop d.
    expect(ddmin(['a', 'b', 'c', 'd'], needsAC, 10)).toEqual({
      kept: ['a', 'c', 'd'],
      tests: 10,
      minimal: false,
    });
    expect(ddmin(['a', 'b', 'c', 'd'], needsAC, 11)).toEqual({ kept: ['a', 'c'], tests: 11, minimal: true });
  });

  test('shrink: ddmin: kept items stay in their original order', () => {
    const r = ddmin(items, (s) => s.includes('e20') && s.includes('e3') && s.includes('e11'));
    expect(r.kept).toEqual(['e3', 'e11', 'e20']);
  });
});

// Test data built by kind name; the run under test never reads fields these events lack.
const ev = (at: number, d: ScenarioEvent['do'], fields: Record<string, unknown> = {}): ScenarioEvent =>
  ({ at, do: d, ...fields }) as ScenarioEvent;

describe('shrink: event units', () => {
  test('shrink: units: a crash or partition travels with the next heal of its node', () => {
    const events = [
      ev(1, 'crash-node', { node: 'node-1' }),
      ev(2, 'partition-node', { node: 'node-2' }),
      ev(3, 'heal-node', { node: 'node-2' }),
      ev(4, 'heal-node', { node: 'node-3' }),
      ev(5, 'scale', { target: 'replicaset/web', replicas: 0 }),
      ev(6, 'heal-node', { node: 'node-1' }),
      ev(7, 'heal-node', { node: 'node-1' }),
    ];
    expect(eventUnits(events)).toEqual([[0, 5], [1, 2], [3], [4], [6]]);
  });

  test('shrink: units: other events naming the node stay units of their own, and only crashes and partitions open a pair', () => {
    const events = [
      ev(1, 'crash-node', { node: 'node-1' }),
      ev(2, 'cordon-node', { node: 'node-1' }),
      ev(3, 'heal-node', { node: 'node-1' }),
      ev(4, 'cordon-node', { node: 'node-4' }),
      ev(5, 'heal-node', { node: 'node-4' }),
    ];
    expect(eventUnits(events)).toEqual([[0, 2], [1], [3], [4]]);
  });
});

const scenarioOf = (events: ScenarioEvent[]): Scenario => ({
  name: 'chaos-replicaset-3',
  description: '',
  seed: 11,
  nodes: [],
  objects: [],
  events,
  settleMs: 600_000,
  controllers: {},
  sim: structuredClone(DEFAULT_SIM_OPTIONS),
});

const inv = (id: string, violated: boolean, step = 5): InvariantResult => ({
  id,
  kind: 'safety',
  status: violated ? 'violated' : 'held',
  violations: violated ? [{ atMs: step * 10, step, message: 'broken', objects: [] }] : [],
});

/**
 * A fake runner: `replicaset.no-overshoot` fails when node-2 crashes and the set is scaled to 0
 * in the same run; `workload.converges` fails whenever node-2 stays down (a crash with no heal).
 */
function fakeRun(s: Scenario, opts: { seed?: number } = {}): RunResult {
  const has = (d: string, node?: string) =>
    s.events.some((e) => e.do === d && (!node || eventNode(e) === node));
  const overshoot = has('crash-node', 'node-2') && s.events.some((e) => e.do === 'scale' && e.replicas === 0);
  const stuck = has('crash-node', 'node-2') && !has('heal-node', 'node-2');
  const invariants = [inv('replicaset.no-overshoot', overshoot, 9), inv('workload.converges', stuck, 3)];
  return {
    scenario: s,
    seed: opts.seed ?? s.seed,
    toolkitVersion: 'test',
    traceDigest: `d-${s.events.length}-${s.sim.keepTrace}`,
    outcome: overshoot || stuck ? 'violation' : 'pass',
    invariants,
    events: [],
    final: { nodes: [], pods: [], workloads: [], pvcs: [] },
    machines: [],
    expectMet: true,
    expectProblems: [],
    endMs: 0,
    steps: 0,
  };
}

function campaignEvents(): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  for (let i = 0; i < 26; i++)
    events.push(ev(i * 1000, 'crash-pod', { pod: { owner: 'replicaset/web', index: i % 3 } }));
  events.push(ev(4_500, 'crash-node', { node: 'node-2' }), ev(90_000, 'heal-node', { node: 'node-2' }));
  events.push(ev(12_500, 'scale', { target: 'replicaset/web', replicas: 0 }));
  return events.sort((a, b) => a.at - b.at);
}

describe('shrink: shrinkRun', () => {
  test('shrink: shrinkRun: 29 events shrink to the crash, its heal and the scale', () => {
    const failing = fakeRun(scenarioOf(campaignEvents()));
    const s = shrinkRun(failing, fakeRun)!;
    expect(s.target).toEqual({ invariant: 'replicaset.no-overshoot' });
    expect(s.fromEvents).toBe(29);
    // The heal stays: without it node-2 stays down, which fails another claim for another reason.
    expect(s.result.scenario.events.map((e) => e.do)).toEqual(['crash-node', 'scale', 'heal-node']);
    expect(s.toEvents).toBe(3);
    expect(s.minimal).toBe(true);
    expect(s.result.scenario.chaos).toBeUndefined();
    // Trial runs skip trace lines; the final run keeps them for its replay file.
    expect(s.result.scenario.sim.keepTrace).toBe(true);
    expect(s.result.seed).toBe(11);
  });

  test('shrink: shrinkRun: the same failing run always shrinks the same way', () => {
    const failing = fakeRun(scenarioOf(campaignEvents()));
    expect(shrinkRun(failing, fakeRun)).toEqual(shrinkRun(failing, fakeRun));
  });

  test('shrink: shrinkRun: the budget bounds the re-runs, the final run included', () => {
    let calls = 0;
    const counting = (s: Scenario, o?: { seed?: number }) => {
      calls++;
      return fakeRun(s, o);
    };
    const s = shrinkRun(fakeRun(scenarioOf(campaignEvents())), counting, { maxRuns: 6 })!;
    expect(calls).toBe(6);
    expect(s.runs).toBe(6);
    expect(s.minimal).toBe(false);
  });

  test('shrink: shrinkRun: a passing run is not shrunk', () => {
    const passing = fakeRun(scenarioOf([ev(1, 'crash-pod', { pod: 'web-0' })]));
    expect(shrinkRun(passing, fakeRun)).toBeUndefined();
  });

  test('shrink: target: the earliest violation names the invariant; an expected one does not count', () => {
    const r = fakeRun(scenarioOf([]));
    r.invariants = [inv('a.late', true, 9), inv('b.early', true, 2), inv('c.held', false)];
    expect(shrinkTarget(r)).toEqual({ invariant: 'b.early' });
    r.scenario = { ...r.scenario, expect: { holds: [], violates: ['b.early'] } };
    expect(shrinkTarget(r)).toEqual({ invariant: 'a.late' });
    expect(shrinkTarget({ ...r, outcome: 'error', error: 'boom\n  at x' })).toEqual({ error: 'boom' });
    // On the same step the earlier time wins, whichever invariant comes first in the list.
    const later = inv('x.later', true, 4);
    later.violations[0]!.atMs = 90;
    const sooner = inv('y.sooner', true, 4);
    sooner.violations[0]!.atMs = 30;
    expect(shrinkTarget({ ...r, scenario: scenarioOf([]), invariants: [later, sooner] })).toEqual({
      invariant: 'y.sooner',
    });
    expect(shrinkTarget({ ...r, scenario: scenarioOf([]), invariants: [sooner, later] })).toEqual({
      invariant: 'y.sooner',
    });
  });

  test('shrink: failsLike: another violated invariant is not the same failure', () => {
    const r = fakeRun(scenarioOf([]));
    r.invariants = [inv('a.other', true), inv('b.target', false)];
    expect(failsLike(r, { invariant: 'b.target' })).toBe(false);
    r.invariants = [inv('a.other', true), inv('b.target', true)];
    expect(failsLike(r, { invariant: 'b.target' })).toBe(true);
  });

  test('shrink: target: an internal error shrinks to a run with the same error, not another one', () => {
    const events = [
      ev(1, 'scale', { replicas: 0 }),
      ev(2, 'crash-pod', { pod: 'web-0' }),
      ev(3, 'scale', { replicas: 9 }),
    ];
    // Scaling to 0 crashes the toolkit with "boom"; any other run crashes with "other".
    const crashing = (s: Scenario, o?: { seed?: number }): RunResult => ({
      ...fakeRun(s, o),
      outcome: 'error',
      error: s.events.some((e) => e.do === 'scale' && e.replicas === 0) ? 'boom\n  at plan' : 'other',
    });
    const s = shrinkRun(crashing(scenarioOf(events)), crashing)!;
    expect(s.target).toEqual({ error: 'boom' });
    expect(s.result.scenario.events).toEqual([events[0]]);
  });
});

/**
 * pkg/controller/controller_utils_test.go: which pods are active, the order a ReplicaSet deletes
 * surplus pods in (ActivePods and ActivePodsWithRanks with LogarithmicScaleDown) and ComputeHash.
 * kubeprop's ranking is replicaset/ranking.ts `podsToDelete`; its template hash is model/hash.ts.
 */
import { expect } from 'vitest';
import { isActive } from '../../../src/controllers/replicaset/plan.ts';
import { podsToDelete } from '../../../src/controllers/replicaset/ranking.ts';
import { CORRECT } from '../../../src/controllers/replicaset/variants.ts';
import { EXPECTATIONS_TIMEOUT_MS, Expectations } from '../../../src/controllers/shared/expectations.ts';
import { computeHash } from '../../../src/model/hash.ts';
import { isPodActive } from '../../../src/model/pod.ts';
import { formatTimestamp } from '../../../src/model/time.ts';
import type { KObject, Pod } from '../../../src/model/types.ts';
import type { PortedCase, Source } from '../harness.ts';

export const SOURCE: Source = {
  controller: 'controller_utils',
  file: 'pkg/controller/controller_utils_test.go',
  version: '025f2834a128798cef30018a5e6a6ae82b5ad885',
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Simulated "now": far enough from the sim epoch that a month ago is still a valid time. */
const NOW = 40 * DAY_MS;
/** Go's zero metav1.Time: the field is absent. */
const ZERO = undefined;

interface PodShape {
  name: string;
  node?: string;
  phase: string;
  ready?: boolean;
  readySinceMs?: number;
  createdMs?: number;
  restarts?: number[];
  annotations?: Record<string, string>;
}

/** A pod as the Go test builds it; every uid is empty there, so ties stay ties. */
function pod(s: PodShape): KObject {
  const conditions = s.ready
    ? [
        {
          type: 'Ready',
          status: 'True',
          ...(s.readySinceMs === undefined ? {} : { lastTransitionTime: formatTimestamp(s.readySinceMs) }),
        },
      ]
    : [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: s.name,
      namespace: 'default',
      uid: '',
      creationTimestamp: s.createdMs === undefined ? '0001-01-01T00:00:00Z' : formatTimestamp(s.createdMs),
      annotations: s.annotations,
    },
    spec: { nodeName: s.node ?? '', containers: [] },
    status: {
      phase: s.phase,
      conditions,
      containerStatuses: (s.restarts ?? []).map((restartCount) => ({ restartCount })),
    },
  } as unknown as KObject;
}

const ACTIVE_FILTERING: PortedCase = {
  source: SOURCE,
  func: 'TestActivePodFiltering',
  name: 'Succeeded and Failed pods are not active',
  run: () => {
    const phases = ['Succeeded', 'Failed', 'Running', 'Running', 'Running'];
    const pods = phases.map((phase, i) => pod({ name: `pod${i}`, phase }));
    const model = pods.filter((p) => isPodActive(p as unknown as Pod)).map((p) => p.metadata.name);
    const controller = pods.filter((p) => isActive(p, CORRECT)).map((p) => p.metadata.name);
    expect(model).toEqual(['pod2', 'pod3', 'pod4']);
    expect(controller).toEqual(['pod2', 'pod3', 'pod4']);
  },
};

/** The nine pods of TestSortingActivePods, already in the expected deletion order. */
function sortingPods(): KObject[] {
  const then = NOW - 30 * DAY_MS;
  return [
    pod({ name: 'pod0', phase: 'Pending' }),
    pod({ name: 'pod1', node: 'bar', phase: 'Pending' }),
    pod({ name: 'pod2', node: 'foo', phase: 'Unknown' }),
    pod({ name: 'pod3', node: 'foo', phase: 'Running' }),
    pod({ name: 'pod4', node: 'foo', phase: 'Running', ready: true, restarts: [3, 0] }),
    pod({ name: 'pod5', node: 'foo', phase: 'Running', ready: true, readySinceMs: NOW, restarts: [3, 0] }),
    pod({ name: 'pod6', node: 'foo', phase: 'Running', ready: true, readySinceMs: then, restarts: [3, 0] }),
    pod({
      name: 'pod7',
      node: 'foo',
      phase: 'Running',
      ready: true,
      readySinceMs: then,
      restarts: [2, 1],
      createdMs: NOW,
    }),
    pod({
      name: 'pod8',
      node: 'foo',
      phase: 'Running',
      ready: true,
      readySinceMs: then,
      restarts: [2, 1],
      createdMs: then,
    }),
  ];
}

/** A fixed permutation stream (the Go test shuffles with math/rand; any shuffle must do). */
function permutations(n: number, count: number): number[][] {
  let state = 2463534242;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const out: number[][] = [];
  for (let k = 0; k < count; k++) {
    const idx = [...Array(n).keys()];
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    out.push(idx);
  }
  return out;
}

const SORTING: PortedCase = {
  source: SOURCE,
  func: 'TestSortingActivePods',
  name: 'nine pods sort into the expected order from 20 shuffles',
  run: () => {
    const pods = sortingPods();
    const expected = pods.map((p) => p.metadata.name);
    for (const perm of permutations(pods.length, 20)) {
      const shuffled = perm.map((i) => pods[i]!);
      // Asking for all but one makes podsToDelete sort (all of them needs no order).
      const order = podsToDelete(shuffled, shuffled, pods.length - 1, NOW).map((p) => p.metadata.name);
      expect(order).toEqual(expected.slice(0, -1));
    }
  },
};

/** The pods of TestSortingActivePodsWithRanks. */
function rankPods(): Record<string, PodShape> {
  const month = NOW - 30 * DAY_MS;
  const h2 = NOW - 2 * HOUR_MS;
  const h5 = NOW - 5 * HOUR_MS;
  const h8 = NOW - 8 * HOUR_MS;
  const ready = (
    name: string,
    node: string,
    restarts: number,
    since: number | undefined,
    created?: number,
  ) => ({
    name,
    node,
    phase: 'Running',
    ready: true,
    readySinceMs: since,
    createdMs: created,
    restarts: [restarts],
  });
  const cost = (v: string) => ({ 'controller.kubernetes.io/pod-deletion-cost': v });
  return {
    unscheduledPod: { name: 'unscheduled', phase: 'Pending' },
    scheduledPendingPod: { name: 'pending', node: 'node', phase: 'Pending' },
    unknownPhasePod: { name: 'unknown-phase', node: 'node', phase: 'Unknown' },
    runningNotReadyPod: { name: 'not-ready', node: 'node', phase: 'Running' },
    runningReadyNoLastTransitionTimePod: ready('ready-no-last-transition-time', 'node', 0, ZERO),
    runningReadyNow: ready('ready-now', 'node', 0, NOW, NOW),
    runningReadyThen: ready('ready-then', 'node', 0, month, month),
    runningReadyNowHighRestarts: ready('ready-high-restarts', 'node', 9001, NOW, NOW),
    runningReadyNowCreatedThen: ready('ready-now-created-then', 'node', 0, NOW, month),
    lowPodDeletionCost: { ...ready('low-deletion-cost', 'node', 0, NOW, month), annotations: cost('10') },
    highPodDeletionCost: { ...ready('high-deletion-cost', 'node', 0, NOW, month), annotations: cost('100') },
    unscheduled5Hours: { name: 'unscheduled-5-hours', phase: 'Pending', readySinceMs: h5, createdMs: h5 },
    unscheduled8Hours: { name: 'unscheduled-10-hours', phase: 'Pending', readySinceMs: h8, createdMs: h8 },
    ready2Hours: ready('ready-2-hours', '', 0, h2, month),
    ready5Hours: ready('ready-5-hours', '', 0, h5, month),
    ready10Hours: ready('ready-10-hours', '', 0, h8, month),
  };
}

/**
 * The Go test hands ActivePodsWithRanks a rank per pod; kubeprop derives the rank from related pods
 * on the same node. So each scheduled pod gets its own node, with `rank` related pods there.
 */
function withRank(shape: PodShape, rank: number, node: string): { pod: KObject; related: KObject[] } {
  const placed = shape.node ? { ...shape, node } : shape;
  const p = pod(placed);
  const related = placed.node ? Array.from({ length: rank }, () => p) : [];
  return { pod: p, related };
}

/** Which of two pods podsToDelete picks first, given in each order. */
function firstOf(a: { pod: KObject; related: KObject[] }, b: { pod: KObject; related: KObject[] }) {
  const related = [...a.related, ...b.related];
  const ab = podsToDelete([a.pod, b.pod], related, 1, NOW)[0];
  const ba = podsToDelete([b.pod, a.pod], related, 1, NOW)[0];
  return { ab, ba };
}

const EQUALITY: Array<[string, string?]> = [
  ['unscheduledPod'],
  ['scheduledPendingPod'],
  ['unknownPhasePod'],
  ['runningNotReadyPod'],
  ['runningReadyNowCreatedThen'],
  ['runningReadyNow'],
  ['runningReadyThen'],
  ['runningReadyNowHighRestarts'],
  ['runningReadyNowCreatedThen'],
  ['unscheduled5Hours', 'unscheduled8Hours'],
  ['ready5Hours', 'ready10Hours'],
];

function equalityCases(): PortedCase[] {
  return EQUALITY.map(([p1, p2], i) => ({
    source: SOURCE,
    func: 'TestSortingActivePodsWithRanks',
    name: `equal[${i}] ${p1}${p2 ? ` ~ ${p2}` : ''}`,
    run: () => {
      const pods = rankPods();
      const s1 = pods[p1]!;
      const s2 = pods[p2 ?? p1]!;
      // Two distinct objects with rank 1 each, on one node; a stable sort keeps equals in place.
      const a = pod({ ...s1, node: s1.node ? 'node' : undefined });
      const b = pod({ ...s2, name: `${s2.name}-b` });
      const related = [a, b].filter((p) => p.spec?.nodeName);
      expect(podsToDelete([a, b], related, 1, NOW)[0]).toBe(a);
      expect(podsToDelete([b, a], related, 1, NOW)[0]).toBe(b);
    },
  }));
}

interface Inequality {
  lesser: [string, number];
  greater: [string, number];
  disablePodDeletionCost?: boolean;
}

const INEQUALITY: Inequality[] = [
  { lesser: ['unscheduledPod', 1], greater: ['scheduledPendingPod', 2] },
  { lesser: ['unscheduledPod', 2], greater: ['scheduledPendingPod', 1] },
  { lesser: ['scheduledPendingPod', 1], greater: ['unknownPhasePod', 2] },
  { lesser: ['unknownPhasePod', 1], greater: ['runningNotReadyPod', 2] },
  { lesser: ['runningNotReadyPod', 1], greater: ['runningReadyNoLastTransitionTimePod', 1] },
  { lesser: ['runningReadyNoLastTransitionTimePod', 1], greater: ['runningReadyNow', 1] },
  { lesser: ['runningReadyNow', 2], greater: ['runningReadyNoLastTransitionTimePod', 1] },
  { lesser: ['runningReadyNow', 1], greater: ['runningReadyThen', 1] },
  { lesser: ['runningReadyNow', 2], greater: ['runningReadyThen', 1] },
  { lesser: ['runningReadyNowHighRestarts', 1], greater: ['runningReadyNow', 1] },
  { lesser: ['runningReadyNow', 2], greater: ['runningReadyNowHighRestarts', 1] },
  { lesser: ['runningReadyNow', 1], greater: ['runningReadyNowCreatedThen', 1] },
  { lesser: ['runningReadyNowCreatedThen', 2], greater: ['runningReadyNow', 1] },
  { lesser: ['lowPodDeletionCost', 2], greater: ['highPodDeletionCost', 1] },
  { lesser: ['highPodDeletionCost', 2], greater: ['lowPodDeletionCost', 1], disablePodDeletionCost: true },
  { lesser: ['ready2Hours', 1], greater: ['ready5Hours', 1] },
];

const GATES_NOT_MODELLED =
  'feature gates are not modelled: kubeprop runs the v1.36 defaults, where PodDeletionCost is on, so the cost still decides';

function inequalityCases(): PortedCase[] {
  return INEQUALITY.map((t, i) => ({
    source: SOURCE,
    func: 'TestSortingActivePodsWithRanks',
    name: `test${i}`,
    deviation: t.disablePodDeletionCost ? GATES_NOT_MODELLED : undefined,
    run: () => {
      const pods = rankPods();
      const lesser = withRank(pods[t.lesser[0]]!, t.lesser[1], 'node-lesser');
      const greater = withRank(pods[t.greater[0]]!, t.greater[1], 'node-greater');
      const { ab, ba } = firstOf(lesser, greater);
      // With the gate off Kubernetes ignores the cost and the higher rank goes first; kubeprop
      // keeps the cost rung, so the cheaper pod (the "greater" here) is deleted first.
      const want = t.disablePodDeletionCost ? greater.pod : lesser.pod;
      expect(ab).toBe(want);
      expect(ba).toBe(want);
    },
  }));
}

const MAX_INT32 = 2147483647;

const COMPUTE_HASH: PortedCase[] = [
  { name: 'simple', a: 1, b: 2 },
  { name: 'using math.MaxInt64', a: undefined, b: MAX_INT32 },
].map((t) => ({
  source: SOURCE,
  func: 'TestComputeHash',
  name: t.name,
  run: () => {
    const template = {};
    expect(computeHash(template, t.a)).not.toBe(computeHash(template, t.b));
  },
}));

/** TestControllerExpectations, step by step, on one clock (kubeprop's TTL is ExpectationsTimeout, 5 min; the Go test's fake store uses 30 s). */
function expectationsCase(
  name: string,
  check: (e: Expectations, tick: (ms: number) => void) => void,
): PortedCase {
  return {
    source: SOURCE,
    func: 'TestControllerExpectations',
    name,
    run: () => {
      let now = 0;
      const e = new Expectations(() => now);
      const rc = 'default/foobar';
      e.setExpectations(rc, 10, 30);
      for (let i = 0; i < 11; i++) e.creationObserved(rc);
      check(e, (ms) => {
        now += ms;
      });
    },
  };
}

const RC = 'default/foobar';
const EXPECTATIONS: PortedCase[] = [
  expectationsCase('Rc will sync before expectations are met: not while deletions are pending', (e) => {
    expect(e.satisfied(RC)).toBe(false);
  }),
  expectationsCase('expectations surpassed: both at -1 and satisfied', (e) => {
    for (let i = 0; i < 31; i++) e.deletionObserved(RC);
    expect(e.pending(RC)).toEqual({ add: -1, del: -1 });
    expect(e.satisfied(RC)).toBe(true);
  }),
  expectationsCase('next round of rc sync, old expectations are cleared', (e) => {
    for (let i = 0; i < 31; i++) e.deletionObserved(RC);
    e.setExpectations(RC, 1, 2);
    expect(e.pending(RC)).toEqual({ add: 1, del: 2 });
    expect(e.satisfied(RC)).toBe(false);
  }),
  expectationsCase('expectations have expired because of ttl', (e, tick) => {
    e.setExpectations(RC, 1, 2);
    tick(EXPECTATIONS_TIMEOUT_MS + 1);
    expect(e.satisfied(RC)).toBe(true);
  }),
];

const UID_EXPECTATIONS: PortedCase = {
  source: SOURCE,
  func: 'TestUIDExpectations',
  name: 'four controllers, each satisfied only after its own pods are deleted, then forgotten',
  run: () => {
    const e = new Expectations(() => 0);
    const keys = [0, 1, 2, 3].map((i) => `default/rc-${i}`);
    const pods = (key: string) => [0, 1, 2, 3, 4].map((i) => `default/pod${i}-${key.slice(8)}`);
    for (const key of keys) e.expectDeletions(key, pods(key));
    // The Go test visits the controllers in a shuffled order.
    for (const key of [keys[2]!, keys[0]!, keys[3]!, keys[1]!]) {
      expect(e.satisfied(key)).toBe(false);
      for (const p of pods(key)) e.deletionObserved(key, p);
      expect(e.satisfied(key)).toBe(true);
      e.delete(key);
      expect(e.pending(key)).toBeUndefined();
    }
  },
};

export const cases: PortedCase[] = [
  ACTIVE_FILTERING,
  SORTING,
  ...equalityCases(),
  ...inequalityCases(),
  ...COMPUTE_HASH,
  ...EXPECTATIONS,
  UID_EXPECTATIONS,
];

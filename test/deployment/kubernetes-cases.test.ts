/**
 * Table cases of Kubernetes' own deployment controller tests, carried over with their numbers:
 * util/deployment_util_test.go (TestNewRSNewReplicas, TestResolveFenceposts, TestMaxUnavailable),
 * rolling_test.go (TestReconcileNewReplicaSet, TestReconcileOldReplicaSets,
 * TestDeploymentController_cleanupUnhealthyReplicas,
 * TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate) and sync_test.go (TestScale).
 * Their fixtures: newDeployment has maxSurge 0 and maxUnavailable 0 unless a case sets them; a
 * ReplicaSet's availableReplicas is the case's ready pods.
 */
import { describe, expect, it } from 'vitest';
import { newRSNewReplicas, planSync, type RsWrite } from '../../src/controllers/deployment/plan.ts';
import {
  DESIRED_REPLICAS,
  fenceposts,
  MAX_REPLICAS,
  maxUnavailableOf,
  REVISION,
} from '../../src/controllers/deployment/util.ts';
import { CORRECT } from '../../src/controllers/deployment/variants.ts';
import { formatTimestamp } from '../../src/model/time.ts';
import type { KObject } from '../../src/model/types.ts';

type IntOrPercent = number | string;

const template = (image: string) => ({
  metadata: { labels: { app: 'foo' } },
  spec: { containers: [{ name: 'c', image }] },
});

function deployment(
  replicas: number,
  opts: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent; image?: string; recreate?: boolean } = {},
): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', uid: 'd-uid', resourceVersion: '1', generation: 1 },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'foo' } },
      strategy: opts.recreate
        ? { type: 'Recreate' }
        : {
            type: 'RollingUpdate',
            rollingUpdate: { maxSurge: opts.maxSurge ?? 0, maxUnavailable: opts.maxUnavailable ?? 0 },
          },
      template: template(opts.image ?? 'new'),
    },
    status: {},
  } as KObject;
}

/** A ReplicaSet of the Deployment; `ageS` orders creation (larger is older). */
function rs(
  name: string,
  replicas: number,
  opts: {
    available?: number;
    image?: string;
    ageS?: number;
    revision?: number;
    annotations?: Record<string, string>;
  } = {},
): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `${name}-uid`,
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: formatTimestamp(1_000_000 - (opts.ageS ?? 0) * 1000),
      annotations: { [REVISION]: String(opts.revision ?? 1), ...(opts.annotations ?? {}) },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'foo', uid: 'd-uid', controller: true },
      ],
    },
    spec: { replicas, minReadySeconds: 0, template: template(opts.image ?? 'new') },
    status: { replicas, availableReplicas: opts.available ?? replicas, observedGeneration: 1 },
  } as KObject;
}

function plan(d: KObject, sets: KObject[]): RsWrite[] {
  return planSync({ d, sets, oldPodsRunning: () => false, nowMs: 1_000_000, v: CORRECT }).writes;
}

/** The size each ReplicaSet ends at after the sync's writes. */
function sizesAfter(writes: readonly RsWrite[], sets: readonly KObject[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) out[s.metadata.name] = s.spec?.replicas ?? 0;
  for (const w of writes) if (w.op !== 'delete') out[w.rs.metadata.name] = w.to;
  return out;
}

describe('deployment: TestNewRSNewReplicas (deployment_util_test.go)', () => {
  const cases = [
    { name: 'can not scale up - to newRSReplicas', recreate: false, dep: 1, newRS: 5, surge: 1, expected: 5 },
    { name: 'scale up - to depReplicas', recreate: false, dep: 6, newRS: 2, surge: 10, expected: 6 },
    { name: 'recreate - to depReplicas', recreate: true, dep: 3, newRS: 1, surge: 1, expected: 3 },
  ];
  it.each(cases)('$name', (c) => {
    const d = deployment(c.dep, { maxSurge: c.surge, maxUnavailable: 1, recreate: c.recreate });
    const rs5 = rs('rs5', 5);
    expect(newRSNewReplicas(d, [rs5], rs('new', c.newRS), CORRECT)).toBe(c.expected);
  });
});

describe('deployment: TestResolveFenceposts (deployment_util_test.go)', () => {
  const cases: Array<[IntOrPercent, IntOrPercent, number, number, number]> = [
    ['0%', '0%', 0, 0, 1],
    ['39%', '39%', 10, 4, 3],
    [0, '39%', 10, 0, 3],
    ['39%', 0, 10, 4, 0],
    [0, 0, 10, 0, 1],
  ];
  it.each(cases)('maxSurge %s, maxUnavailable %s of %i → surge %i, unavailable %i', (s, u, n, es, eu) => {
    expect(fenceposts(deployment(n, { maxSurge: s, maxUnavailable: u }), CORRECT)).toEqual({
      maxSurge: es,
      maxUnavailable: eu,
    });
  });
});

describe('deployment: TestMaxUnavailable (deployment_util_test.go)', () => {
  const cases: Array<[string, KObject, number]> = [
    ['less than replicas', deployment(10, { maxSurge: 1, maxUnavailable: 5 }), 5],
    ['equal replicas', deployment(10, { maxSurge: 1, maxUnavailable: 10 }), 10],
    ['greater than replicas', deployment(5, { maxSurge: 1, maxUnavailable: 10 }), 5],
    ['with replicas 0', deployment(0, { maxSurge: 1, maxUnavailable: 10 }), 0],
    ['with Recreate', deployment(10, { recreate: true }), 0],
    ['less than replicas with percents', deployment(10, { maxSurge: 1, maxUnavailable: '50%' }), 5],
    ['equal replicas with percents', deployment(10, { maxSurge: 1, maxUnavailable: '100%' }), 10],
    ['greater than replicas with percents', deployment(5, { maxSurge: 1, maxUnavailable: '100%' }), 5],
  ];
  it.each(cases)('maxUnavailable %s', (_name, d, expected) => {
    expect(maxUnavailableOf(d, CORRECT)).toBe(expected);
  });
});

describe('deployment: TestReconcileNewReplicaSet (rolling_test.go)', () => {
  const cases = [
    { dep: 10, surge: 0, old: 10, new: 0, expected: undefined },
    { dep: 10, surge: 2, old: 10, new: 0, expected: 2 },
    { dep: 10, surge: 2, old: 5, new: 0, expected: 7 },
    { dep: 10, surge: 2, old: 10, new: 2, expected: undefined },
    { dep: 2, surge: 2, old: 2, new: 4, expected: 2 },
  ];
  it.each(cases)('deployment $dep, maxSurge $surge, old $old, new $new → $expected', (c) => {
    const d = deployment(c.dep, { maxSurge: c.surge, maxUnavailable: 0 });
    const sets = [rs('foo-v1', c.old, { image: 'old', ageS: 60 }), rs('foo-v2', c.new, { revision: 2 })];
    const scaled = plan(d, sets).filter((w) => w.reason === 'scale-new');
    expect(scaled.map((w) => w.to)).toEqual(c.expected === undefined ? [] : [c.expected]);
  });
});

describe('deployment: TestReconcileOldReplicaSets (rolling_test.go)', () => {
  const cases = [
    { dep: 10, unavailable: 0, old: 10, new: 0, oldReady: 10, newReady: 0, expected: 9 },
    { dep: 10, unavailable: 2, old: 10, new: 0, oldReady: 10, newReady: 0, expected: 8 },
    // unhealthy replicas of old ReplicaSets are cleaned up first
    { dep: 10, unavailable: 2, old: 10, new: 0, oldReady: 8, newReady: 0, expected: 8 },
    // one unhealthy replica cleaned up, one ready one scaled down
    { dep: 10, unavailable: 2, old: 10, new: 0, oldReady: 9, newReady: 0, expected: 8 },
    // the new ReplicaSet's unavailable pods keep the old ones from scaling down further
    { dep: 10, unavailable: 2, old: 8, new: 2, oldReady: 8, newReady: 0, expected: undefined },
  ];
  it.each(cases)(
    'deployment $dep, maxUnavailable $unavailable, old $old ($oldReady ready), new $new → $expected',
    (c) => {
      const d = deployment(c.dep, { maxSurge: 0, maxUnavailable: c.unavailable });
      const sets = [
        rs('foo-v1', c.old, { image: 'old', available: c.oldReady, ageS: 60 }),
        rs('foo-v2', c.new, { available: c.newReady, revision: 2 }),
      ];
      const writes = plan(d, sets).filter((w) => w.rs.metadata.name === 'foo-v1');
      if (c.expected === undefined) expect(writes).toEqual([]);
      else expect(sizesAfter(writes, sets)['foo-v1']).toBe(c.expected);
    },
  );
});

describe('deployment: TestDeploymentController_cleanupUnhealthyReplicas (rolling_test.go)', () => {
  // maxScaledDown (the clean-up budget) is the replicas asked for − minAvailable − the new set's
  // unavailable replicas: with 10 old replicas, a new set of 0 and maxSurge 0, it is maxUnavailable.
  // Kubernetes' case with a budget of 0 cannot arise in a sync (reconcileOldReplicaSets returns
  // before clean-up; TestReconcileOldReplicaSets' last case covers it).
  const cases = [
    { old: 10, ready: 8, maxCleanup: 1, cleaned: 1 },
    { old: 10, ready: 8, maxCleanup: 3, cleaned: 2 },
    { old: 10, ready: 10, maxCleanup: 3, cleaned: 0 },
  ];
  it.each(cases)('old $old, $ready ready, budget $maxCleanup → $cleaned cleaned up', (c) => {
    const d = deployment(10, { maxSurge: 0, maxUnavailable: c.maxCleanup });
    const sets = [
      rs('foo-v1', c.old, { image: 'old', available: c.ready, ageS: 60 }),
      rs('foo-v2', 0, { revision: 2 }),
    ];
    const cleaned = plan(d, sets).filter((w) => w.reason === 'cleanup-unhealthy');
    expect(cleaned.reduce((n, w) => n + w.from - w.to, 0)).toBe(c.cleaned);
  });
});

describe('deployment: TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate (rolling_test.go)', () => {
  const cases = [
    { dep: 10, unavailable: 0, ready: 10, old: 10, expected: 9 },
    { dep: 10, unavailable: 2, ready: 10, old: 10, expected: 8 },
    { dep: 10, unavailable: 2, ready: 8, old: 10, expected: undefined },
    { dep: 10, unavailable: 2, ready: 10, old: 0, expected: undefined },
  ];
  it.each(cases)(
    'deployment $dep, maxUnavailable $unavailable, $ready ready of $old old → $expected',
    (c) => {
      const d = deployment(c.dep, { maxSurge: 0, maxUnavailable: c.unavailable });
      // The unit under test sees the old set alone; the new set here asks for nothing yet.
      const sets = [
        rs('foo-v1', c.old, { image: 'old', available: c.ready, ageS: 60 }),
        rs('foo-v2', 0, { revision: 2 }),
      ];
      // With `ready` below `old`, clean-up takes the unhealthy replicas (TestReconcileOldReplicaSets); this
      // case checks only that the healthy ones are not scaled down.
      const scaled = plan(d, sets).filter((w) => w.reason === 'scale-down-old');
      if (c.expected === undefined) expect(scaled).toEqual([]);
      else expect(scaled.map((w) => w.to)).toEqual([c.expected]);
    },
  );
});

describe('deployment: TestScale (sync_test.go)', () => {
  interface Case {
    name: string;
    dep: number;
    oldDep: number;
    surge?: number;
    oldSurge?: number;
    unavailable?: number;
    newRS?: [string, number, number?];
    oldRSs: Array<[string, number]>;
    expected: Record<string, number>;
    desiredAnnotations?: Record<string, number>;
  }
  const cases: Case[] = [
    {
      name: 'normal scaling event: 10 -> 12',
      dep: 12,
      oldDep: 10,
      newRS: ['foo-v1', 10],
      oldRSs: [],
      expected: { 'foo-v1': 12 },
    },
    {
      name: 'normal scaling event: 10 -> 5',
      dep: 5,
      oldDep: 10,
      newRS: ['foo-v1', 10],
      oldRSs: [],
      expected: { 'foo-v1': 5 },
    },
    {
      name: 'proportional scaling: 5 -> 10',
      dep: 10,
      oldDep: 5,
      newRS: ['foo-v2', 2],
      oldRSs: [['foo-v1', 3]],
      expected: { 'foo-v2': 4, 'foo-v1': 6 },
    },
    {
      name: 'proportional scaling: 5 -> 3',
      dep: 3,
      oldDep: 5,
      newRS: ['foo-v2', 2],
      oldRSs: [['foo-v1', 3]],
      expected: { 'foo-v2': 1, 'foo-v1': 2 },
    },
    {
      name: 'proportional scaling: 9 -> 4',
      dep: 4,
      oldDep: 9,
      newRS: ['foo-v2', 8],
      oldRSs: [['foo-v1', 1]],
      expected: { 'foo-v2': 4, 'foo-v1': 0 },
    },
    {
      name: 'proportional scaling: 7 -> 10',
      dep: 10,
      oldDep: 7,
      newRS: ['foo-v3', 2],
      oldRSs: [
        ['foo-v2', 3],
        ['foo-v1', 2],
      ],
      expected: { 'foo-v3': 3, 'foo-v2': 4, 'foo-v1': 3 },
    },
    {
      name: 'proportional scaling: 13 -> 8',
      dep: 8,
      oldDep: 13,
      newRS: ['foo-v3', 2],
      oldRSs: [
        ['foo-v2', 8],
        ['foo-v1', 3],
      ],
      expected: { 'foo-v3': 1, 'foo-v2': 5, 'foo-v1': 2 },
    },
    {
      name: 'leftover distribution: 3 -> 4 (scales up the new replica set)',
      dep: 4,
      oldDep: 3,
      newRS: ['foo-v3', 1],
      oldRSs: [
        ['foo-v2', 1],
        ['foo-v1', 1],
      ],
      expected: { 'foo-v3': 2, 'foo-v2': 1, 'foo-v1': 1 },
    },
    {
      name: 'leftover distribution: 3 -> 2 (scales down the older replica set)',
      dep: 2,
      oldDep: 3,
      newRS: ['foo-v3', 1],
      oldRSs: [
        ['foo-v2', 1],
        ['foo-v1', 1],
      ],
      expected: { 'foo-v3': 1, 'foo-v2': 1, 'foo-v1': 0 },
    },
    {
      name: 'proportional scaling (no new rs): 4 -> 5 (scales up the latest replica set first)',
      dep: 5,
      oldDep: 4,
      oldRSs: [
        ['foo-v2', 2],
        ['foo-v1', 2],
      ],
      expected: { 'foo-v2': 3, 'foo-v1': 2 },
    },
    {
      name: 'proportional scaling: 6 -> 0',
      dep: 0,
      oldDep: 6,
      newRS: ['foo-v3', 3],
      oldRSs: [
        ['foo-v2', 2],
        ['foo-v1', 1],
      ],
      expected: { 'foo-v3': 0, 'foo-v2': 0, 'foo-v1': 0 },
    },
    {
      name: 'proportional scaling: 0 -> 6',
      dep: 6,
      oldDep: 6,
      newRS: ['foo-v3', 0],
      oldRSs: [
        ['foo-v2', 0],
        ['foo-v1', 0],
      ],
      expected: { 'foo-v3': 6, 'foo-v2': 0, 'foo-v1': 0 },
      desiredAnnotations: { 'foo-v3': 0 },
    },
    {
      name: 'failed rs update',
      dep: 5,
      oldDep: 5,
      newRS: ['foo-v3', 2],
      oldRSs: [
        ['foo-v2', 1],
        ['foo-v1', 1],
      ],
      expected: { 'foo-v3': 2, 'foo-v2': 2, 'foo-v1': 1 },
      desiredAnnotations: { 'foo-v2': 3 },
    },
    {
      name: 'deployment with surge pods',
      dep: 20,
      oldDep: 10,
      surge: 2,
      oldSurge: 2,
      newRS: ['foo-v2', 6],
      oldRSs: [['foo-v1', 6]],
      expected: { 'foo-v2': 11, 'foo-v1': 11 },
    },
    {
      name: 'change both surge and size',
      dep: 50,
      oldDep: 10,
      surge: 6,
      oldSurge: 3,
      newRS: ['foo-v2', 5],
      oldRSs: [['foo-v1', 8]],
      expected: { 'foo-v2': 22, 'foo-v1': 34 },
    },
    {
      name: 'change both size and template',
      dep: 14,
      oldDep: 10,
      oldRSs: [
        ['foo-v2', 7],
        ['foo-v1', 3],
      ],
      expected: { 'foo-v2': 10, 'foo-v1': 4 },
    },
    {
      name: 'saturated but broken new replica set does not affect old pods',
      dep: 2,
      oldDep: 2,
      surge: 1,
      oldSurge: 1,
      unavailable: 1,
      newRS: ['foo-v2', 2, 0],
      oldRSs: [['foo-v1', 1]],
      expected: { 'foo-v2': 2, 'foo-v1': 1 },
    },
  ];
  it.each(cases)('$name', (c) => {
    const d = deployment(c.dep, { maxSurge: c.surge ?? 0, maxUnavailable: c.unavailable ?? 0 });
    // Each set was last sized for the old Deployment (SetReplicasAnnotations in the Kubernetes test).
    const annotate = (name: string) => {
      const desired = c.desiredAnnotations?.[name] ?? c.oldDep;
      return { [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(desired + (c.oldSurge ?? 0)) };
    };
    const sets: KObject[] = c.oldRSs.map(([name, n], i) =>
      rs(name, n, {
        image: `old-${name}`,
        ageS: 100 * (i + 1),
        revision: c.oldRSs.length - i,
        annotations: annotate(name),
      }),
    );
    if (c.newRS) {
      const [name, n, available] = c.newRS;
      sets.push(
        rs(name, n, {
          available: available ?? n,
          revision: c.oldRSs.length + 1,
          annotations: annotate(name),
        }),
      );
    }
    expect(sizesAfter(plan(d, sets), sets)).toEqual(c.expected);
  });
});

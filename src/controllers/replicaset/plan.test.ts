import { describe, expect, it } from 'vitest';
import type { KObject } from '../../model/types.ts';
import {
  computeStatus,
  decideManage,
  indirectlyRelatedPods,
  isActive,
  needsRanking,
  statusChanged,
} from './plan.ts';
import { podsToDelete } from './ranking.ts';
import { CORRECT, REPLICASET_VARIANTS } from './variants.ts';

const T0 = '2026-01-01T00:00:00Z';
const rs = (replicas: number, extra: Record<string, unknown> = {}): KObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'rs',
      namespace: 'default',
      uid: 'rs-uid',
      generation: 3,
      resourceVersion: '1',
      creationTimestamp: T0,
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', tier: 'fe' } } },
      ...extra,
    },
  }) as KObject;

interface PodOpts {
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: string;
  created?: string;
  restarts?: number;
  deleting?: boolean;
  cost?: string;
  labels?: Record<string, string>;
}

function pod(name: string, o: PodOpts = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      generation: 1,
      resourceVersion: '1',
      creationTimestamp: o.created ?? T0,
      labels: o.labels ?? { app: 'web', tier: 'fe' },
      ...(o.deleting ? { deletionTimestamp: T0 } : {}),
      ...(o.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
    },
    spec: o.node ? { nodeName: o.node } : {},
    status: {
      phase: o.phase ?? (o.node ? 'Running' : 'Pending'),
      conditions: o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.readySince ?? T0 }] : [],
      containerStatuses: [{ restartCount: o.restarts ?? 0 }],
    },
  } as KObject;
}

const HOUR = 3_600_000;

describe('ReplicaSet plan: manageReplicas', () => {
  it.each([
    [3, 5, { type: 'create', count: 2 }],
    [0, 1000, { type: 'create', count: 500 }],
    [5, 5, { type: 'none' }],
  ])('%i owned pods, spec %i → %o', (have, want, expected) => {
    const owned = Array.from({ length: have }, (_, i) => pod(`p${i}`, { node: 'n', ready: true }));
    expect(decideManage(rs(want), owned, owned, 0, CORRECT)).toMatchObject(expected);
  });

  it('deletes surplus pods, capped at 500 per sync', () => {
    const owned = Array.from({ length: 700 }, (_, i) => pod(`p${i}`, { node: 'n', ready: true }));
    const d = decideManage(rs(0), owned, owned, HOUR, CORRECT);
    expect(d.type === 'delete' && d.victims.length).toBe(500);
  });

  it('active pods exclude Failed, Succeeded and deleting ones (a mutant counts Failed)', () => {
    expect(isActive(pod('a', { node: 'n', phase: 'Failed' }), CORRECT)).toBe(false);
    expect(isActive(pod('a', { node: 'n', phase: 'Succeeded' }), CORRECT)).toBe(false);
    expect(isActive(pod('a', { node: 'n', deleting: true }), CORRECT)).toBe(false);
    expect(
      isActive(
        pod('a', { node: 'n', phase: 'Failed' }),
        REPLICASET_VARIANTS['failed-counted-active']!.variant,
      ),
    ).toBe(true);
    expect(
      isActive(
        pod('a', { node: 'n', deleting: true }),
        REPLICASET_VARIANTS['terminating-counted-active']!.variant,
      ),
    ).toBe(true);
  });
});

describe('ReplicaSet plan: deletion ranking (ActivePodsWithRanks)', () => {
  const now = 10 * HOUR;
  it.each<[string, KObject[], string[]]>([
    ['unscheduled first', [pod('sched', { node: 'n', ready: true }), pod('unsched')], ['unsched']],
    [
      'Pending before Running',
      [pod('run', { node: 'n' }), pod('pend', { node: 'n', phase: 'Pending' })],
      ['pend'],
    ],
    [
      'not ready before ready',
      [pod('ready', { node: 'n', ready: true }), pod('notready', { node: 'n' })],
      ['notready'],
    ],
    [
      // The cheap pod's uid sorts last, so only the cost rung can pick it (not the uid tie-break).
      'lower deletion cost first',
      [
        pod('z-cheap', { node: 'n', ready: true, cost: '-5' }),
        pod('a-dear', { node: 'n', ready: true, cost: '10' }),
      ],
      ['z-cheap'],
    ],
    [
      'more restarts first',
      [pod('calm', { node: 'n' }), pod('flappy', { node: 'n', restarts: 4 })],
      ['flappy'],
    ],
  ])('%s', (_, pods, expected) => {
    expect(podsToDelete(pods, pods, 1, now).map((p) => p.metadata.name)).toEqual(expected);
  });

  it('more co-located related pods first', () => {
    const pods = [
      pod('alone', { node: 'a', ready: true }),
      pod('crowd1', { node: 'b', ready: true }),
      pod('crowd2', { node: 'b', ready: true }),
    ];
    expect(podsToDelete(pods, pods, 1, now)[0]!.metadata.name).toMatch(/^crowd/);
  });

  it('ready for less time first, in log2 buckets', () => {
    const young = pod('young', { node: 'n', ready: true, readySince: '2026-01-01T09:59:00Z' });
    const old = pod('old', { node: 'n', ready: true, readySince: '2026-01-01T01:00:00Z' });
    expect(podsToDelete([old, young], [old, young], 1, now)[0]!.metadata.name).toBe('young');
  });

  // Each rung mutant picks the other pod of a pair that only its rung separates (uids chosen so
  // the tie-break would agree with the mutant, never with Kubernetes).
  it.each<[string, KObject[], string]>([
    [
      'ignores-deletion-cost',
      [pod('z-cheap', { node: 'n', ready: true, cost: '-5' }), pod('a-dear', { node: 'n', ready: true })],
      'z-cheap',
    ],
    [
      'ignores-colocation',
      [
        pod('a-alone', { node: 'x', ready: true }),
        pod('z-crowd1', { node: 'y', ready: true }),
        pod('z-crowd2', { node: 'y', ready: true }),
      ],
      'z-crowd1',
    ],
    [
      'ignores-restarts',
      [pod('a-calm', { node: 'n' }), pod('z-flappy', { node: 'n', restarts: 4 })],
      'z-flappy',
    ],
    [
      'older-first',
      [
        pod('a-old', { node: 'n', ready: true, readySince: '2026-01-01T01:00:00Z' }),
        pod('z-young', { node: 'n', ready: true, readySince: '2026-01-01T09:59:00Z' }),
      ],
      'z-young',
    ],
  ])('mutant %s deletes another pod than Kubernetes would', (mutant, pods, kubernetes) => {
    expect(podsToDelete(pods, pods, 1, now)[0]!.metadata.name).toBe(kubernetes);
    const d = decideManage(rs(pods.length - 1), pods, pods, now, REPLICASET_VARIANTS[mutant]!.variant);
    expect(d.type === 'delete' && d.victims[0]!.metadata.name).not.toBe(kubernetes);
  });

  it('the mutant ranking deletes the healthiest pod first', () => {
    const pods = [pod('ready', { node: 'n', ready: true }), pod('unsched')];
    const d = decideManage(rs(1), pods, pods, now, REPLICASET_VARIANTS['ignores-ranking']!.variant);
    expect(d.type === 'delete' && d.victims[0]!.metadata.name).toBe('ready');
  });
});

describe('ReplicaSet plan: related pods', () => {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'd-uid', controller: true };
  const owned = (name: string, app: string) => {
    const r = rs(1);
    return {
      ...r,
      metadata: { ...r.metadata, name, uid: `uid-${name}`, ownerReferences: [ref] },
      spec: { ...r.spec, selector: { matchLabels: { app } } },
    } as KObject;
  };

  it('a bare ReplicaSet has none, so co-location ranks every pod 0', () => {
    const pods = [pod('a', { node: 'x', ready: true }), pod('b', { node: 'y', ready: true })];
    expect(indirectlyRelatedPods(rs(1), [rs(1)], pods)).toEqual([]);
  });

  it("a Deployment's ReplicaSet counts its siblings' pods, in the pods' order, each once", () => {
    const web = owned('web-1', 'web');
    const old = owned('web-0', 'web');
    const other = owned('api-1', 'api');
    const pods = [pod('w1'), pod('api', { labels: { app: 'api' } }), pod('w2')];
    const related = indirectlyRelatedPods(web, [other, old, web], pods);
    expect(related.map((p) => p.metadata.name)).toEqual(['w1', 'api', 'w2']);
    const stranger = { ...other, metadata: { ...other.metadata, ownerReferences: [] } } as KObject;
    expect(indirectlyRelatedPods(web, [stranger, web], pods).map((p) => p.metadata.name)).toEqual([
      'w1',
      'w2',
    ]);
  });

  it('a sibling crowds a node: its pod there goes first; terminating ones do not count', () => {
    const mine = [pod('z-x', { node: 'x', ready: true }), pod('a-y', { node: 'y', ready: true })];
    const sibling = [pod('s1', { node: 'x', ready: true }), pod('s2', { node: 'y', deleting: true })];
    const related = [...mine, ...sibling];
    expect(podsToDelete(mine, related, 1, 0)[0]!.metadata.name).toBe('z-x');
    expect(podsToDelete(mine, [], 1, 0)[0]!.metadata.name).toBe('a-y');
  });

  it('ranks (and so gathers related pods) only on a scale-down that keeps some pods', () => {
    const three = [pod('a'), pod('b'), pod('c')];
    expect([needsRanking(rs(1), three), needsRanking(rs(0), three), needsRanking(rs(3), three)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('ReplicaSet plan: status', () => {
  it('counts replicas, fully labeled, ready, available (minReadySeconds) and terminating', () => {
    const owned = [
      pod('a', { node: 'n', ready: true, readySince: '2026-01-01T00:00:00Z' }),
      pod('b', { node: 'n', ready: true, readySince: '2026-01-01T00:00:55Z' }),
      pod('c', { node: 'n', labels: { app: 'web' } }),
    ];
    const s = computeStatus(rs(3, { minReadySeconds: 30 }), owned, 2, 60_000, undefined, T0);
    expect(s).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 1,
      terminatingReplicas: 2,
      observedGeneration: 3,
    });
  });

  it('sets ReplicaFailure on a manage error and clears it after a clean sync', () => {
    const failed = computeStatus(rs(3), [], 0, 0, 'injected create failure', T0);
    expect(failed.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: 'injected create failure',
        lastTransitionTime: T0,
      },
    ]);
    const withCond = { ...rs(3), status: failed } as KObject;
    const clean = computeStatus(withCond, [], 0, 0, undefined, T0);
    expect(clean.conditions).toBeUndefined();
    expect(statusChanged(withCond, clean)).toBe(true);
    expect(statusChanged({ ...rs(3), status: clean } as KObject, clean)).toBe(false);
  });
});

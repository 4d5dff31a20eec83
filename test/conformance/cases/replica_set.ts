/**
 * pkg/controller/replicaset/replica_set_test.go. The Go tests drive syncReplicaSet with a fake pod
 * control and a hand-filled informer cache; kubeprop's sync splits the same work into pure steps
 * the controller host runs: claim (shared/claim.ts `planClaims`), manage (replicaset/plan.ts
 * `decideManage`, victims from ranking.ts `podsToDelete`) and status (`computeStatus`). Each case
 * feeds those steps the cache the Go case builds and compares what the case compares.
 */
import { expect } from 'vitest';
import {
  BURST_REPLICAS,
  computeStatus,
  decideManage,
  indirectlyRelatedPods,
  matchingReplicaSets,
  replicaSetsWithSameController,
} from '../../../src/controllers/replicaset/plan.ts';
import { podsToDelete } from '../../../src/controllers/replicaset/ranking.ts';
import { CORRECT } from '../../../src/controllers/replicaset/variants.ts';
import { planClaims } from '../../../src/controllers/shared/claim.ts';
import { compileSelector } from '../../../src/model/labels.ts';
import { newControllerRef } from '../../../src/model/pod.ts';
import type { KObject } from '../../../src/model/types.ts';
import type { PortedCase, Source } from '../harness.ts';

export const SOURCE: Source = {
  controller: 'ReplicaSet',
  file: 'pkg/controller/replicaset/replica_set_test.go',
  version: '003e86297d18a8538c9da3619871393f9703bf70',
};

const NOW = 3_600_000;
const RS_UID = 'rs-uid';

function replicaSet(replicas: number, opts: { deleting?: boolean; conditions?: unknown[] } = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'foobar',
      namespace: 'default',
      uid: RS_UID,
      generation: 1,
      ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    spec: {
      replicas,
      selector: { matchLabels: { foo: 'bar' } },
      template: { metadata: { labels: { name: 'foo', type: 'production' } }, spec: { containers: [] } },
    },
    status: opts.conditions ? { conditions: opts.conditions } : {},
  } as unknown as KObject;
}

type Owner = 'ours' | 'orphan' | 'other';

/** `newPod` of the Go test: Running pods carry Ready=True (no transition time). */
function rsPod(
  name: string,
  phase: string,
  o: { owner?: Owner; node?: string; ready?: boolean } = {},
): KObject {
  const owner = o.owner ?? 'ours';
  const ready = o.ready ?? phase === 'Running';
  const refs =
    owner === 'orphan'
      ? []
      : [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: owner === 'ours' ? 'foobar' : 'AnotherRS',
            uid: owner === 'ours' ? RS_UID : 'another-uid',
            controller: true,
          },
        ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: '2026-01-01T00:00:00Z',
      labels: { foo: 'bar' },
      ownerReferences: refs,
    },
    spec: { nodeName: o.node ?? '', containers: [] },
    status: {
      phase,
      conditions: phase === 'Running' ? [{ type: 'Ready', status: ready ? 'True' : 'False' }] : [],
    },
  } as unknown as KObject;
}

function getPodsToDeleteCases(): PortedCase[] {
  const unscheduledPending = rsPod('unscheduled-pending-pod', 'Pending');
  const scheduledPending = rsPod('scheduled-pending-pod', 'Pending', { node: 'fake-node' });
  const notReady = rsPod('scheduled-running-not-ready-pod', 'Running', { node: 'fake-node', ready: false });
  const readyNode1 = rsPod('scheduled-running-ready-pod-on-node-1', 'Running', { node: 'fake-node-1' });
  const readyNode2 = rsPod('scheduled-running-ready-pod-on-node-2', 'Running', { node: 'fake-node-2' });
  const various = [readyNode1, readyNode1, readyNode2, notReady, scheduledPending, unscheduledPending];
  const table: Array<{ name: string; pods: KObject[]; related?: KObject[]; diff: number; want: KObject[] }> =
    [
      { name: 'len(pods) = 0 (i.e., diff = 0 too)', pods: [], diff: 0, want: [] },
      { name: 'diff = len(pods)', pods: [notReady, readyNode1], diff: 2, want: [notReady, readyNode1] },
      { name: 'diff < len(pods)', pods: [readyNode1, notReady], diff: 1, want: [notReady] },
      { name: 'various pod phases and conditions, diff = len(pods)', pods: various, diff: 6, want: various },
      {
        name: 'various pod phases and conditions, diff = len(pods), relatedPods empty',
        pods: various,
        related: [],
        diff: 6,
        want: various,
      },
      {
        name: 'scheduled vs unscheduled, diff < len(pods)',
        pods: [scheduledPending, unscheduledPending],
        diff: 1,
        want: [unscheduledPending],
      },
      {
        name: 'ready vs not-ready, diff < len(pods)',
        pods: [readyNode1, notReady, notReady],
        diff: 2,
        want: [notReady, notReady],
      },
      {
        name: 'ready and colocated with another ready pod vs not colocated, diff < len(pods)',
        pods: [readyNode1, readyNode2],
        related: [readyNode1, readyNode2, readyNode2],
        diff: 1,
        want: [readyNode2],
      },
      {
        name: 'pending vs running, diff < len(pods)',
        pods: [scheduledPending, notReady],
        diff: 1,
        want: [scheduledPending],
      },
      {
        name: 'various pod phases and conditions, diff < len(pods)',
        pods: [readyNode1, readyNode2, notReady, scheduledPending, unscheduledPending],
        diff: 3,
        want: [unscheduledPending, scheduledPending, notReady],
      },
    ];
  return table.map((t) => ({
    source: SOURCE,
    func: 'TestGetPodsToDelete',
    name: t.name,
    run: () => {
      const got = podsToDelete(t.pods, t.related ?? t.pods, t.diff, NOW);
      expect(got.map((p) => p.metadata.name)).toEqual(t.want.map((p) => p.metadata.name));
    },
  }));
}

/** What one sync does with this cache: adoption patches, then the manage decision. */
function syncOnce(rs: KObject, pods: KObject[]) {
  const claims = planClaims(pods, {
    ownerUid: rs.metadata.uid,
    ownerDeleting: !!rs.metadata.deletionTimestamp,
    selector: compileSelector(rs.spec?.selector),
  });
  const owned = [...claims.owned, ...claims.adopt];
  const manage = rs.metadata.deletionTimestamp
    ? ({ type: 'none' } as const)
    : decideManage(rs, owned, owned, NOW, CORRECT);
  const creates = manage.type === 'create' ? manage.count : 0;
  const deletes = manage.type === 'delete' ? manage.victims.length : 0;
  return { patches: claims.adopt.length + claims.release.length, creates, deletes };
}

const SYNC_CASES: PortedCase[] = [
  {
    source: SOURCE,
    func: 'TestSyncReplicaSetDoesNothing',
    name: '2 running pods, a controller with 2 replicas, sync is a no-op',
    run: () => {
      const pods = [rsPod('pod0', 'Running'), rsPod('pod1', 'Running')];
      expect(syncOnce(replicaSet(2), pods)).toEqual({ patches: 0, creates: 0, deletes: 0 });
    },
  },
  {
    source: SOURCE,
    func: 'TestDoNotPatchPodWithOtherControlRef',
    name: 'a matching pod controlled by another ReplicaSet: no patch, 2 creates',
    run: () => {
      const pods = [rsPod('pod', 'Running', { owner: 'other' })];
      expect(syncOnce(replicaSet(2), pods)).toEqual({ patches: 0, creates: 2, deletes: 0 });
    },
  },
  {
    source: SOURCE,
    func: 'TestPatchPodFails',
    name: 'two matching orphans: two adoption patches',
    run: () => {
      const pods = [
        rsPod('pod1', 'Running', { owner: 'orphan' }),
        rsPod('pod2', 'Running', { owner: 'orphan' }),
      ];
      expect(syncOnce(replicaSet(2), pods).patches).toBe(2);
    },
  },
  {
    source: SOURCE,
    func: 'TestDoNotAdoptOrCreateIfBeingDeleted',
    name: 'a ReplicaSet being deleted neither adopts nor creates',
    run: () => {
      const pods = [rsPod('pod1', 'Running', { owner: 'orphan' })];
      expect(syncOnce(replicaSet(2, { deleting: true }), pods)).toEqual({
        patches: 0,
        creates: 0,
        deletes: 0,
      });
    },
  },
];

const BURST_FIXED =
  'burstReplicas is fixed at the kube-controller-manager default of 500 (not a knob), so the case runs at 100x scale';

/** doTestControllerBurstReplicas: each sync creates (then deletes) at most `burst`, until done. */
function burstCase(burst: number, replicas: number): PortedCase {
  return {
    source: SOURCE,
    func: 'TestControllerBurstReplicas',
    name: `burstReplicas ${burst}, ${replicas} replicas`,
    deviation: BURST_FIXED,
    run: () => {
      const scale = BURST_REPLICAS / burst;
      const total = Math.round(replicas * scale);
      const up: number[] = [];
      let pods: KObject[] = [];
      for (let guard = 0; pods.length < total && guard < 100; guard++) {
        const d = decideManage(replicaSet(total), pods, pods, NOW, CORRECT);
        expect(d.type).toBe('create');
        const n = d.type === 'create' ? d.count : 0;
        up.push(n);
        pods = [...pods, ...Array.from({ length: n }, (_, i) => rsPod(`p${pods.length + i}`, 'Pending'))];
      }
      const down: number[] = [];
      for (let guard = 0; pods.length > 0 && guard < 100; guard++) {
        const d = decideManage(replicaSet(0), pods, pods, NOW, CORRECT);
        const victims = d.type === 'delete' ? d.victims : [];
        down.push(victims.length);
        pods = pods.filter((p) => !victims.includes(p));
      }
      const batches = (n: number) =>
        Array.from({ length: Math.ceil(n / BURST_REPLICAS) }, (_, i) =>
          Math.min(BURST_REPLICAS, n - i * BURST_REPLICAS),
        );
      expect(up).toEqual(batches(total));
      expect(down).toEqual(batches(total));
    },
  };
}

const FAILURE = {
  type: 'ReplicaFailure',
  status: 'True',
  reason: 'OtherFailure',
  message: 'm',
  lastTransitionTime: 't',
};
const PULL = {
  type: 'ImagePullBackOff',
  status: 'True',
  reason: 'NonExistentImage',
  message: '',
  lastTransitionTime: 't',
};

/** calculateStatus adds ReplicaFailure after a failed manage and removes it after a good one. */
function conditionsAfter(existing: unknown[], manageError: string | undefined): string[] {
  const rs = replicaSet(1, { conditions: existing });
  const status = computeStatus(rs, [], 0, NOW, manageError, 'now');
  return (status.conditions ?? []).map((c) => c.type);
}

const CONDITION_CASES: PortedCase[] = [
  {
    source: SOURCE,
    func: 'TestSetCondition',
    name: 'set for the first time',
    run: () => expect(conditionsAfter([], 'fake error')).toEqual(['ReplicaFailure']),
  },
  {
    source: SOURCE,
    func: 'TestSetCondition',
    name: 'simple set',
    run: () => expect(conditionsAfter([PULL], 'fake error')).toEqual(['ImagePullBackOff', 'ReplicaFailure']),
  },
  {
    source: SOURCE,
    func: 'TestRemoveCondition',
    name: 'remove from empty status',
    run: () => expect(conditionsAfter([], undefined)).toEqual([]),
  },
  {
    source: SOURCE,
    func: 'TestRemoveCondition',
    name: 'simple remove',
    run: () => expect(conditionsAfter([FAILURE], undefined)).toEqual([]),
  },
];

function lookupRs(name: string, namespace: string, selector?: Record<string, string>): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace, uid: name },
    spec: selector ? { selector: { matchLabels: selector } } : {},
  } as unknown as KObject;
}

function lookupPod(name: string, namespace: string, labels?: Record<string, string>): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: name, labels },
  } as unknown as KObject;
}

const LOOKUP_CASES: PortedCase[] = [
  {
    name: "pods without labels don't match any ReplicaSets",
    sets: [lookupRs('basic', 'default')],
    pod: lookupPod('foo1', ''),
    want: [] as string[],
  },
  {
    name: 'Matching labels, not namespace',
    sets: [lookupRs('foo', 'default', { foo: 'bar' })],
    pod: lookupPod('foo2', 'ns', { foo: 'bar' }),
    want: [],
  },
  {
    name: 'Matching ns and labels returns the key to the ReplicaSet, not the ReplicaSet name',
    sets: [lookupRs('bar', 'ns', { foo: 'bar' })],
    pod: lookupPod('foo3', 'ns', { foo: 'bar' }),
    want: ['bar'],
  },
].map((t) => ({
  source: SOURCE,
  func: 'TestPodControllerLookup',
  name: t.name,
  run: () => expect(matchingReplicaSets(t.sets, t.pod).map((r) => r.metadata.name)).toEqual(t.want),
}));

/**
 * `newReplicaSet` of the Go test: every set it makes is controlled by an owner of UID "123"; the
 * cases give some another owner ("456", "789") or a deletionTimestamp.
 */
function siblingRs(name: string, foo: string, o: { owner?: string; deleting?: boolean } = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      ownerReferences: [
        newControllerRef({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'd', uid: o.owner ?? '123' },
        }),
      ],
      ...(o.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    spec: { replicas: 1, selector: { matchLabels: { foo } } },
  } as unknown as KObject;
}

/** `newPod(name, rs, PodRunning, nil, true)`: the set's selector labels and its controllerRef. */
function podOf(name: string, rs: KObject): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      labels: rs.spec?.selector?.matchLabels,
      ownerReferences: [newControllerRef(rs)],
    },
    spec: { containers: [] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  } as unknown as KObject;
}

const names = (objs: readonly KObject[]) => objs.map((o) => o.metadata.name).sort();

/** TestGetReplicaSetsWithSameController and TestRelatedPodsLookup share their sets. */
function relatedCases(): PortedCase[] {
  const pendingDeletion = (n: string) => siblingRs(n, 'xyzzy', { owner: '789', deleting: true });
  const setsCases = [
    {
      name: 'expect to get back a ReplicaSet that is pending deletion',
      sets: [pendingDeletion('rs4'), siblingRs('rs3', 'quux', { owner: '456' })],
      rs: 'rs4',
      want: ['rs4'],
    },
    {
      name: 'expect to get back only the given ReplicaSet if there is no related ReplicaSet',
      sets: [siblingRs('rs1', 'bar'), siblingRs('rs3', 'quux', { owner: '456' })],
      rs: 'rs1',
      want: ['rs1'],
    },
    {
      name: 'expect to get back the given ReplicaSet as well as any related ReplicaSet but not an unrelated ReplicaSet',
      sets: [siblingRs('rs1', 'bar'), siblingRs('rs2', 'baz'), siblingRs('rs3', 'quux', { owner: '456' })],
      rs: 'rs1',
      want: ['rs1', 'rs2'],
    },
  ].map((t) => ({
    source: SOURCE,
    func: 'TestGetReplicaSetsWithSameController',
    name: t.name,
    run: () => {
      const rs = t.sets.find((s) => s.metadata.name === t.rs)!;
      expect(names(replicaSetsWithSameController(rs, t.sets))).toEqual(t.want);
    },
  }));
  const some = siblingRs('foo1', 'bar');
  const related = siblingRs('foo2', 'baz');
  const unrelated = siblingRs('bar1', 'quux', { owner: '456' });
  const pending = pendingDeletion('foo3');
  const [pod1, pod2, pod3, pod4] = [
    podOf('pod1', some),
    podOf('pod2', some),
    podOf('pod3', related),
    podOf('pod4', unrelated),
  ];
  const podsCases = [
    {
      name: 'expect to get a pod even if its owning ReplicaSet is pending deletion',
      sets: [pending, unrelated],
      rs: pending,
      pods: [podOf('pod', pending)],
      want: ['pod'],
    },
    {
      name: "expect to get only the ReplicaSet's own pods if there is no related ReplicaSet",
      sets: [some, unrelated],
      rs: some,
      pods: [pod1!, pod2!, pod4!],
      want: ['pod1', 'pod2'],
    },
    {
      name: "expect to get own pods as well as any related ReplicaSet's but not an unrelated ReplicaSet's",
      sets: [some, related, unrelated],
      rs: some,
      pods: [pod1!, pod2!, pod3!, pod4!],
      want: ['pod1', 'pod2', 'pod3'],
    },
  ].map((t) => ({
    source: SOURCE,
    func: 'TestRelatedPodsLookup',
    name: t.name,
    run: () => expect(names(indirectlyRelatedPods(t.rs, t.sets, t.pods))).toEqual(t.want),
  }));
  return [...setsCases, ...podsCases];
}

export const cases: PortedCase[] = [
  ...getPodsToDeleteCases(),
  ...SYNC_CASES,
  burstCase(5, 30),
  burstCase(5, 12),
  burstCase(3, 2),
  ...CONDITION_CASES,
  ...LOOKUP_CASES,
  ...relatedCases(),
];

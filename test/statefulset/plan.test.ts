/**
 * Table tests of the pure StatefulSet plan (plan.ts): what one sync decides from a set, its pods,
 * its claims and its revisions. OrderedReady stops at the first unhealthy pod; Parallel goes on;
 * condemned pods go highest first; the partition counts slots from ordinals.start; a Failed pod is
 * deleted and only recreated once its object is gone; claim owner references follow the retention
 * policy (the garbage collector does the deleting).
 */
import { describe, expect, it } from 'vitest';
import { newPod, POD_INDEX_LABEL } from '../../src/controllers/statefulset/identity.ts';
import {
  type PlanInput,
  partitionSlot,
  planSync,
  podForSlot,
} from '../../src/controllers/statefulset/plan.ts';
import {
  claimOwnerRefs,
  type RetentionPolicy,
  wantedClaimOwners,
} from '../../src/controllers/statefulset/retention.ts';
import { MAX_BATCH_SIZE, StatefulSetSync } from '../../src/controllers/statefulset/sync.ts';
import { CORRECT, type StatefulSetVariant } from '../../src/controllers/statefulset/variants.ts';
import { parseTimestamp } from '../../src/model/time.ts';
import type { KObject } from '../../src/model/types.ts';
import { applyDefaults } from '../../src/scenario/manifests.ts';
import { node, worldWith } from '../sim/helpers.ts';

const CURRENT = 'web-r1';
const UPDATE = 'web-r2';

interface SetOptions {
  replicas?: number;
  policy?: 'OrderedReady' | 'Parallel';
  start?: number;
  partition?: number;
  onDelete?: boolean;
  retention?: Partial<RetentionPolicy>;
  claims?: string[];
}

function statefulSet(o: SetOptions = {}): KObject {
  const obj = applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas: o.replicas ?? 3,
      serviceName: 'web',
      podManagementPolicy: o.policy ?? 'OrderedReady',
      ...(o.start !== undefined ? { ordinals: { start: o.start } } : {}),
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'db:v1' }] },
      },
      updateStrategy: o.onDelete
        ? { type: 'OnDelete' }
        : { type: 'RollingUpdate', rollingUpdate: { partition: o.partition ?? 0 } },
      ...(o.retention ? { persistentVolumeClaimRetentionPolicy: o.retention } : {}),
      volumeClaimTemplates: (o.claims ?? ['data']).map((name) => ({
        metadata: { name },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      })),
    },
  });
  return { ...obj, metadata: { ...obj.metadata, uid: 'set-uid', resourceVersion: '10', generation: 1 } };
}

type PodState = 'ready' | 'running' | 'pending' | 'failed' | 'terminating' | 'failed-terminating';

/** A pod of the set at an ordinal, in a state, at a revision. */
function member(set: KObject, ordinal: number, state: PodState = 'ready', revision = CURRENT): KObject {
  const p = newPod(set, set.spec.template, ordinal, revision);
  const ready = state === 'ready';
  const phase =
    state === 'pending'
      ? 'Pending'
      : state === 'failed' || state === 'failed-terminating'
        ? 'Failed'
        : 'Running';
  return {
    ...p,
    metadata: {
      ...p.metadata,
      name: p.metadata.name!,
      uid: `uid-${ordinal}`,
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: '2024-01-01T00:00:00Z',
      ...(state === 'terminating' || state === 'failed-terminating'
        ? { deletionTimestamp: '2024-01-01T00:01:00Z' }
        : {}),
    },
    status: {
      phase,
      conditions: [
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2024-01-01T00:00:00Z' },
      ],
    },
  } as KObject;
}

/** The claims of the given ordinals, bound, with the given owner references. */
function claimsOf(set: KObject, ordinals: number[], owners: KObject['metadata']['ownerReferences'] = []) {
  const m = new Map<string, KObject>();
  for (const ord of ordinals)
    for (const t of set.spec.volumeClaimTemplates as Array<{ metadata: { name: string } }>) {
      const name = `${t.metadata.name}-web-${ord}`;
      m.set(name, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name,
          namespace: 'default',
          uid: `pvc-${name}`,
          resourceVersion: '1',
          generation: 1,
          creationTimestamp: '',
          ...(owners && owners.length > 0 ? { ownerReferences: owners } : {}),
        },
        spec: {},
        status: { phase: 'Bound' },
      });
    }
  return m;
}

/** Plans a sync; without a rollout the current and update revisions are the same. */
function plan(set: KObject, pods: KObject[], extra: Partial<PlanInput> = {}, rollout = false) {
  const template = set.spec.template as Record<string, unknown>;
  return planSync({
    set,
    pods,
    claims: claimsOf(
      set,
      pods.map((p) => Number(p.metadata.labels![POD_INDEX_LABEL])),
    ),
    revisions: {
      current: { name: CURRENT, template },
      update: { name: rollout ? UPDATE : CURRENT, template },
    },
    nowMs: Date.parse('2024-01-01T00:10:00Z'),
    v: CORRECT,
    ...extra,
  });
}

/** Intents as short strings: `create web-2@web-r1`, `delete-failed web-1`, ... */
function summary(p: ReturnType<typeof planSync>): string[] {
  return p.intents.map((i) => {
    switch (i.type) {
      case 'create':
        return `create ${i.pod.metadata.name}@${i.revision}`;
      case 'deleteTerminal':
        return `delete-failed ${i.pod.metadata.name}`;
      case 'deleteCondemned':
        return `scale-down ${i.pod.metadata.name}`;
      case 'updateDelete':
        return `update ${i.pod.metadata.name}`;
      case 'repair':
        return `repair ${i.pod.metadata.name}${i.condemned ? ' (condemned)' : ''}`;
      case 'createClaims':
        return `claims ${i.pod.metadata.name}`;
      default:
        return 'unknown';
    }
  });
}

describe('StatefulSet plan: OrderedReady', () => {
  const set = statefulSet({ replicas: 4 });
  const cases: Array<{ name: string; pods: Array<[number, PodState]>; intents: string[]; block?: string }> = [
    { name: 'creates web-0 first from nothing', pods: [], intents: [`create web-0@${CURRENT}`] },
    {
      name: 'creates the next ordinal once all lower ones are Running and Ready',
      pods: [
        [0, 'ready'],
        [1, 'ready'],
      ],
      intents: [`create web-2@${CURRENT}`],
    },
    {
      name: 'stops at the first pod that is Running but not Ready',
      pods: [
        [0, 'ready'],
        [1, 'running'],
      ],
      intents: [],
      block: 'ready web-1',
    },
    { name: 'stops at a Pending pod', pods: [[0, 'pending']], intents: [], block: 'ready web-0' },
    {
      name: 'stops at a terminating pod and does not replace it',
      pods: [
        [0, 'ready'],
        [1, 'terminating'],
      ],
      intents: [],
      block: 'termination web-1',
    },
    {
      name: 'recreates a missing predecessor even while a successor is unready (#38418)',
      pods: [
        [0, 'ready'],
        [2, 'running'],
        [3, 'ready'],
      ],
      intents: [`create web-1@${CURRENT}`],
    },
    {
      name: 'nothing to do when every slot is healthy',
      pods: [
        [0, 'ready'],
        [1, 'ready'],
        [2, 'ready'],
        [3, 'ready'],
      ],
      intents: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const p = plan(
        set,
        c.pods.map(([o, s]) => member(set, o, s)),
      );
      expect(p.monotonic).toBe(true);
      expect(summary(p)).toEqual(c.intents);
      expect(p.block ? `${p.block.kind} ${p.block.pod}` : undefined).toBe(c.block);
    });
  }

  it('the ordered-as-parallel mutant does not stop', () => {
    const v: StatefulSetVariant = { orderedAsParallel: true };
    const p = plan(set, [member(set, 0, 'running')], { v });
    expect(summary(p)).toEqual([
      `create web-1@${CURRENT}`,
      `create web-2@${CURRENT}`,
      `create web-3@${CURRENT}`,
    ]);
  });
});

describe('StatefulSet plan: Parallel', () => {
  it('plans every missing pod at once (the controller runs them in slow-start batches)', () => {
    const set = statefulSet({ replicas: 4, policy: 'Parallel' });
    const p = plan(set, []);
    expect(p.monotonic).toBe(false);
    expect(summary(p)).toEqual([0, 1, 2, 3].map((o) => `create web-${o}@${CURRENT}`));
  });

  it('goes on past unready and terminating pods', () => {
    const set = statefulSet({ replicas: 4, policy: 'Parallel' });
    const p = plan(set, [member(set, 0, 'running'), member(set, 1, 'terminating')]);
    expect(summary(p)).toEqual([`create web-2@${CURRENT}`, `create web-3@${CURRENT}`]);
    // Only the rolling-update walk (top down) then waits, on the pod it just planned.
    expect(p.block).toEqual({ kind: 'ready', pod: 'web-3' });
  });
});

describe('StatefulSet plan: scale-down', () => {
  const pods = (set: KObject, states: PodState[]) => states.map((s, o) => member(set, o, s));

  it('condemns the out-of-range pods highest first; OrderedReady deletes only the highest', () => {
    const set = statefulSet({ replicas: 2 });
    const p = plan(set, pods(set, ['ready', 'ready', 'ready', 'ready', 'ready']));
    expect(p.condemned.map((c) => c.metadata.name)).toEqual(['web-4', 'web-3', 'web-2']);
    expect(summary(p)).toEqual(['scale-down web-4']);
  });

  it('Parallel deletes every condemned pod, highest first', () => {
    const set = statefulSet({ replicas: 2, policy: 'Parallel' });
    const p = plan(set, pods(set, ['ready', 'ready', 'ready', 'ready', 'ready']));
    expect(summary(p)).toEqual(['scale-down web-4', 'scale-down web-3', 'scale-down web-2']);
  });

  it('OrderedReady waits while the highest condemned pod is terminating', () => {
    const set = statefulSet({ replicas: 2 });
    const p = plan(set, pods(set, ['ready', 'ready', 'ready', 'ready', 'terminating']));
    expect(summary(p)).toEqual([]);
    expect(p.block).toEqual({ kind: 'termination', pod: 'web-4' });
  });

  it('OrderedReady deletes an unhealthy condemned pod only if it is the first unhealthy one', () => {
    const set = statefulSet({ replicas: 2 });
    expect(summary(plan(set, pods(set, ['ready', 'ready', 'ready', 'ready', 'running'])))).toEqual([
      'scale-down web-4',
    ]);
    const p = plan(set, pods(set, ['ready', 'ready', 'ready', 'running', 'running']));
    expect(summary(p)).toEqual([]);
    expect(p.block).toEqual({ kind: 'ready', pod: 'web-4' });
  });

  it('OrderedReady deletes a condemned pod that is Ready but not yet available: it is the first unavailable one (kubernetes#123918)', () => {
    const set = statefulSet({ replicas: 0 });
    set.spec.minReadySeconds = 30;
    // Ready since 2024-01-01T00:00:00Z; ten seconds later they are Ready, not yet available.
    const nowMs = parseTimestamp('2024-01-01T00:00:10Z');
    expect(summary(plan(set, pods(set, ['ready']), { nowMs }))).toEqual(['scale-down web-0']);
    // Below web-1, web-0 is not available either: web-1 is not the first unavailable pod, so wait.
    const p = plan(set, pods(set, ['ready', 'ready']), { nowMs });
    expect(summary(p)).toEqual([]);
    expect(p.block).toEqual({ kind: 'ready', pod: 'web-1' });
  });

  it('the scale-down-lowest-first mutant starts from the bottom', () => {
    const set = statefulSet({ replicas: 2 });
    const p = plan(set, pods(set, ['ready', 'ready', 'ready', 'ready', 'ready']), {
      v: { condemnedAscending: true },
    });
    expect(summary(p)).toEqual(['scale-down web-2']);
  });
});

describe('StatefulSet plan: Failed pods', () => {
  it('deletes a Failed pod and waits for it to go (OrderedReady); nothing is created in its slot yet', () => {
    const set = statefulSet({ replicas: 3 });
    const p = plan(set, [member(set, 0), member(set, 1, 'failed'), member(set, 2)]);
    expect(summary(p)).toEqual(['delete-failed web-1']);
    expect(p.block).toEqual({ kind: 'termination', pod: 'web-1' });
  });

  it('does not delete it twice while its object is still there', () => {
    const set = statefulSet({ replicas: 3 });
    const p = plan(set, [member(set, 0), member(set, 1, 'failed-terminating'), member(set, 2)]);
    expect(summary(p)).toEqual([]);
    expect(p.block).toEqual({ kind: 'termination', pod: 'web-1' });
  });

  it('recreates it with the same name once the object is gone', () => {
    const set = statefulSet({ replicas: 3 });
    const p = plan(set, [member(set, 0), member(set, 2)]);
    expect(summary(p)).toEqual([`create web-1@${CURRENT}`]);
    const create = p.intents[0]!;
    expect(create.type === 'create' && create.pod.spec?.volumes).toEqual([
      { name: 'data', persistentVolumeClaim: { claimName: 'data-web-1' } },
    ]);
  });

  it('Parallel deletes the Failed pod and goes on with the other slots', () => {
    const set = statefulSet({ replicas: 3, policy: 'Parallel' });
    const p = plan(set, [member(set, 0, 'failed')]);
    expect(summary(p)).toEqual(['delete-failed web-0', `create web-1@${CURRENT}`, `create web-2@${CURRENT}`]);
  });
});

describe('StatefulSet plan: rolling update and partition', () => {
  it('counts the partition in slots from ordinals.start (#128529)', () => {
    const set = statefulSet({ replicas: 3, start: 3, partition: 1 });
    expect(partitionSlot(set, CORRECT)).toBe(1);
    expect(partitionSlot(set, { partitionFromZero: true })).toBe(-2);
    expect(partitionSlot(statefulSet({ onDelete: true, partition: 2 }), CORRECT)).toBe(0);
    const input = {
      set,
      pods: [],
      claims: new Map(),
      revisions: {
        current: { name: CURRENT, template: set.spec.template },
        update: { name: UPDATE, template: set.spec.template },
      },
      nowMs: 0,
      v: CORRECT,
    } satisfies PlanInput;
    expect(podForSlot(input, 0)).toMatchObject({ revision: CURRENT, pod: { metadata: { name: 'web-3' } } });
    expect(podForSlot(input, 1)).toMatchObject({ revision: UPDATE, pod: { metadata: { name: 'web-4' } } });
    expect(podForSlot({ ...input, v: { partitionFromZero: true } }, 0).revision).toBe(UPDATE);
  });

  const cases: Array<{ name: string; revisions: string[]; intents: string[]; block?: string }> = [
    {
      name: 'updates the highest ordinal first',
      revisions: [CURRENT, CURRENT, CURRENT],
      intents: ['update web-5'],
    },
    {
      name: 'then the next one down',
      revisions: [CURRENT, CURRENT, UPDATE],
      intents: ['update web-4'],
    },
    {
      name: 'never below the partition',
      revisions: [CURRENT, UPDATE, UPDATE],
      intents: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const set = statefulSet({ replicas: 3, start: 3, partition: 1 });
      const p = plan(
        set,
        c.revisions.map((r, i) => member(set, 3 + i, 'ready', r)),
        {},
        true,
      );
      expect(summary(p)).toEqual(c.intents);
    });
  }

  it('waits for an updated pod to become Ready before going on', () => {
    const set = statefulSet({ replicas: 3 });
    const p = plan(set, [member(set, 0), member(set, 1), member(set, 2, 'running', UPDATE)], {}, true);
    expect(summary(p)).toEqual([]);
    expect(p.block).toEqual({ kind: 'ready', pod: 'web-2' });
  });

  it('OnDelete never deletes for an update', () => {
    const set = statefulSet({ replicas: 2, onDelete: true });
    expect(summary(plan(set, [member(set, 0), member(set, 1)], {}, true))).toEqual([]);
  });
});

describe('StatefulSet plan: PVC retention', () => {
  const policies: RetentionPolicy[] = [
    { whenDeleted: 'Retain', whenScaled: 'Retain' },
    { whenDeleted: 'Delete', whenScaled: 'Retain' },
    { whenDeleted: 'Retain', whenScaled: 'Delete' },
    { whenDeleted: 'Delete', whenScaled: 'Delete' },
  ];
  // [policy index, condemned] → owners the claim should name.
  const matrix: Array<[number, boolean, { set: boolean; pod: boolean }]> = [
    [0, false, { set: false, pod: false }],
    [0, true, { set: false, pod: false }],
    [1, false, { set: true, pod: false }],
    [1, true, { set: true, pod: false }],
    [2, false, { set: false, pod: false }],
    [2, true, { set: false, pod: true }],
    [3, false, { set: true, pod: false }],
    [3, true, { set: false, pod: true }],
  ];
  for (const [i, condemned, want] of matrix) {
    const policy = policies[i]!;
    it(`whenDeleted=${policy.whenDeleted} whenScaled=${policy.whenScaled}, ${condemned ? 'condemned' : 'in range'}: set ${want.set}, pod ${want.pod}`, () => {
      expect(wantedClaimOwners(policy, condemned)).toEqual(want);
      const set = statefulSet({ retention: policy });
      const pod = member(set, 1);
      const foreign = { apiVersion: 'v1', kind: 'ConfigMap', name: 'keep', uid: 'other' };
      const refs = claimOwnerRefs({ metadata: { ownerReferences: [foreign] } }, set, pod, condemned, policy);
      expect(refs?.map((r) => r.uid)).toEqual([
        'other',
        ...(want.set ? ['set-uid'] : []),
        ...(want.pod ? ['uid-1'] : []),
      ]);
    });
  }

  it('repairs the owner references of an in-range pod claim under whenDeleted=Delete', () => {
    const set = statefulSet({ replicas: 2, retention: { whenDeleted: 'Delete' } });
    expect(summary(plan(set, [member(set, 0), member(set, 1)]))).toEqual(['repair web-0', 'repair web-1']);
    const owned = claimsOf(
      set,
      [0, 1],
      [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid' }],
    );
    expect(summary(plan(set, [member(set, 0), member(set, 1)], { claims: owned }))).toEqual([]);
  });

  it('makes a condemned pod the owner of its claims under whenScaled=Delete, before deleting it', () => {
    const set = statefulSet({ replicas: 1, retention: { whenScaled: 'Delete' } });
    expect(summary(plan(set, [member(set, 0), member(set, 1)]))).toEqual([
      'repair web-1 (condemned)',
      'scale-down web-1',
    ]);
    const retained = statefulSet({ replicas: 1 });
    expect(summary(plan(retained, [member(retained, 0), member(retained, 1)]))).toEqual(['scale-down web-1']);
  });

  it('waits to recreate a pod whose claim an earlier pod of that name still owns (whenScaled=Delete)', () => {
    const set = statefulSet({ replicas: 2, retention: { whenScaled: 'Delete' } });
    const claims = new Map([
      ...claimsOf(set, [0]),
      ...claimsOf(set, [1], [{ apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid: 'old-web-1' }]),
    ]);
    const p = plan(set, [member(set, 0)], { claims });
    expect(summary(p)).toEqual([]);
    expect(p.block).toEqual({ kind: 'stale-claim', pod: 'web-1' });
  });

  it('Parallel: a rollout waits for a slot whose pod cannot be created yet (stale claim), as the placeholder Kubernetes fills it with is not healthy', () => {
    const set = statefulSet({ replicas: 3, policy: 'Parallel', retention: { whenScaled: 'Delete' } });
    const claims = new Map([
      ...claimsOf(set, [0, 1]),
      ...claimsOf(set, [2], [{ apiVersion: 'v1', kind: 'Pod', name: 'web-2', uid: 'old-web-2' }]),
    ]);
    const p = plan(set, [member(set, 0), member(set, 1)], { claims }, true);
    expect(summary(p).filter((s) => s.startsWith('update'))).toEqual([]);
  });

  it('asks for the claims of a pending pod that lost them', () => {
    const set = statefulSet({ replicas: 1 });
    const p = plan(set, [member(set, 0, 'pending')], { claims: new Map() });
    expect(summary(p)).toEqual(['claims web-0']);
    expect(p.block).toEqual({ kind: 'ready', pod: 'web-0' });
  });
});

describe('StatefulSet sync: execution of a plan', () => {
  /** A sync of `set` whose cache holds `pods`; `others` are in the store too, not the set's. */
  function syncFor(set: KObject, pods: KObject[] = [], others: KObject[] = []) {
    const w = worldWith([node('node-a')]);
    const stored = w.store.create('user', set);
    if (!stored.ok) throw new Error(stored.message);
    const owned = [...pods, ...others].map((p) => {
      const r = w.store.create('user', p);
      if (!r.ok) throw new Error(r.message);
      return r.obj;
    });
    const informer = w.newInformer('test', ['Pod', 'PersistentVolumeClaim']);
    const s = new StatefulSetSync(w, 'statefulset-controller', informer, stored.obj, CORRECT, {
      owned: [],
      adopt: [],
      release: [],
    });
    const template = set.spec.template as Record<string, unknown>;
    s.revisions = { current: { name: CURRENT, template }, update: { name: CURRENT, template } };
    s.plan = planSync({
      set: stored.obj,
      pods: owned.slice(0, pods.length),
      claims: claimsOf(set, [0, 1, 2, 3, 4, 5, 6]),
      revisions: s.revisions,
      nowMs: 0,
      v: CORRECT,
    });
    return { w, s };
  }

  /** Runs the sync's create phases; the pods each one created, by name. */
  function createBatches(w: ReturnType<typeof worldWith>, s: StatefulSetSync) {
    const batches: string[][] = [];
    let next = s.next();
    while (next === 'create') {
      const before = new Set([...w.store.values('Pod')].map((p) => p.metadata.name));
      next = s.runBatch();
      batches.push([...w.store.values('Pod')].map((p) => p.metadata.name).filter((n) => !before.has(n)));
    }
    return { batches, next };
  }

  it('Parallel creates in slow-start batches of 1, 2, 4... (claims first, then the pod)', () => {
    const { w, s } = syncFor(statefulSet({ replicas: 7, policy: 'Parallel', claims: ['data', 'logs'] }));
    const batches: number[] = [];
    let next = s.next();
    while (next === 'create') {
      const before = w.store.count('Pod');
      next = s.runBatch();
      batches.push(w.store.count('Pod') - before);
    }
    expect(batches).toEqual([1, 2, 4]);
    // Then the sync waits (the rolling-update walk stops at the newest, not yet Ready, pod).
    expect(next).toBe('waitReady');
    expect(w.store.count('PersistentVolumeClaim')).toBe(14);
    expect(MAX_BATCH_SIZE).toBe(500);
  });

  it('Parallel batches count slots, existing pods included (slowStartBatch over the replicas)', () => {
    // web-0 exists: batch 1 is web-0 (nothing to do), batch 2 web-1 and web-2, batch 3 web-3.
    const set = statefulSet({ replicas: 4, policy: 'Parallel' });
    const { w, s } = syncFor(set, [member(set, 0)]);
    expect(createBatches(w, s).batches).toEqual([['web-1', 'web-2'], ['web-3']]);
  });

  it('Parallel: a failed create still lets the rest of its batch run, and ends the sync after it (chaos statefulset seed 1 run 6635)', () => {
    // web-1's name is taken by a pod the set does not own: its create fails with AlreadyExists.
    // slowStartBatch runs the whole batch (web-1, web-2) and stops before web-3's.
    const set = statefulSet({ replicas: 4, policy: 'Parallel' });
    const foreign = { ...member(set, 1), metadata: { ...member(set, 1).metadata, ownerReferences: [] } };
    const { w, s } = syncFor(set, [member(set, 0)], [foreign]);
    const { batches, next } = createBatches(w, s);
    expect(batches).toEqual([['web-2']]);
    expect(next).toBe('status');
    expect(s.error).toContain('web-1');
    expect(w.store.get('Pod', 'default/web-3')).toBeUndefined();
  });

  it('OrderedReady creates one pod per sync', () => {
    const { w, s } = syncFor(statefulSet({ replicas: 3 }));
    expect(s.next()).toBe('create');
    s.runBatch();
    expect(w.store.count('Pod')).toBe(1);
    expect(s.next()).toBe('status');
  });
});

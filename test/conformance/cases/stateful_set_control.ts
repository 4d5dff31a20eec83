/**
 * pkg/controller/statefulset/stateful_set_control_test.go, `TestStatefulSetControl` and
 * `TestStatefulSetControlWithStartOrdinal`: scale up, scale down, replacement of deleted, Failed
 * and Succeeded pods and of a Pending pod's lost claims, under OrderedReady ("Monotonic", checked
 * by the monotonic invariants after every sync) and Parallel ("Burst"), each under every
 * persistentVolumeClaimRetentionPolicy the Go test loops over.
 *
 * The Go test drives `UpdateStatefulSet` with a fake object manager whose writes land in the cache
 * at once. Here one sync is kubeprop's pure plan (statefulset/plan.ts `planSync`) with its intents
 * applied the way podControl.ts applies them (claims first, owner references per policy), and the
 * status from status.ts `computeStatus`; the pods are moved forward (Pending → Running → Ready) by
 * the test, as `scaleUpStatefulSetControl` does, in a fixed pseudo-random order.
 */
import { expect } from 'vitest';
import type { RevisionObject } from '../../../src/controllers/shared/history.ts';
import {
  claimsFor,
  identityMatches,
  POD_INDEX_LABEL,
  storageMatches,
} from '../../../src/controllers/statefulset/identity.ts';
import { planSync } from '../../../src/controllers/statefulset/plan.ts';
import { claimOwnerRefs, retentionPolicy } from '../../../src/controllers/statefulset/retention.ts';
import { historyToPrune } from '../../../src/controllers/statefulset/revisions.ts';
import { computeStatus } from '../../../src/controllers/statefulset/status.ts';
import { CORRECT } from '../../../src/controllers/statefulset/variants.ts';
import { parseOrdinal } from '../../../src/model/ordinal.ts';
import { formatTimestamp } from '../../../src/model/time.ts';
import type { KObject } from '../../../src/model/types.ts';
import type { PortedCase, Source } from '../harness.ts';
import { newStatefulSet } from './stateful_set_utils.ts';

export const SOURCE: Source = {
  controller: 'StatefulSet',
  file: 'pkg/controller/statefulset/stateful_set_control_test.go',
  version: '0004b149a571af0103032a1788dc9fa70b885601',
};

type Policy = { whenScaled: string; whenDeleted: string } | undefined;
/** runTestOverPVCRetentionPolicies: Retain, ScaleDownOnly, SetDeleteOnly, Delete and no policy. */
const POLICIES: Policy[] = [
  { whenScaled: 'Retain', whenDeleted: 'Retain' },
  { whenScaled: 'Delete', whenDeleted: 'Retain' },
  { whenScaled: 'Retain', whenDeleted: 'Delete' },
  { whenScaled: 'Delete', whenDeleted: 'Delete' },
  undefined,
];

const REVISION = 'foo-r1';

interface Rev {
  name: string;
  template: Record<string, unknown>;
}
const ord = (p: KObject) => parseOrdinal(p.metadata.name)?.ordinal ?? -1;

/** The fake object manager: pods and claims in a cache that every write updates at once. */
class FakeStatefulSetCluster {
  pods: KObject[] = [];
  claims = new Map<string, KObject>();
  creates = 0;
  deletes = 0;
  private uid = 0;
  private rng = 2463534242;

  current: Rev;
  update: Rev;
  /** The set's ControllerRevisions, oldest first; each sync prunes them as truncateHistory does. */
  history: RevisionObject[] = [];

  constructor(public set: KObject) {
    this.current = { name: REVISION, template: set.spec?.template as Record<string, unknown> };
    this.update = this.current;
    this.record(this.current);
  }

  private record(rev: Rev): void {
    const n = this.history.length + 1;
    this.history.push({
      metadata: { name: rev.name },
      revision: n,
      data: { spec: { template: rev.template } },
    } as unknown as RevisionObject);
  }

  /** A new template: the update revision (the current one stays until the rollout completes). */
  setTemplate(next: KObject): void {
    this.set = next;
    this.update = {
      name: `foo-r${Number(this.update.name.slice(5)) + 1}`,
      template: next.spec?.template as Record<string, unknown>,
    };
  }

  /** One UpdateStatefulSet: plan, apply the intents, write the status. */
  sync(): void {
    const plan = planSync({
      set: this.set,
      pods: this.pods,
      claims: this.claims,
      revisions: { current: this.current, update: this.update },
      nowMs: 0,
      v: CORRECT,
    });
    for (const intent of plan.intents) {
      if (intent.type === 'create') this.create(intent.pod as unknown as KObject);
      else if (intent.type === 'createClaims') this.createClaims(ord(intent.pod));
      else if (intent.type === 'repair') this.fixClaims(intent.pod, intent.condemned);
      else this.remove(intent.pod);
    }
    const revs = { current: this.current.name, update: this.update.name, collisionCount: 0 };
    const status = computeStatus(this.set, this.pods, revs, 0);
    if (status.currentRevision === this.update.name) this.current = this.update;
    this.set = { ...this.set, status };
    const prune = new Set(
      historyToPrune(this.set, this.history, this.pods, { current: this.current, update: this.update }),
    );
    this.history = this.history.filter((r) => !prune.has(r));
  }

  private create(pod: KObject): void {
    this.createClaims(ord(pod));
    this.creates++;
    // A created pod has no phase yet; the test acknowledges it by setting Pending.
    this.pods.push({
      ...pod,
      metadata: { ...pod.metadata, uid: `pod-uid-${this.uid++}` },
      status: {},
    } as KObject);
  }

  createClaims(ordinal: number): void {
    for (const claim of claimsFor(this.set, ordinal)) {
      const name = claim.metadata.name!;
      if (this.claims.has(name)) continue;
      const refs = claimOwnerRefs(claim, this.set, undefined, false, retentionPolicy(this.set));
      this.claims.set(name, {
        ...claim,
        metadata: { ...claim.metadata, name, uid: `claim-${name}`, ownerReferences: refs },
      } as KObject);
    }
  }

  private fixClaims(pod: KObject, condemned: boolean): void {
    for (const claim of claimsFor(this.set, ord(pod))) {
      const cached = this.claims.get(claim.metadata.name!);
      if (!cached) continue;
      const refs = claimOwnerRefs(cached, this.set, pod, condemned, retentionPolicy(this.set));
      this.claims.set(cached.metadata.name, {
        ...cached,
        metadata: { ...cached.metadata, ownerReferences: refs },
      });
    }
  }

  /** Deletes a pod; like the garbage collector, also the claims whose only owner it was. */
  remove(pod: KObject): void {
    this.deletes++;
    this.pods = this.pods.filter((p) => p.metadata.name !== pod.metadata.name);
    for (const [name, claim] of this.claims) {
      const refs = claim.metadata.ownerReferences ?? [];
      if (refs.length > 0 && refs.every((r) => r.uid === pod.metadata.uid)) this.claims.delete(name);
    }
  }

  setPhase(pod: KObject, phase: string, ready = false): void {
    const next = {
      ...pod,
      status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    } as KObject;
    this.pods = this.pods.map((p) => (p === pod ? next : p));
  }

  sorted(): KObject[] {
    return [...this.pods].sort((a, b) => ord(a) - ord(b));
  }

  random(n: number): number {
    this.rng ^= this.rng << 13;
    this.rng ^= this.rng >>> 17;
    this.rng ^= this.rng << 5;
    return (this.rng >>> 0) % n;
  }
}

type Invariants = (c: FakeStatefulSetCluster) => void;

/** assertBurstInvariants: identity, storage and claims (with their owners) of every pod. */
function burstInvariants(c: FakeStatefulSetCluster): void {
  for (const pod of c.sorted()) {
    expect(storageMatches(c.set, pod), `${pod.metadata.name} storage`).toBe(true);
    expect(identityMatches(c.set, pod), `${pod.metadata.name} identity`).toBe(true);
    checkClaims(c, pod);
  }
}

/** assertMonotonicInvariants: the burst ones, pods in ordinal order, none Ready before its predecessor. */
function monotonicInvariants(c: FakeStatefulSetCluster): void {
  const pods = c.sorted();
  const start = c.set.spec?.ordinals?.start ?? 0;
  pods.forEach((pod, i) => {
    const ready = (p: KObject) =>
      p.status?.phase === 'Running' && p.status?.conditions?.[0]?.status === 'True';
    if (i > 0)
      expect(ready(pod) && !ready(pods[i - 1]!), `${pod.metadata.name} Ready before its predecessor`).toBe(
        false,
      );
    expect(ord(pod), `${pod.metadata.name} deployed in the wrong order`).toBe(start + i);
  });
  burstInvariants(c);
}

/** checkClaimInvarients: the claim exists and carries exactly the owners the policy asks for. */
function checkClaims(c: FakeStatefulSetCluster, pod: KObject): void {
  const policy = retentionPolicy(c.set);
  const replicas = c.set.spec?.replicas ?? 1;
  for (const want of claimsFor(c.set, ord(pod))) {
    const claim = c.claims.get(want.metadata.name!);
    expect(claim, `claim ${want.metadata.name} for ${pod.metadata.name}`).toBeDefined();
    const refs = claim?.metadata.ownerReferences ?? [];
    const bySet = refs.some((r) => r.uid === c.set.metadata.uid);
    const condemned = ord(pod) >= replicas;
    if (policy.whenDeleted === 'Retain') expect(bySet, `${want.metadata.name} owned by the set`).toBe(false);
    if (policy.whenDeleted === 'Delete' && !condemned)
      expect(bySet, `${want.metadata.name} owned by the set`).toBe(true);
    if (policy.whenScaled === 'Retain')
      expect(
        refs.some((r) => r.kind === 'Pod'),
        `${want.metadata.name} owned by a pod`,
      ).toBe(false);
  }
}

/** scaleUpStatefulSetControl: move one pod forward, sync, check, until every replica is Ready. */
function scaleUp(c: FakeStatefulSetCluster, inv: Invariants): void {
  for (let guard = 0; (c.set.status?.readyReplicas ?? 0) < (c.set.spec?.replicas ?? 1); guard++) {
    expect(guard).toBeLessThan(500);
    for (const p of c.pods) if (!p.status?.phase) c.setPhase(p, 'Pending');
    const pods = c.sorted();
    if (pods.length > 0) {
      const pod = pods[c.random(pods.length)]!;
      if (pod.status?.phase === 'Pending') c.setPhase(pod, 'Running');
      else if (pod.status?.phase === 'Running') c.setPhase(pod, 'Running', true);
    }
    c.sync();
    inv(c);
  }
}

/** scaleDownStatefulSetControl: sync until the set is down to spec.replicas, checking as it goes. */
function scaleDown(c: FakeStatefulSetCluster, inv: Invariants): string[] {
  const order: string[] = [];
  for (let guard = 0; (c.set.status?.replicas ?? 0) > (c.set.spec?.replicas ?? 1); guard++) {
    expect(guard).toBeLessThan(100);
    const before = new Set(c.pods.map((p) => p.metadata.name));
    c.sync();
    for (const n of before) if (!c.pods.some((p) => p.metadata.name === n)) order.push(n);
    inv(c);
  }
  return order;
}

function withReplicas(set: KObject, replicas: number): KObject {
  return { ...set, spec: { ...set.spec, replicas } };
}

type Body = (set: KObject, inv: Invariants, burst: boolean) => void;

const expectStatus = (c: FakeStatefulSetCluster, n: number) =>
  expect({
    replicas: c.set.status?.replicas,
    ready: c.set.status?.readyReplicas,
    updated: c.set.status?.updatedReplicas,
  }).toEqual({
    replicas: n,
    ready: n,
    updated: n,
  });

const createsPods: Body = (set, inv) => {
  const c = new FakeStatefulSetCluster(set);
  scaleUp(c, inv);
  expectStatus(c, 3);
  for (const p of c.pods) expect(p.metadata.labels?.[POD_INDEX_LABEL]).toBe(String(ord(p)));
};

const scalesUp: Body = (set, inv) => {
  const c = new FakeStatefulSetCluster(set);
  scaleUp(c, inv);
  c.set = withReplicas(c.set, 4);
  scaleUp(c, inv);
  expectStatus(c, 4);
};

const scalesDown: Body = (set, inv, burst) => {
  const c = new FakeStatefulSetCluster(set);
  scaleUp(c, inv);
  c.set = withReplicas(c.set, 0);
  const order = scaleDown(c, inv);
  expectStatus(c, 0);
  // OrderedReady removes the highest ordinal first, one at a time.
  if (!burst) expect(order).toEqual(['foo-2', 'foo-1', 'foo-0']);
};

const replacesPods: Body = (set, inv) => {
  const c = new FakeStatefulSetCluster(set);
  scaleUp(c, inv);
  expect(c.set.status?.replicas).toBe(5);
  for (const claim of c.claims.values())
    expect(claim.metadata.ownerReferences?.some((r) => r.kind === 'Pod') ?? false).toBe(false);
  const pods = c.sorted();
  for (const i of [0, 2, 4]) c.remove(pods[i]!);
  for (const i of [0, 2, 4]) {
    c.sync();
    const pod = c.pods.find((p) => ord(p) === i);
    expect(pod, `foo-${i} recreated`).toBeDefined();
    c.setPhase(pod!, 'Running');
    c.sync();
    c.setPhase(c.pods.find((p) => ord(p) === i)!, 'Running', true);
  }
  c.sync();
  expect(c.set.status?.replicas).toBe(5);
};

function recreatesPod(phase: 'Failed' | 'Succeeded'): Body {
  return (set, inv, burst) => {
    const c = new FakeStatefulSetCluster(set);
    c.sync();
    inv(c);
    expect(c.deletes).toBe(0);
    const first = c.sorted();
    first.forEach((p, i) => {
      c.setPhase(p, i === 0 ? phase : 'Pending');
    });
    c.sync();
    inv(c);
    expect(c.deletes).toBe(1);
    c.sync();
    inv(c);
    expect(c.deletes).toBe(1);
    const recreated = c.pods.find((p) => ord(p) === 0);
    // The new pod has no phase yet (isCreated is false).
    expect(recreated?.status?.phase).toBeUndefined();
    expect(c.creates).toBe(burst ? (set.spec?.replicas ?? 1) + 1 : 2);
  };
}

const recreatesPVCForPendingPod: Body = (set, inv) => {
  const c = new FakeStatefulSetCluster(set);
  c.sync();
  inv(c);
  const pod = c.sorted()[0]!;
  for (const claim of claimsFor(c.set, ord(pod))) c.claims.delete(claim.metadata.name!);
  c.setPhase(pod, 'Pending');
  c.sync();
  // The invariants check that no pod misses a claim.
  inv(c);
};

const FUNCS: Array<[string, Body, number]> = [
  ['CreatesPodsWithPodIndexLabelFeature', createsPods, 3],
  ['ScalesUp', scalesUp, 3],
  ['ScalesDown', scalesDown, 3],
  ['ReplacesPods', replacesPods, 5],
  ['RecreatesFailedPod', recreatesPod('Failed'), 3],
  ['RecreatesSucceededPod', recreatesPod('Succeeded'), 3],
  ['RecreatesPVCForPendingPod', recreatesPVCForPendingPod, 3],
];

function controlCases(): PortedCase[] {
  return FUNCS.flatMap(([func, body, replicas]) =>
    (['Monotonic', 'Burst'] as const).map((mode) => ({
      source: SOURCE,
      func: 'TestStatefulSetControl',
      name: `${func}/${mode}`,
      run: () => {
        for (const policy of POLICIES) {
          const base = newStatefulSet(replicas);
          const set = {
            ...base,
            spec: {
              ...base.spec,
              persistentVolumeClaimRetentionPolicy: policy,
              ...(mode === 'Burst' ? { podManagementPolicy: 'Parallel' } : {}),
            },
          } as KObject;
          body(set, mode === 'Burst' ? burstInvariants : monotonicInvariants, mode === 'Burst');
        }
      },
    })),
  );
}

const START_ORDINAL: PortedCase = {
  source: SOURCE,
  func: 'TestStatefulSetControlWithStartOrdinal',
  name: 'CreatesPodsWithStartOrdinal',
  run: () => {
    const base = newStatefulSet(3);
    const c = new FakeStatefulSetCluster({
      ...base,
      spec: { ...base.spec, ordinals: { start: 2 } },
    } as KObject);
    scaleUp(c, () => {});
    expectStatus(c, 3);
    expect(c.sorted().map(ord)).toEqual([2, 3, 4]);
  },
};

/**
 * updateStatefulSetControl: sync, then move pods forward and sync until the set has exactly its
 * replicas, all Ready, and (RollingUpdate) the update revision has become the current one.
 */
function rollOut(c: FakeStatefulSetCluster, inv: Invariants): void {
  const done = () => {
    const st = c.set.status ?? {};
    const replicas = c.set.spec?.replicas ?? 1;
    const partition = c.set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    const rolled =
      c.set.spec?.updateStrategy?.type === 'OnDelete' ||
      st.currentRevision === st.updateRevision ||
      (partition > 0 && st.updatedReplicas === Math.max(0, replicas - partition));
    return st.readyReplicas === replicas && st.replicas === replicas && rolled;
  };
  c.sync();
  inv(c);
  for (let guard = 0; !done(); guard++) {
    expect(guard).toBeLessThan(500);
    for (const p of c.pods) if (!p.status?.phase) c.setPhase(p, 'Pending');
    const pods = c.sorted();
    const pod = pods[c.random(pods.length)];
    if (pod?.status?.phase === 'Pending') c.setPhase(pod, 'Running');
    else if (pod?.status?.phase === 'Running') c.setPhase(pod, 'Running', true);
    c.sync();
    inv(c);
  }
}

const image = (p: KObject) => (p.spec?.containers as Array<{ image?: string }> | undefined)?.[0]?.image;

interface UpdateCase {
  name: string;
  burst: boolean;
  from: number;
  to: number;
  partition?: number;
}

function updated(c: FakeStatefulSetCluster, to: number, strategy: Record<string, unknown>): KObject {
  const spec = c.set.spec as Record<string, unknown>;
  const tmpl = spec.template as { spec: { containers: Array<Record<string, unknown>> } };
  return {
    ...c.set,
    spec: {
      ...spec,
      replicas: to,
      updateStrategy: strategy,
      template: {
        ...tmpl,
        spec: { ...tmpl.spec, containers: [{ ...tmpl.spec.containers[0], image: 'foo' }] },
      },
    },
  } as KObject;
}

/** Scales the set up under `strategy`, changes its image (and replicas) and rolls it out. */
function runUpdate(t: UpdateCase, policy: Policy, strategy: Record<string, unknown>): FakeStatefulSetCluster {
  const base = newStatefulSet(t.from);
  const set = {
    ...base,
    spec: {
      ...base.spec,
      persistentVolumeClaimRetentionPolicy: policy,
      updateStrategy: strategy,
      ...(t.burst ? { podManagementPolicy: 'Parallel' } : {}),
    },
  } as KObject;
  const c = new FakeStatefulSetCluster(set);
  scaleUp(c, t.burst ? burstInvariants : monotonicInvariants);
  c.setTemplate(updated(c, t.to, strategy));
  rollOut(c, burstInvariants);
  return c;
}

const UPDATES: UpdateCase[] = [
  { name: 'monotonic image update', burst: false, from: 3, to: 3 },
  { name: 'monotonic image update and scale up', burst: false, from: 3, to: 5 },
  { name: 'monotonic image update and scale down', burst: false, from: 5, to: 3 },
  { name: 'burst image update', burst: true, from: 3, to: 3 },
  { name: 'burst image update and scale up', burst: true, from: 3, to: 5 },
  { name: 'burst image update and scale down', burst: true, from: 5, to: 3 },
];

function rollingUpdateCases(): PortedCase[] {
  return UPDATES.map((t) => ({
    source: SOURCE,
    func: 'TestStatefulSetControlRollingUpdate',
    name: t.name,
    run: () => {
      for (const policy of POLICIES) {
        const c = runUpdate(t, policy, { type: 'RollingUpdate' });
        expect(c.sorted().map(image)).toEqual(Array(t.to).fill('foo'));
      }
    },
  }));
}

function onDeleteCases(): PortedCase[] {
  return UPDATES.map((t) => ({
    source: SOURCE,
    func: 'TestStatefulSetControlOnDeleteUpdate',
    name: t.name,
    run: () => {
      for (const policy of POLICIES) {
        const c = runUpdate(t, policy, { type: 'OnDelete' });
        // validateUpdate: the existing pods keep the original image; new ordinals get the new one.
        expect(c.sorted().map(image)).toEqual(
          Array.from({ length: t.to }, (_, i) => (i < t.from ? 'nginx' : 'foo')),
        );
        // validateRestart: scaled to 0 and back, every pod is created from the update revision.
        const replicas = t.to;
        c.set = withReplicas(c.set, 0);
        scaleDown(c, t.burst ? burstInvariants : monotonicInvariants);
        c.set = withReplicas(c.set, replicas);
        scaleUp(c, t.burst ? burstInvariants : monotonicInvariants);
        expect(c.sorted().map(image)).toEqual(Array(replicas).fill('foo'));
      }
    },
  }));
}

const PARTITIONED: UpdateCase[] = [
  { name: 'monotonic image update', burst: false, from: 3, to: 3, partition: 2 },
  { name: 'monotonic image update and scale up', burst: false, from: 3, to: 5, partition: 2 },
  { name: 'burst image update', burst: true, from: 3, to: 3, partition: 2 },
  { name: 'burst image update and scale up', burst: true, from: 3, to: 5, partition: 2 },
];

function partitionCases(): PortedCase[] {
  return PARTITIONED.map((t) => ({
    source: SOURCE,
    func: 'TestStatefulSetControlRollingUpdateWithPartition',
    name: t.name,
    run: () => {
      for (const policy of POLICIES) {
        const c = runUpdate(t, policy, { type: 'RollingUpdate', rollingUpdate: { partition: t.partition } });
        const want = Array.from({ length: t.to }, (_, i) => (i < t.partition! ? 'nginx' : 'foo'));
        expect(c.sorted().map(image)).toEqual(want);
      }
    },
  }));
}

function rollbackCases(): PortedCase[] {
  return UPDATES.map((t) => ({
    source: SOURCE,
    func: 'TestStatefulSetControlRollback',
    name: t.name,
    run: () => {
      const c = runUpdate(t, undefined, { type: 'RollingUpdate' });
      expect(c.sorted().map(image)).toEqual(Array(t.to).fill('foo'));
      // ApplyRevision(set, revisions[0]): the oldest revision's template, rolled out again.
      const oldest = c.history[0]!;
      const template = (oldest.data as { spec: { template: unknown } }).spec.template;
      c.setTemplate({ ...c.set, spec: { ...c.set.spec, template } } as KObject);
      rollOut(c, burstInvariants);
      expect(c.sorted().map(image)).toEqual(Array(t.to).fill('nginx'));
    },
  }));
}

/** Ten image updates, each rolled out; afterwards at most limit + 2 revisions (current and update are live). */
function historyRun(set: KObject, updates: number): number[] {
  const c = new FakeStatefulSetCluster(set);
  scaleUp(c, isParallel(set) ? burstInvariants : monotonicInvariants);
  const counts: number[] = [];
  for (let i = 0; i < updates; i++) {
    const spec = c.set.spec as Record<string, unknown>;
    const tmpl = spec.template as { spec: { containers: Array<Record<string, unknown>> } };
    c.setTemplate({
      ...c.set,
      spec: {
        ...spec,
        template: {
          ...tmpl,
          spec: { ...tmpl.spec, containers: [{ ...tmpl.spec.containers[0], image: `foo-${i}` }] },
        },
      },
    } as KObject);
    rollOut(c, burstInvariants);
    c.sync();
    counts.push(c.history.length);
  }
  return counts;
}

const isParallel = (set: KObject) => set.spec?.podManagementPolicy === 'Parallel';

const LIMITS: Array<{ name: string; burst?: boolean; limit?: number }> = [
  { name: 'monotonic update' },
  { name: 'burst update', burst: true },
  { name: 'zero revisionHistoryLimit', limit: 0 },
  { name: 'negative revisionHistoryLimit', limit: -2 },
  { name: 'positive revisionHistoryLimit', limit: 5 },
];

function limitsHistoryCases(): PortedCase[] {
  return LIMITS.map((t) => ({
    source: SOURCE,
    func: 'TestStatefulSetControlLimitsHistory',
    name: t.name,
    run: () => {
      const base = newStatefulSet(3);
      const spec = {
        ...base.spec,
        ...(t.burst ? { podManagementPolicy: 'Parallel' } : {}),
        ...(t.limit !== undefined ? { revisionHistoryLimit: t.limit } : {}),
      };
      const set = { ...base, spec } as KObject;
      const limit = (set.spec?.revisionHistoryLimit as number) ?? 10;
      const counts = historyRun(set, 10);
      // A negative limit means no truncation in Kubernetes; the Go test checks nothing then.
      if (limit >= 0) for (const n of counts) expect(n).toBeLessThanOrEqual(limit + 2);
      expect(counts).toHaveLength(10);
    },
  }));
}

const HONOR_HISTORY_LIMIT: PortedCase = {
  source: SOURCE,
  func: 'TestStatefulSetHonorRevisionHistoryLimit',
  name: 'limit + 5 updates stay within limit + 2 revisions, all five policies (status write failures not injected)',
  run: () => {
    for (const policy of POLICIES) {
      const base = newStatefulSet(3);
      const set = {
        ...base,
        spec: { ...base.spec, persistentVolumeClaimRetentionPolicy: policy },
      } as KObject;
      const limit = set.spec?.revisionHistoryLimit as number;
      for (const n of historyRun(set, limit + 5)) expect(n).toBeLessThanOrEqual(limit + 2);
    }
  },
};

const AVAILABILITY: Array<{ name: string; readyForMs: number; available: number }> = [
  {
    name: 'replicas running for required time, when minReadySeconds is enabled',
    readyForMs: 120 * 60_000,
    available: 1,
  },
  {
    name: 'replicas not running for required time, when minReadySeconds is enabled',
    readyForMs: 30 * 60_000,
    available: 0,
  },
];

function availabilityCases(): PortedCase[] {
  return AVAILABILITY.map((t) => ({
    source: SOURCE,
    func: 'TestStatefulSetAvailability',
    name: t.name,
    run: () => {
      const base = newStatefulSet(1);
      const set = { ...base, spec: { ...base.spec, minReadySeconds: 3600 } } as KObject;
      const c = new FakeStatefulSetCluster(set);
      scaleUp(c, burstInvariants);
      // The pod turned Ready `readyForMs` before now (the Go test backdates lastTransitionTime).
      const now = 10 * 3_600_000;
      const pods = c.pods.map((p) => ({
        ...p,
        status: {
          ...p.status,
          conditions: [
            { type: 'Ready', status: 'True', lastTransitionTime: formatTimestamp(now - t.readyForMs) },
          ],
        },
      })) as KObject[];
      const status = computeStatus(
        c.set,
        pods,
        { current: REVISION, update: REVISION, collisionCount: 0 },
        now,
      );
      expect(status.availableReplicas).toBe(t.available);
    },
  }));
}

export const cases: PortedCase[] = [
  ...controlCases(),
  START_ORDINAL,
  ...rollingUpdateCases(),
  ...onDeleteCases(),
  ...partitionCases(),
  ...rollbackCases(),
  ...limitsHistoryCases(),
  HONOR_HISTORY_LIMIT,
  ...availabilityCases(),
];

/**
 * The Deployment judge on hand-built API states: Kubernetes' fenceposts and proportions as the
 * judge states them (semantics/deployment.ts), and each Deployment invariant on writes and stores
 * made for it, both ways: the bound as Kubernetes sets it holds, one replica beyond it is caught.
 * (surge-bounds and history-limit have no mutant in the catalogue; this is where they fail.)
 */
import { describe, expect, it } from 'vitest';
import { deploymentAvailabilityBounds } from '../../src/invariants/deployment-availability-bounds.ts';
import { deploymentHistoryLimit } from '../../src/invariants/deployment-history-limit.ts';
import { deploymentRollback } from '../../src/invariants/deployment-rollback.ts';
import { deploymentSurgeBounds } from '../../src/invariants/deployment-surge-bounds.ts';
import { fenceposts, proportionalSizes } from '../../src/invariants/semantics/deployment.ts';
import type { LivenessContext } from '../../src/invariants/types.ts';
import type { KObject } from '../../src/model/types.ts';
import type { DeploymentCause, WriteRecord } from '../../src/sim/api/types.ts';
import type { World } from '../../src/sim/world.ts';

const TEMPLATE = (image: string) => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', image }] },
});

function deployment(replicas: number, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-1', resourceVersion: '1', generation: 2 },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: TEMPLATE('app:v2'), ...extra },
  } as KObject;
}

function rs(name: string, image: string, replicas: number, available: number, created: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, created)).toISOString().replace('.000Z', 'Z'),
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-1', controller: true },
      ],
    },
    spec: { replicas, template: TEMPLATE(image) },
    status: { replicas: available, availableReplicas: available, readyReplicas: available },
  } as KObject;
}

const resized = (o: KObject, replicas: number): KObject => ({ ...o, spec: { ...o.spec, replicas } });

/** A ReplicaSet write of the Deployment controller, with the sets as its sync held them. */
function write(
  reason: DeploymentCause['reason'],
  d: KObject,
  view: KObject[],
  target: KObject,
  to: number,
  plannedAtMs = 1000,
): WriteRecord {
  const create = reason === 'create-new';
  return {
    verb: create ? 'create' : 'update',
    kind: 'ReplicaSet',
    key: `default/${target.metadata.name}`,
    actor: 'deployment-controller',
    before: create ? undefined : target,
    after: resized(target, to),
    removed: false,
    cause: {
      controller: 'deployment',
      reason,
      ownerUid: 'd-1',
      observedDeployment: d,
      observedReplicaSets: view,
      newReplicaSet: undefined,
      plannedAtMs,
    },
  };
}

function world(stepWrites: WriteRecord[], objects: KObject[] = []): World {
  return {
    stepWrites,
    now: 3_600_000,
    store: {
      list: (kind: string) => objects.filter((o) => o.kind === kind),
      byUid: (uid: string) => objects.find((o) => o.metadata.uid === uid),
    },
  } as unknown as World;
}

describe('deployment judge: semantics', () => {
  it.each([
    // [replicas, maxSurge, maxUnavailable, want surge, want unavailable] (TestResolveFenceposts)
    [10, '25%', '25%', 3, 2],
    [5, '25%', '25%', 2, 1],
    [10, '0%', '0%', 0, 1],
    [1, 0, 5, 0, 1],
    [0, '25%', '25%', 0, 0],
    [4, 2, 1, 2, 1],
  ])(
    'fenceposts: replicas=%s maxSurge=%s maxUnavailable=%s → %s / %s',
    (replicas, surge, unavailable, s, u) => {
      const d = deployment(replicas, {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
      });
      expect(fenceposts(d)).toEqual({ maxSurge: s, maxUnavailable: u });
    },
  );

  it('fenceposts: Recreate surges and loses nothing', () => {
    expect(fenceposts(deployment(4, { strategy: { type: 'Recreate' } }))).toEqual({
      maxSurge: 0,
      maxUnavailable: 0,
    });
  });

  it('proportions: 8 old and 5 new sized for 13 grow to 14 and 9 when 10 replicas become 20 (maxSurge 3)', () => {
    const d = deployment(20, {
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 0 } },
    });
    const annotate = (o: KObject) => ({
      ...o,
      metadata: { ...o.metadata, annotations: { 'deployment.kubernetes.io/max-replicas': '13' } },
    });
    const sizes = proportionalSizes(d, [
      annotate(rs('web-old', 'app:v1', 8, 8, 1)),
      annotate(rs('web-new', 'app:v2', 5, 0, 2)),
    ]);
    expect(Object.fromEntries(sizes)).toEqual({ 'web-old': 14, 'web-new': 9 });
  });

  it('proportions: a max-replicas annotation zeroed or invalid falls back to status.replicas (TestGetReplicaSetFraction, "incorrectly set to 0 (by a 3rd party)")', () => {
    for (const bad of ['0', '-13', '1e1']) {
      const d = deployment(20, {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 0 } },
      });
      d.status = { replicas: 13 };
      const annotate = (o: KObject) => ({
        ...o,
        metadata: { ...o.metadata, annotations: { 'deployment.kubernetes.io/max-replicas': bad } },
      });
      const sizes = proportionalSizes(d, [
        annotate(rs('web-old', 'app:v1', 8, 8, 1)),
        annotate(rs('web-new', 'app:v2', 5, 0, 2)),
      ]);
      expect(Object.fromEntries(sizes)).toEqual({ 'web-old': 14, 'web-new': 9 });
    }
  });
});

describe('deployment judge: invariants on hand-built writes', () => {
  const d = deployment(10);
  const old = rs('web-old', 'app:v1', 10, 10, 1);
  const fresh = rs('web-new', 'app:v2', 3, 0, 2);

  it('surge-bounds: 10 old + 3 new is spec.replicas + maxSurge; one more is caught', () => {
    const within = write('scale-new', d, [old, resized(fresh, 2)], fresh, 3);
    expect(deploymentSurgeBounds.check(world([within]))).toEqual([]);
    const beyond = write('scale-new', d, [old, fresh], fresh, 4);
    const [f] = deploymentSurgeBounds.check(world([beyond]));
    expect(f?.message).toContain('asks for 14 replicas in all, above spec.replicas + maxSurge = 13');
    expect(f?.messageKo).toContain('14개');
  });

  it('availability-bounds: 2 of 10 available old replicas may go (minAvailable 8), a third in the same sync is caught', () => {
    const first = write('scale-down-old', d, [old, fresh], old, 9);
    const second = write('scale-down-old', d, [resized(old, 9), fresh], resized(old, 9), 8);
    expect(deploymentAvailabilityBounds.check(world([first, second]))).toEqual([]);
    // Fresh records: the judge reads each write once, in the world it happened in.
    const again = [
      write('scale-down-old', d, [old, fresh], old, 9),
      write('scale-down-old', d, [resized(old, 9), fresh], resized(old, 9), 8),
    ];
    const third = write('scale-down-old', d, [resized(old, 8), fresh], resized(old, 8), 7);
    const w = world([...again, third]);
    const findings = deploymentAvailabilityBounds.check(w);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('takes 3 available replicas away in this sync, but only 2 could go'),
    ]);
  });

  it('availability-bounds: unhealthy old replicas go first, within all − minAvailable − new unavailable (13 − 8 − 3)', () => {
    const sick = rs('web-old', 'app:v1', 10, 6, 1);
    expect(
      deploymentAvailabilityBounds.check(world([write('cleanup-unhealthy', d, [sick, fresh], sick, 8)])),
    ).toEqual([]);
    const [f] = deploymentAvailabilityBounds.check(
      world([write('cleanup-unhealthy', d, [sick, fresh], sick, 7)]),
    );
    expect(f?.message).toContain('takes 3 unhealthy replicas away in this sync, but only 2 could go');
  });

  it('rollback: a create beside a set of the same template the sync saw is caught; the newest revision holds', () => {
    const undone = deployment(3, { template: TEMPLATE('app:v1') });
    const kept = {
      ...rs('web-v1', 'app:v1', 0, 0, 1),
      metadata: {
        ...rs('web-v1', 'app:v1', 0, 0, 1).metadata,
        annotations: { 'deployment.kubernetes.io/revision': '1' },
      },
    };
    const v2 = {
      ...rs('web-v2', 'app:v2', 3, 3, 2),
      metadata: {
        ...rs('web-v2', 'app:v2', 3, 3, 2).metadata,
        annotations: { 'deployment.kubernetes.io/revision': '2' },
      },
    };
    const reuse = write(
      'annotate-new',
      undone,
      [kept, v2],
      { ...kept, metadata: { ...kept.metadata, annotations: { 'deployment.kubernetes.io/revision': '3' } } },
      0,
    );
    expect(deploymentRollback.check(world([reuse]))).toEqual([]);
    const twin = {
      ...rs('web-v1b', 'app:v1', 0, 0, 3),
      metadata: {
        ...rs('web-v1b', 'app:v1', 0, 0, 3).metadata,
        annotations: { 'deployment.kubernetes.io/revision': '3' },
      },
    };
    const [f] = deploymentRollback.check(world([write('create-new', undone, [kept, v2], twin, 1)]));
    expect(f?.message).toContain('replicaset/web-v1b was created although replicaset/web-v1');
  });
});

describe('deployment judge: history-limit on hand-built stores', () => {
  const ctx: LivenessContext = { phase: 'settled', memo: new Map(), held: () => {} };
  const d = deployment(3, { revisionHistoryLimit: 1 });
  const current = rs('web-v2', 'app:v2', 3, 3, 10);
  const olds = [1, 2, 3].map((i) => rs(`web-old${i}`, `app:old${i}`, 0, 0, i));

  it('a complete rollout with one old ReplicaSet under revisionHistoryLimit=1 holds', () => {
    expect(deploymentHistoryLimit.check(world([], [d, current, olds[2]!]), ctx)).toEqual([]);
  });

  it('a complete rollout keeping three old ReplicaSets under revisionHistoryLimit=1 is caught', () => {
    const [f] = deploymentHistoryLimit.check(world([], [d, current, ...olds]), ctx);
    expect(f?.message).toBe(
      'deployment/web: the rollout is complete but 3 old ReplicaSets remain, above revisionHistoryLimit=1',
    );
  });

  it('a rollout not yet complete is not judged (the old sets may still be needed)', () => {
    const rolling = rs('web-v2', 'app:v2', 3, 1, 10);
    expect(deploymentHistoryLimit.check(world([], [d, rolling, ...olds]), ctx)).toEqual([]);
  });
});
